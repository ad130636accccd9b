import Foundation

/// Data-subject requests and the erasure journal.
public protocol RequestStore: Sendable {
    func request(_ id: RequestID) async throws -> DataSubjectRequest?

    /// Data-subject requests, oldest receipt first: open ones only unless `includeClosed`, of
    /// one subject when given, at most `limit`.
    func requests(includeClosed: Bool, subject: SubjectID?, limit: Int) async throws -> [DataSubjectRequest]

    /// The erasure journal after `sequence`, oldest first, at most `limit` entries.
    func erasureJournal(after sequence: Int64, limit: Int) async throws -> [ErasureJournalEntry]

    /// Deletes requests closed before `cutoff`; returns how many, with the entries `audit` makes
    /// for that count appended in the same transaction.
    func deleteRequests(closedBefore cutoff: Date, audit: @Sendable (Int) -> [AuditEntry]) async throws -> Int
}
