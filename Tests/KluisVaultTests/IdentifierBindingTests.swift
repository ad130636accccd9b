import Foundation
import GRDB
import KluisCore
import KluisPostgres
import KluisTesting
import PostgresNIO
import Testing

/// Identifier rows are bound to their subjects by a keyed tag: a row moved to another person with
/// SQL is refused at lookup and reported by verification, on both stores.
@Suite struct IdentifierBindingTests {
    static let (first, second) = ("eerste.persoon@voorbeeld.example", "tweede.persoon@voorbeeld.example")

    @Test(arguments: StoreKind.enabled) func aRepointedIdentifierIsRefusedAtLookupAndReported(store kind: StoreKind) async throws {
        let fixture = try await VaultFixture(store: kind)
        defer { fixture.directory.remove() }
        let victim = try await fixture.makeSubject(email: Self.first)
        let other = try await fixture.makeSubject(email: Self.second)
        #expect(try await Vault.verifyIdentifiers(in: fixture.store, keys: fixture.vault.keys).isIntact)

        // What the attack in issue 17 did: the victim's rows now name someone else.
        try await Self.execute(kind == .sqlite
            ? ["UPDATE identifiers SET subject_id = '\(other)' WHERE subject_id = '\(victim)'"]
            : ["UPDATE identifier_index SET subject_id = '\(other)' WHERE subject_id = '\(victim)'",
               "UPDATE identifiers SET subject_id = '\(other)' WHERE subject_id = '\(victim)'"], on: fixture)

        let email = try SubjectIdentifier(kind: .email, value: Self.first)
        do {
            let answer = try await fixture.vault.lookup(email, by: VaultFixture.serviceApp)
            Issue.record("a moved identifier answered \(answer)")
        } catch let error as VaultError {
            #expect(error.code == .identifierTampered)
            #expect(!error.description.contains("persoon"), "no identifier in the error")
        }
        // The same refusal where a request names the person by identifier.
        do {
            _ = try await fixture.vault.requests.submit(RequestSubmission(type: .access, identifiers: [email], channel: .email),
                                                        by: VaultFixture.admin)
            Issue.record("a request was matched through a moved identifier")
        } catch let error as VaultError {
            #expect(error.code == .identifierTampered)
        }
        // The other person's own identifier still finds them.
        #expect(try await fixture.vault.lookup(SubjectIdentifier(kind: .email, value: Self.second), by: VaultFixture.serviceApp) == other)
        // The refusal is audited as denied, naming no one.
        let refused = try #require(try await fixture.vault.auditEvents(limit: 1000).last { $0.entry.action == .lookup && $0.entry.outcome == .denied })
        #expect(refused.entry.subject == nil)
        #expect(refused.entry.reason == "identifier.tampered")

        let check = try await Vault.verifyIdentifiers(in: fixture.store, keys: fixture.vault.keys, pageSize: 1)
        #expect(!check.isIntact)
        #expect(check.unboundCount == (kind == .sqlite ? 1 : 2), "SQLite has one table of identifiers, PostgreSQL two")
        #expect(check.checked == (kind == .sqlite ? 2 : 4))
        #expect(Set(check.unbound.map(\.subject)) == [other.rawValue])
    }

    /// Rows written before tags existed are tagged when a vault is next unlocked, but only when
    /// their sealed value proves the subject they name: one moved before the upgrade stays refused.
    @Test(arguments: StoreKind.enabled) func untaggedRowsAreTaggedOnlyWhenTheyProveTheirSubject(store kind: StoreKind) async throws {
        let fixture = try await VaultFixture(store: kind)
        defer { fixture.directory.remove() }
        let victim = try await fixture.makeSubject(email: Self.first)
        let other = try await fixture.makeSubject(email: Self.second)
        try await Self.execute(kind == .sqlite
            ? ["UPDATE identifiers SET tag = NULL", "UPDATE identifiers SET subject_id = '\(other)' WHERE subject_id = '\(victim)'"]
            : ["UPDATE identifiers SET tag = NULL", "UPDATE identifier_index SET tag = NULL",
               "UPDATE identifier_index SET subject_id = '\(other)' WHERE subject_id = '\(victim)'",
               "UPDATE identifiers SET subject_id = '\(other)' WHERE subject_id = '\(victim)'"], on: fixture)

        let vault = try await Vault.open(store: fixture.store, root: fixture.root, policy: fixture.policy, clock: fixture.clock)
        #expect(try await vault.lookup(SubjectIdentifier(kind: .email, value: Self.second), by: VaultFixture.serviceApp) == other)
        await #expect(throws: VaultError.self) {
            _ = try await vault.lookup(SubjectIdentifier(kind: .email, value: Self.first), by: VaultFixture.serviceApp)
        }
        let check = try await Vault.verifyIdentifiers(in: fixture.store, keys: vault.keys)
        #expect(check.unboundCount == (kind == .sqlite ? 1 : 2))
        #expect(check.checked == (kind == .sqlite ? 2 : 4))
        #expect(try await fixture.store.bindIdentifiers(limit: 10) { _, _ in Data() } == 0, "nothing left untagged")
    }

    /// Runs `statements` on the fixture's database, as someone with write access to it would.
    static func execute(_ statements: [String], on fixture: VaultFixture) async throws {
        if let location = fixture.postgresLocation {
            let configuration = PostgresConnection.Configuration(host: location.host, port: location.port, username: location.user,
                                                                 password: location.password, database: location.database, tls: .disable)
            let logger = PostgresVaultStore.defaultLogger
            let connection = try await PostgresConnection.connect(configuration: configuration, id: 1, logger: logger)
            do {
                try await connection.query(PostgresQuery(unsafeSQL: "SET search_path TO \(location.schema)"), logger: logger)
                for statement in statements {
                    try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
                }
            } catch {
                try await connection.close()
                throw error
            }
            try await connection.close()
            return
        }
        let pool = try DatabasePool(path: fixture.databasePath)
        try await pool.write { db in
            for statement in statements { try db.execute(sql: statement) }
        }
        try pool.close()
    }
}
