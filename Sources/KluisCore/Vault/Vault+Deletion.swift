import Foundation

/// Deleting a piece of a person's data: one record, or one category, with the guarantees of a
/// whole erasure: keys destroyed with the last record they sealed, journalled and replayed after
/// a restore, audited.
extension Vault {
    /// Deletes one record of `category`, or all of them when `record` is `nil`, and returns the
    /// journal entry. An application's key, or the person themselves in the privacy center, may
    /// delete only where the policy lets the person delete themselves (`deletion: self_service`);
    /// an admin key anywhere. Refused, changing
    /// nothing, when a legal obligation that applies to the person, or a legal hold in force,
    /// must keep what would go: only an erasure request restricts such data to that purpose.
    @discardableResult
    public func delete(_ category: String, record: RecordID? = nil, of subject: SubjectID,
                       by principal: Principal) async throws -> ErasureRecord {
        guard let definition = policy.category(category) else {
            throw VaultError(.categoryUnknown, "'\(category)' is not a category of the policy")
        }
        guard principal.isAdmin || principal.isPerson(subject)
                || policy.purposes(using: category).contains(where: { principal.purposes.contains($0.id) }) else {
            throw VaultError(.purposeNotAllowed, "this key is bound to no purpose that uses the category '\(category)'")
        }
        guard principal.isAdmin || definition.deletion == .selfService else {
            throw VaultError(.deletionByRequest, "'\(category)' is deleted only through an erasure request: the policy does not let the person delete it themselves")
        }
        // Decided on the person as read (what a legal obligation keeps, the dates of the rest):
        // read again when they changed before the commit.
        return try await retryingConflicts { try await deleteOnce(category, record: record, of: subject, by: principal) }
    }

    private func deleteOnce(_ category: String, record: RecordID?, of subject: SubjectID, by principal: Principal) async throws -> ErasureRecord {
        guard let snapshot = try await store.snapshot(of: subject) else {
            throw VaultError(.subjectNotFound, "there is no subject \(subject)")
        }
        let all = snapshot.records.filter { $0.category == category }
        let targets = all.filter { record == nil || $0.id == record }
        guard !targets.isEmpty else {
            throw VaultError(.recordNotFound, record.map { "the subject has no record \($0) in '\(category)'" } ?? "the subject has no records in '\(category)'")
        }
        let now = now()
        if let keeper = erasurePlan(for: snapshot, only: targets, now: now).kept.first {
            let until = keeper.until.map { " until \(legalCalendar.calendarDate(of: $0))" } ?? " until its retention clock starts"
            throw VaultError(.erasureKept, "'\(category)' must be kept under '\(keeper.purpose)'\(until): a legal obligation or a legal hold keeps it; an erasure request restricts it to that purpose instead")
        }
        let whole = targets.count == all.count
        let erasure = ErasureRecord(subject: subject, request: nil, erasedAt: now, erased: whole ? [category] : [], kept: [],
                                    maskedRecords: 0, pseudonym: "",
                                    scope: ErasureRecord.Scope(categories: record == nil ? [category] : [], records: targets.map(\.id)))
        try await committer.commit(erasureChanges(erasure, restrictions: [], of: snapshot), audit: [
            AuditEntry(time: now, actor: principal.id, action: .erasure, subject: subject, categories: [category],
                       reason: record == nil ? "deleted \(targets.count) records" : "deleted record \(targets[0].id)"),
        ])
        if whole { keys.forget(subject: subject, categories: [category]) }
        return erasure
    }

    /// What an erasure of the person's data would have to keep, and why: per category, the
    /// purposes (a legal obligation, a legal hold) that keep it and until when. For the person to
    /// see before they delete anything, and after.
    public func keptOnErasure(of subject: SubjectID, categories: [String]? = nil) async throws -> [ErasureRecord.Kept] {
        guard let snapshot = try await store.snapshot(of: subject) else {
            throw VaultError(.subjectNotFound, "there is no subject \(subject)")
        }
        let targets = categories.map { wanted in snapshot.records.filter { wanted.contains($0.category) } }
        return erasurePlan(for: snapshot, only: targets, now: now()).kept
    }
}
