import Foundation

/// The kernel's part of a store: the schema, metadata, one transaction for every change with its
/// audit events, and a person's rows.
public protocol SubjectStore: Sendable {
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

    /// Commits as ``commit(_:audit:)`` does, but only after `predecessor` has returned: when it
    /// throws, nothing of this commit is written, and its error is thrown. A store that can may
    /// write a commit's rows while the predecessor still runs, so that a bulk import's batches
    /// share the database server's cores (``Vault/importSubjects(_:batchSize:by:)``); its audit
    /// events are still chained, and its transaction committed, after the predecessor's.
    @discardableResult
    func commit(_ changes: [StoreChange], audit: [AuditEntry], after predecessor: @Sendable () async throws -> Void) async throws -> [AuditEvent]

    /// After a bulk load (``Vault/importSubjects(_:batchSize:by:)``), brings what the database's
    /// planner knows of the tables up to date, so that a person's read is planned for the tables
    /// as they now are rather than as they were before the load.
    func refreshStatistics() async throws

    /// Everything the vault needs to answer for one subject, read in one transaction; `nil` when
    /// the subject does not exist or was erased whole. A record is part of it only while its
    /// category has a data key: the records of a category whose key an erasure destroyed are
    /// shredded, and left out.
    func snapshot(of subject: SubjectID) async throws -> SubjectSnapshot?

    /// The same snapshot with only the records (and their mentions) of `categories`: for work
    /// that must not grow with the person's other records, such as an erasure, which reads only
    /// what a legal obligation may keep.
    func snapshot(of subject: SubjectID, recordsIn categories: Set<String>) async throws -> SubjectSnapshot?

    /// The snapshot a purpose-bound read (``Vault/read(_:for:by:breakGlassReason:)``) uses: the
    /// whole one but for the person's identifiers and their records' mentions, which it neither
    /// decides with nor answers. A read is the request made most often, and a person's
    /// identifiers are two of the nine rows a person of the bench has (docs/benchmarks.md).
    func readSnapshot(of subject: SubjectID) async throws -> SubjectSnapshot?

    /// The row the lookup index holds for an identifier, unchecked: the vault checks its tag
    /// before it answers with the subject (``Vault/lookup(_:by:)``).
    func identifierBinding(kind: SubjectIdentifier.Kind, blindIndex: Data) async throws -> IdentifierBinding?

    /// Every identifier row after `after` (a row this method returned), at most `limit`, in an
    /// order of the store's choosing: for `kluis audit verify`, which checks each row's tag.
    /// Fewer than `limit` only at the end.
    func identifierBindings(after: IdentifierBinding?, limit: Int) async throws -> [IdentifierBinding]

    /// Tags at most `limit` identifier rows that have no tag yet (written before tags existed),
    /// with what `tag` computes from the row and its subject's wrapped `_identity` data key
    /// (`nil` when the subject has none), and commits; returns how many rows it tagged. Of
    /// several processes running it at once, each row is tagged by one or, identically, by more.
    func bindIdentifiers(limit: Int, _ tag: @Sendable (StoredIdentifier, _ wrappedIdentityKey: Data?) -> Data) async throws -> Int

    /// The subjects holding a record that refers to the person whose mention is `mention`
    /// (``SealedRecord/mentions``).
    func subjects(mentioning mention: Data) async throws -> [SubjectID]

    /// Subject ids in order after `after`, at most `limit`, without those erased whole: for work
    /// that visits everyone.
    func subjects(after: SubjectID?, limit: Int) async throws -> [SubjectID]
}

extension SubjectStore {
    /// One commit after the other: a store whose writes take turns gains nothing by starting
    /// one before the other ends.
    @discardableResult
    public func commit(_ changes: [StoreChange], audit: [AuditEntry], after predecessor: @Sendable () async throws -> Void) async throws -> [AuditEvent] {
        try await predecessor()
        return try await commit(changes, audit: audit)
    }
}
