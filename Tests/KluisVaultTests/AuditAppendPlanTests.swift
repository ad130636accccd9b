import Foundation
import KluisCore
@testable import KluisPostgres
import KluisTesting
import Logging
import PostgresNIO
import Testing

/// The audit's append is a prepared statement, so PostgreSQL may plan it once for any head of
/// the chain. Such a plan must still find the head by the chain's key: asked whether any event
/// comes after the head, a plan made for any head scanned the whole table at every commit.
@Suite struct AuditAppendPlanTests {
    @Test(.enabled(if: StoreKind.enabled.contains(.postgres), "set KLUIS_TEST_POSTGRES_URL to run"))
    func aPlanForAnyHeadReadsAFewPagesOfALongChain() async throws {
        let fixture = try await VaultFixture(store: .postgres)
        let location = try #require(fixture.postgresLocation)
        let store = try #require(fixture.store as? PostgresVaultStore)
        let entry = AuditEntry(time: Date(timeIntervalSince1970: 1_800_000_000), actor: "key_a", action: .read,
                               subject: SubjectID.generate(), purpose: "service")
        var head: AuditEvent?
        for _ in 0..<10 { head = try await store.commit([], audit: Array(repeating: entry, count: 500)).last }
        let newest = try #require(head)

        let logger = PostgresVaultStore.defaultLogger
        let connection = try await PostgresConnection.connect(
            configuration: .init(host: location.host, port: location.port, username: location.user, password: location.password,
                                 database: location.database, tls: .disable), id: 1, logger: logger)
        defer { Task { try? await connection.close() } }
        func run(_ statement: String) async throws -> [String] {
            try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger).decode(String.self).all()
        }
        _ = try await run("SET search_path TO \(location.schema)")
        _ = try await run("ANALYZE audit")
        let pages = try await run("SELECT relpages::text FROM pg_class WHERE oid = 'audit'::regclass").first.flatMap { Int($0) } ?? 0
        #expect(pages > 100, "the chain should span many pages, it spans \(pages)")

        _ = try await run("SET plan_cache_mode = force_generic_plan")
        let types = AuditAppendStatement.bindingDataTypes.map { $0.knownSQLName ?? "unknown" }.joined(separator: ", ")
        _ = try await run("PREPARE append (\(types)) AS \(AuditAppendStatement.sql)")
        let hash = "'\\x\(newest.hash.hexString)'::bytea"
        let next = newest.sequence + 1
        _ = try await run("BEGIN")
        let plan = try await run("""
            EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) EXECUTE append(\(store.lockSpace), ARRAY[\(next)], ARRAY[0::float8],
                ARRAY['key_a'], ARRAY['read'], ARRAY[''], ARRAY[''], ARRAY[''], ARRAY[''], ARRAY['allowed'], ARRAY[false],
                ARRAY[\(hash)], ARRAY['\\x00'::bytea], \(newest.sequence), \(hash))
            """).joined()
        _ = try await run("ROLLBACK")

        let root = try #require(try JSONSerialization.jsonObject(with: Data(plan.utf8)) as? [[String: Any]])
        let top = try #require(root.first?["Plan"] as? [String: Any])
        #expect(top["Actual Rows"] as? Int == 1, "the append after the true head inserts its event")
        let blocks = (top["Shared Hit Blocks"] as? Int ?? 0) + (top["Shared Read Blocks"] as? Int ?? 0)
        #expect(blocks < 30, "the append read \(blocks) pages of a chain of \(pages)")
    }
}
