import Foundation

/// Retention: sweeps of what is due, and the anonymous records they leave.
public protocol RetentionStore: Sendable {
    /// Removes at most `limit` records whose erase-by date is at or before `now`, in one
    /// transaction, oldest due first; shredded records are the purge's, not the sweep's. A record due for anonymisation is first passed to
    /// `anonymise`, and what it returns is kept apart from any person. A data key with no record
    /// left goes; a person with no record left goes altogether. `audit` makes the entries that
    /// record the batch, appended in the same transaction. Concurrent sweeps take disjoint rows.
    func sweep(dueBy now: Date, limit: Int, anonymise: @Sendable (DueRecord) throws -> AnonymousRecord?,
               audit: @Sendable (SweepTally) -> [AuditEntry]) async throws -> SweepTally

    /// Deletes at most `limit` shredded records (``StoreChange/eraseSubject(_:keeping:)``) in one
    /// transaction, and the rows of people erased whole once their last record went. Leaves no
    /// copy of what it deleted in the store's files. Concurrent purges take disjoint rows.
    func purgeShredded(limit: Int) async throws -> PurgeTally

    /// What a sweep at `now` would remove, changing nothing. People are not counted.
    func dueTally(dueBy now: Date) async throws -> SweepTally

    /// Anonymous records, oldest first, of one category when given.
    func anonymousRecords(category: String?, limit: Int) async throws -> [AnonymousRecord]
}
