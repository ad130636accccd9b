import Foundation
import KluisCore
import KluisPostgres
import KluisTesting
import Logging
import PostgresNIO
import Testing

/// After an import into PostgreSQL the planner knows what the tables hold: a person's read is a
/// prepared statement, and one planned on statistics that still say "empty" read 3.5 times slower.
@Suite struct PlannerStatisticsTests {
    @Test(.enabled(if: StoreKind.enabled.contains(.postgres), "set KLUIS_TEST_POSTGRES_URL to run"))
    func anImportLeavesTheTablesAnalysed() async throws {
        let fixture = try await VaultFixture(store: .postgres)
        let location = try #require(fixture.postgresLocation)
        let tables = ["subjects", "identifiers", "identifier_index", "data_keys", "records", "events", "consent_events",
                      "restrictions", "mentions", "audit"]
        let before = try await Self.analysed(tables, in: location)
        #expect(before.isEmpty, "a new schema has not been analysed: \(before)")
        let people = try (0..<40).map { number in
            NewSubject(identifiers: [try SubjectIdentifier(kind: .email, value: "persoon\(number)@voorbeeld.example")],
                       records: [NewRecord(category: "contact", fields: ["email": "persoon\(number)@voorbeeld.example"], purpose: "service")])
        }
        _ = try await fixture.vault.importSubjects(people, batchSize: 16, by: VaultFixture.admin)
        #expect(try await Self.analysed(tables, in: location) == Set(tables))
    }

    /// The tables of `tables` that `ANALYZE` has run on, as the server's statistics say.
    static func analysed(_ tables: [String], in location: PostgresLocation) async throws -> Set<String> {
        let logger = PostgresVaultStore.defaultLogger
        let connection = try await PostgresConnection.connect(
            configuration: .init(host: location.host, port: location.port, username: location.user, password: location.password,
                                 database: location.database, tls: .disable), id: 1, logger: logger)
        defer { Task { try? await connection.close() } }
        let rows = try await connection.query("""
            SELECT relname FROM pg_stat_user_tables WHERE schemaname = \(location.schema) AND last_analyze IS NOT NULL
            """, logger: logger)
        var names: Set<String> = []
        for try await name in rows.decode(String.self) where tables.contains(name) { names.insert(name) }
        return names
    }
}
