import Foundation

/// What loading another version of the policy would change for the people stored, worked out
/// before it is loaded: records whose erase-by date moves (earlier, later, due at once, or no
/// longer dated), consents that go stale because their purpose changed, and purposes and
/// categories that go away while data is held for them. Counts only, no value.
public struct PolicyImpact: Sendable, Hashable {
    public var subjects = 0
    public var records = 0
    /// Records whose erase-by date moves.
    public var earlier = 0
    public var later = 0
    /// Records the new policy would remove at the next sweep that the current one keeps.
    public var dueAtOnce = 0
    /// Records that lose their date (kept until something happens), and those that gain one.
    public var undated = 0
    public var dated = 0
    /// By purpose: people whose consent would be stale and need asking again.
    public var staleConsents: [String: Int] = [:]
    /// Purposes of the current policy the new one lacks, with the people they apply to now.
    public var purposesGone: [String: Int] = [:]
    /// Categories of the current policy the new one lacks, with the records held in them.
    public var categoriesGone: [String: Int] = [:]

    public var changesAnything: Bool {
        earlier + later + dueAtOnce + undated + dated > 0 || !staleConsents.isEmpty || !purposesGone.isEmpty || !categoriesGone.isEmpty
    }
}

extension Vault {
    /// What `newPolicy` would change for the people stored, person by person; `progress` hears
    /// how many people are done. Opens only the date fields retention is anchored on, as a
    /// sweep does, and writes nothing.
    public func impact(of newPolicy: Policy, by principal: Principal, progress: @Sendable (Int) -> Void = { _ in }) async throws -> PolicyImpact {
        guard principal.isAdmin else { throw VaultError(.forbidden, "only an admin may work out a policy's impact") }
        let shadow = Vault(policy: newPolicy, keys: keys, store: store, clock: clock, committer: committer, receiptSigner: receiptSigner)
        let now = now()
        let newTerms = shadow.consentTerms
        let keptPurposes = Set(newPolicy.purposes.map(\.id))
        let keptCategories = Set(newPolicy.categories.map(\.id))
        var impact = PolicyImpact()
        var after: SubjectID?
        while true {
            let page = try await store.subjects(after: after, limit: 500)
            for subject in page {
                guard let snapshot = try await store.snapshot(of: subject) else { continue }
                impact.subjects += 1
                let state = snapshot.state
                let fieldDate = fieldDates(of: snapshot)
                let standing = planner.standing(of: snapshot.records, state: state, fieldDate: fieldDate)
                let newStanding = shadow.planner.standing(of: snapshot.records, state: state, fieldDate: fieldDate)
                for record in snapshot.records {
                    impact.records += 1
                    guard keptCategories.contains(record.category) else {
                        impact.categoriesGone[record.category, default: 0] += 1
                        continue
                    }
                    let old = planner.plan(of: record, state: state, standing: standing) { fieldDate(record, $0) }.schedule.eraseBy
                    let new = shadow.planner.plan(of: record, state: state, standing: newStanding) { fieldDate(record, $0) }.schedule.eraseBy
                    switch (old, new) {
                    case let (old?, new?) where new < old:
                        impact.earlier += 1
                        if new <= now, old > now { impact.dueAtOnce += 1 }
                    case let (old?, new?) where new > old: impact.later += 1
                    case (_?, nil): impact.undated += 1
                    case (nil, let new?):
                        impact.dated += 1
                        if new <= now { impact.dueAtOnce += 1 }
                    default: break
                    }
                }
                for application in gate.applicability.applications(state) where !keptPurposes.contains(application.purpose) {
                    impact.purposesGone[application.purpose, default: 0] += 1
                }
                for purpose in Set(state.consents.events.map(\.purpose)) where keptPurposes.contains(purpose) {
                    if let hash = newTerms.purposeHashes[purpose], state.consents.status(of: purpose, purposeHash: consentTerms.purposeHashes[purpose] ?? "") == .given,
                       state.consents.status(of: purpose, purposeHash: hash) == .stale {
                        impact.staleConsents[purpose, default: 0] += 1
                    }
                }
            }
            progress(impact.subjects)
            guard let last = page.last, page.count == 500 else { break }
            after = last
        }
        // The date fields were opened, as a sweep opens them: the log says who looked.
        try await audit(AuditEntry(time: now, actor: principal.id, action: .read, reason: "policy impact of version \(newPolicy.info.version): \(impact.subjects) people"))
        return impact
    }
}
