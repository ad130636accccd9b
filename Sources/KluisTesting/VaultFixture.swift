import Foundation
import KluisCore
import KluisPostgres
import KluisSQLite

/// A vault on a real SQLite file in a temporary directory, or in a fresh schema of the test
/// PostgreSQL server, with the ``PolicyFixture`` policy and a fixed clock.
public struct VaultFixture: Sendable {
    public let directory: TemporaryDirectory
    /// The PostgreSQL pools the fixture runs; they close when the fixture is released.
    let pools = RunningPostgresStores()
    public let root: RootKey
    public let clock: FixedClock
    public let policy: Policy
    public let vault: Vault
    public let store: any VaultStore
    /// Where the PostgreSQL store is, for tests that change rows behind the vault's back.
    public let postgresLocation: PostgresLocation?

    public var databasePath: String { directory.path("kluis.sqlite") }

    /// An application key bound to `service` only.
    public static let serviceApp = Principal(id: "key_service", purposes: ["service"])
    /// A staff key that may break glass.
    public static let staff = Principal(id: "key_staff", purposes: [], mayBreakGlass: true)
    /// The operator.
    public static let admin = Principal(id: "cli", purposes: ["service", "bookkeeping"], isAdmin: true)

    public init(store kind: StoreKind = .sqlite, clock: FixedClock = FixedClock("2026-11-21T10:00:00Z"),
                policy fixture: PolicyFixture = PolicyFixture()) async throws {
        try await self.init(store: kind, clock: clock, policy: try PolicyDocument(text: fixture.yaml).validPolicy())
    }

    /// A vault with `policy`, such as one of the example policies.
    public init(store kind: StoreKind = .sqlite, clock: FixedClock, policy: Policy) async throws {
        directory = try TemporaryDirectory()
        root = RootKey.generate()
        self.clock = clock
        self.policy = policy
        let location = kind == .postgres ? try PostgresTestServer.freshLocation() : nil
        let store: any VaultStore = if let location { pools.open(location) } else { try SQLiteVaultStore(path: directory.path("kluis.sqlite")) }
        postgresLocation = location
        try await Vault.initialise(store: store, root: root, clock: clock)
        vault = try await Vault.open(store: store, root: root, policy: policy, clock: clock)
        self.store = store
    }

    /// The same store opened with another policy, as after deploying a new policy version.
    public func reopened(with fixture: PolicyFixture, allowingAnotherController: Bool = false) async throws -> Vault {
        try await Vault.open(store: store, root: root, policy: try PolicyDocument(text: fixture.yaml).validPolicy(),
                             allowingAnotherController: allowingAnotherController, clock: clock)
    }

    /// A subject with an e-mail identifier and a contact record.
    public func makeSubject(email: String = "jan.jansen@voorbeeld.example", phone: String = "06 1234 5678") async throws -> SubjectID {
        try await vault.createSubject(
            NewSubject(identifiers: [SubjectIdentifier(kind: .email, value: email)],
                       records: [NewRecord(category: "contact", fields: ["email": email, "phone": phone], purpose: "service")]),
            by: Self.admin)
    }
}
