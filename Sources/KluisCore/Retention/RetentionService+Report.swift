import Foundation

/// The retention report: what is kept, until when, and why.
extension RetentionService {
    /// Counts every record by category and deciding purpose, dated or undated with the reason,
    /// and every person's purposes by reason; opens no value but the date fields retention is
    /// anchored on. Dates are worked out afresh, as the next policy change or anchor would.
    public func report(at time: Date? = nil) async throws -> RetentionReport {
        let now = time ?? vault.now()
        var report = RetentionReport(time: now)
        var after: SubjectID?
        while true {
            let page = try await vault.store.subjects(after: after, limit: 500)
            for subject in page {
                guard let snapshot = try await vault.store.snapshot(of: subject) else { continue }
                let state = snapshot.state
                let applications = vault.gate.applicability.applications(state)
                let fieldDate = vault.fieldDates(of: snapshot)
                let standing = vault.planner.standing(of: snapshot.records, state: state, fieldDate: fieldDate)
                report.count(applications)
                for record in snapshot.records {
                    let plan = vault.planner.plan(of: record, state: state, standing: standing) { fieldDate(record, $0) }
                    report.count(record, schedule: plan.schedule, undated: plan.undated, now: now)
                }
            }
            guard let last = page.last, page.count == 500 else { break }
            after = last
        }
        report.sort()
        return report
    }
}
