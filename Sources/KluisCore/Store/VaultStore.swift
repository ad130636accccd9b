import Foundation

/// Where the vault keeps its data. SQLite and PostgreSQL implement it; both must pass the store
/// contract suite in KluisTesting.
///
/// Stores see only sealed values, wrapped keys and blind indexes. They map their driver's errors
/// to ``VaultError`` at the boundary, with descriptions that carry no data.
public protocol VaultStore: Sendable {
    /// Creates or upgrades the schema; safe to call on every start.
    func prepare() async throws

    func metadata(_ key: String) async throws -> Data?
    /// Sets metadata entries in one transaction.
    func setMetadata(_ values: [String: Data]) async throws

    /// Applies `changes` and appends `audit` to the audit chain in one transaction: all or
    /// nothing. Returns the chained events. Throws ``VaultError/Code/identifierInUse`` when an
    /// identifier belongs to another subject.
    ///
    /// The store numbers and chains the entries after the chain's head inside the transaction,
    /// serialising concurrent commits from every process that shares it, so the chain stays one
    /// verifiable order however many nodes write.
    @discardableResult
    func commit(_ changes: [StoreChange], audit: [AuditEntry]) async throws -> [AuditEvent]

    /// Everything the vault needs to answer for one subject, read in one transaction; `nil` when
    /// the subject does not exist.
    func snapshot(of subject: SubjectID) async throws -> SubjectSnapshot?
    func subject(kind: SubjectIdentifier.Kind, blindIndex: Data) async throws -> SubjectID?
    /// The subjects holding a record that refers to the person whose mention is `mention`
    /// (``SealedRecord/mentions``).
    func subjects(mentioning mention: Data) async throws -> [SubjectID]

    /// The last event of the audit chain.
    func auditHead() async throws -> AuditEvent?
    /// Audit events after `sequence` in order, at most `limit`, of one subject when given.
    func auditEvents(after sequence: Int64, subject: SubjectID?, limit: Int) async throws -> [AuditEvent]

    /// The last audit checkpoint, `nil` before the first.
    func latestAuditCheckpoint() async throws -> AuditCheckpoint?
    /// Adds `checkpoint` after the one it names; returns `false`, changing nothing, when another
    /// process added a checkpoint after that one first.
    func addAuditCheckpoint(_ checkpoint: AuditCheckpoint) async throws -> Bool
    /// Audit checkpoints after `sequence` in order, at most `limit`.
    func auditCheckpoints(after sequence: Int64, limit: Int) async throws -> [AuditCheckpoint]

    /// Whether any data key is not wrapped by the root key `rootKeyID` (rotation is unfinished).
    func hasDataKeys(notWrappedBy rootKeyID: String) async throws -> Bool
    /// Claims at most `limit` data keys not wrapped by `rootKeyID` that no other process is
    /// rewrapping, replaces each with `rewrap`'s result, and commits; returns how many. Several
    /// processes may rotate at once: each key is claimed by one.
    func rewrapDataKeys(notWrappedBy rootKeyID: String, limit: Int,
                        _ rewrap: @Sendable (StoredDataKey) throws -> StoredDataKey) async throws -> Int
    /// Sets metadata entries in one transaction when the entry `key` still holds `expected`
    /// (is absent, for `nil`); returns whether it did. Of several processes racing, one wins.
    func setMetadata(_ values: [String: Data], ifCurrent key: String, is expected: Data?) async throws -> Bool

    func apiKey(id: String) async throws -> StoredAPIKey?

    /// Subjects whose latest consent decision about `purpose` is a consent given (or renewed)
    /// for another description of it than `purposeHash`, and who have not objected to it: the
    /// people to ask again (someone who objected to marketing is not asked). Ordered by
    /// subject id, after `after`, at most `limit`.
    func subjectsWithStaleConsent(purpose: String, purposeHash: String, after: SubjectID?, limit: Int) async throws -> [SubjectID]

    /// A visitor's cookie choices, oldest first.
    func cookieChoices(of visitor: VisitorID) async throws -> [CookieChoice]

    func request(_ id: RequestID) async throws -> DataSubjectRequest?
    /// Data-subject requests, oldest receipt first: open ones only unless `includeClosed`, of
    /// one subject when given, at most `limit`.
    func requests(includeClosed: Bool, subject: SubjectID?, limit: Int) async throws -> [DataSubjectRequest]

    /// The erasure journal after `sequence`, oldest first, at most `limit` entries.
    func erasureJournal(after sequence: Int64, limit: Int) async throws -> [ErasureJournalEntry]

    /// Subject ids in order after `after`, at most `limit`: for work that visits everyone.
    func subjects(after: SubjectID?, limit: Int) async throws -> [SubjectID]

    /// Removes at most `limit` records whose erase-by date is at or before `now`, in one
    /// transaction, oldest due first. A record due for anonymisation is first passed to
    /// `anonymise`, and what it returns is kept apart from any person. A data key with no record
    /// left goes; a person with no record left goes altogether. `audit` makes the entries that
    /// record the batch, appended in the same transaction. Concurrent sweeps take disjoint rows.
    func sweep(dueBy now: Date, limit: Int, anonymise: @Sendable (DueRecord) throws -> AnonymousRecord?,
               audit: @Sendable (SweepTally) -> [AuditEntry]) async throws -> SweepTally
    /// What a sweep at `now` would remove, changing nothing. People are not counted.
    func dueTally(dueBy now: Date) async throws -> SweepTally
    /// Anonymous records, oldest first, of one category when given.
    func anonymousRecords(category: String?, limit: Int) async throws -> [AnonymousRecord]

    /// Reduces audit events written before `cutoff`, up to the checkpoint at `sequence`, to what
    /// the hash chain needs (number, time, action, outcome, hashes); returns how many, with the
    /// entries `audit` makes for that count appended in the same transaction.
    func reduceAudit(before cutoff: Date, through sequence: Int64,
                     audit: @Sendable (Int) -> [AuditEntry]) async throws -> Int
    /// Deletes requests closed before `cutoff`; returns how many, with the entries `audit` makes
    /// for that count appended in the same transaction.
    func deleteRequests(closedBefore cutoff: Date, audit: @Sendable (Int) -> [AuditEntry]) async throws -> Int
}
