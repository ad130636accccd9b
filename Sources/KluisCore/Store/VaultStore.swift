import Foundation

/// Where the vault keeps its data: every role a store plays, one protocol per capability.
/// SQLite and PostgreSQL implement it; both must pass the store contract suite in KluisTesting,
/// one file per role.
///
/// Stores see only sealed values, wrapped keys and blind indexes. They map their driver's errors
/// to ``VaultError`` at the boundary, with descriptions that carry no data.
public protocol VaultStore: SubjectStore, AuditStore, KeyStore, ConsentStore, RequestStore, RetentionStore, ThrottleStore,
                            SignInStore, SessionStore, StaffStore, BreachStore {}
