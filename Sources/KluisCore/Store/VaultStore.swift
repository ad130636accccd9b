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

    /// Applies `changes` and appends `audit` in one transaction: all or nothing. Throws
    /// ``VaultError/Code/identifierInUse`` when an identifier belongs to another subject.
    func commit(_ changes: [StoreChange], audit: [AuditEvent]) async throws

    /// Everything the vault needs to answer for one subject, read in one transaction; `nil` when
    /// the subject does not exist.
    func snapshot(of subject: SubjectID) async throws -> SubjectSnapshot?
    func subject(kind: SubjectIdentifier.Kind, blindIndex: Data) async throws -> SubjectID?

    /// The last event of the audit chain.
    func auditHead() async throws -> AuditEvent?
    /// Audit events after `sequence` in order, at most `limit`, of one subject when given.
    func auditEvents(after sequence: Int64, subject: SubjectID?, limit: Int) async throws -> [AuditEvent]

    /// Data keys not wrapped by the root key `rootKeyID`, for rotation, at most `limit`.
    func dataKeys(notWrappedBy rootKeyID: String, limit: Int) async throws -> [StoredDataKey]
    /// Replaces wrapped data keys, in one transaction.
    func replaceDataKeys(_ keys: [StoredDataKey]) async throws

    func apiKey(id: String) async throws -> StoredAPIKey?
}
