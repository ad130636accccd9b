import Foundation
import Glibc
@testable import KluisBench
import KluisCore
import KluisPostgres
import KluisTesting
import PostgresNIO
import Testing

/// `kluis bench --database` works in a schema of its own in the user's database and leaves
/// nothing behind, whether it ends or is stopped. One test at a time, since each looks for the
/// bench schemas the other's run would add.
@Suite(.serialized, .enabled(if: PostgresTestServer.isEnabled, "set KLUIS_TEST_POSTGRES_URL to run"))
struct BenchOnPostgresTests {
    @Test func benchRunsOnPostgresInASchemaItDropsAfterwards() async throws {
        let url = try #require(PostgresTestServer.url, "KLUIS_TEST_POSTGRES_URL is not set")
        // Compared with what was there before: a bench ended by SIGKILL leaves its schema.
        let before = try await Self.benchSchemas(url)
        let run = try await BenchCommandTests.bench("--database", url, "--subjects", "40", "--batch", "15", "--samples", "5",
                                                    "--connections", "2", "--seconds", "3", "--erasure-records", "50", "--sweep-records", "200", "--json")
        #expect(run.exitCode == 0, "\(run.errorOutput)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any])
        #expect(report["store"] as? String == "PostgreSQL")
        let importResult = try #require((report["results"] as? [[String: Any]])?.first)
        #expect((importResult["baseline"] as? Double ?? 0) > 0)
        #expect((importResult["baseline_name"] as? String)?.contains("PostgreSQL") == true)
        #expect(importResult["target"] as? String == ">= 35% of raw, at 20,000 people")
        #expect(!run.output.contains(":kluis@"))
        // A user without the right to checkpoint is warned of what that leaves to chance.
        let mayCheckpoint = try await Self.mayCheckpoint(try PostgresLocation(url: url))
        #expect(run.errorOutput.contains("did not let this user run CHECKPOINT") == !mayCheckpoint, "\(run.errorOutput)")
        // The bench's schema is gone: nothing is left behind in the user's database.
        #expect(try await Self.benchSchemas(url) == before)
    }

    /// Stopped halfway with SIGTERM (or Ctrl-C's SIGINT), the bench drops its schema, then ends
    /// saying it was stopped, with the exit code a shell gives a process the signal ended.
    @Test func benchStoppedBySignalDropsItsSchema() async throws {
        let url = try #require(PostgresTestServer.url, "KLUIS_TEST_POSTGRES_URL is not set")
        let executable = try #require(ServeProcessTests.kluisExecutable(), "run 'swift build' first")
        let before = try await Self.benchSchemas(url)
        let bench = try await Child.start(executable, ["bench", "--database", url, "--subjects", "20000", "--load", "in-process"])
        defer { bench.kill() }
        // Its schema appears as its import begins, which takes far longer than this wait.
        var started = false
        for _ in 0..<600 where !started {
            started = try await Self.benchSchemas(url).subtracting(before).count == 1
            if !started { try await Task.sleep(for: .milliseconds(100)) }
        }
        try #require(started, "the bench made no schema within a minute: \(bench.errorOutput)")

        bench.terminate()
        let ended = try #require(await bench.termination(within: .seconds(120)), "the bench did not stop within 120 s of SIGTERM")
        #expect(ended.exited, "the bench was ended by the signal itself, not stopped by it")
        #expect(ended.status == 128 + SIGTERM)
        #expect(bench.errorOutput.contains("stopped by SIGTERM"), "\(bench.errorOutput)")
        #expect(try await Self.benchSchemas(url) == before, "the stopped bench left its schema")
    }

    /// Before each timed deletion the bench vacuums the records, so that neither meets rows
    /// another left dead, and checkpoints, if the server lets its user: it says which it did.
    @Test func settlingVacuumsTheRecordsAndCheckpointsWhereAllowed() async throws {
        let url = try #require(PostgresTestServer.url, "KLUIS_TEST_POSTGRES_URL is not set")
        let target = try BenchStore.make(database: url)
        guard case .postgres(let location) = target else { Issue.record("not a PostgreSQL bench"); return }
        let (dead, vacuums, checkpointed, mayCheckpoint) = try await target.withStore { store in
            try await store.prepare()
            let now = Date(timeIntervalSince1970: 1_800_000_000)
            var changes: [StoreChange] = []
            for _ in 0..<20 {
                let subject = SubjectID.generate()
                changes += [.createSubject(subject, createdAt: now),
                            .addDataKey(StoredDataKey(subject: subject, category: "visits", wrapped: Data([1]), rootKeyID: "bench"))]
                for number in 0..<5 {
                    changes.append(.putRecord(SealedRecord(
                        subject: subject, category: "visits", id: RecordID.generate(), fields: ["page": Data([2])],
                        createdAt: now, updatedAt: now,
                        schedule: ErasureSchedule(eraseBy: now.addingTimeInterval(number == 0 ? -60 : 60), action: .delete, purpose: "service"))))
                }
            }
            try await store.commit(changes, audit: [])
            #expect(try await target.rawDelete(dueBy: now) == 20)
            let checkpointed = try await target.settleRecords()
            let (dead, vacuums) = try await Self.withClient(location) { client in
                let rows = try await client.query("""
                    SELECT n_dead_tup, vacuum_count FROM pg_stat_user_tables WHERE schemaname = \(location.schema) AND relname = 'records'
                    """)
                var found: (Int64, Int64)?
                for try await row in rows.decode((Int64, Int64).self) { found = row }
                return try #require(found, "no statistics for the bench's records")
            }
            return (dead, vacuums, checkpointed, try await Self.mayCheckpoint(location))
        }
        #expect(dead == 0, "the deleted rows are still in the table")
        #expect(vacuums == 1)
        #expect(checkpointed == mayCheckpoint)
    }

    /// The names of the bench schemas in the test database.
    static func benchSchemas(_ url: String) async throws -> Set<String> {
        try await withClient(try PostgresLocation(url: url)) { client in
            let rows = try await client.query("SELECT nspname FROM pg_namespace WHERE nspname LIKE 'kluis\\_bench\\_%'")
            return Set(try await rows.decode(String.self).reduce(into: [String]()) { $0.append($1) })
        }
    }

    /// Whether the test database's user may run `CHECKPOINT`.
    static func mayCheckpoint(_ location: PostgresLocation) async throws -> Bool {
        try await withClient(location) { client in
            var may = false
            for try await value in try await client.query("SELECT pg_has_role(current_user, 'pg_checkpoint', 'MEMBER')").decode(Bool.self) { may = value }
            return may
        }
    }

    /// Runs `body` with a client of the test database, as the bench's user.
    static func withClient<T: Sendable>(_ location: PostgresLocation, _ body: (PostgresClient) async throws -> T) async throws -> T {
        let client = PostgresClient(configuration: location.clientConfiguration(maximumConnections: 1))
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await client.run() }
            defer { group.cancelAll() }
            return try await body(client)
        }
    }
}
