import Foundation

/// The retention report: what is kept, until when, and why.
extension Vault {
    /// Counts every record by category and deciding purpose, dated or undated with the reason,
    /// and every person's purposes by reason; opens no value but the date fields retention is
    /// anchored on. Dates are worked out afresh, as the next policy change or anchor would.
    public func retentionReport(at time: Date? = nil) async throws -> RetentionReport {
        let now = time ?? self.now()
        var report = RetentionReport(time: now)
        var after: SubjectID?
        while true {
            let page = try await store.subjects(after: after, limit: 500)
            for subject in page {
                guard let snapshot = try await store.snapshot(of: subject) else { continue }
                let state = snapshot.state
                let applications = gate.applicability.applications(state)
                let fieldDate = fieldDates(of: snapshot)
                let standing = planner.standing(of: snapshot.records, state: state, fieldDate: fieldDate)
                report.count(applications)
                for record in snapshot.records {
                    let plan = planner.plan(of: record, state: state, standing: standing) { fieldDate(record, $0) }
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
