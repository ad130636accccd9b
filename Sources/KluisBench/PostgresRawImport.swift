import Foundation
import KluisCore
import KluisPostgres
import Logging
import PostgresNIO

/// The PostgreSQL baseline: the same rows with one `INSERT … SELECT FROM UNNEST` per table, a
/// batch per transaction, in the bench's own schema — the fastest plain path the vault's store
/// uses too.
struct PostgresRawImport {
    let location: PostgresLocation

    func run(_ people: [NewSubject], batch: Int) async throws -> Double {
        try await withClient { client, logger in
            try await client.withTransaction(logger: logger) { connection in
                for statement in [
                    "CREATE TABLE raw_subjects (id text PRIMARY KEY, created_at double precision NOT NULL)",
                    "CREATE TABLE raw_identifiers (kind text NOT NULL, value text NOT NULL, subject_id text NOT NULL, PRIMARY KEY (kind, value))",
                    """
                    CREATE TABLE raw_records (subject_id text NOT NULL, category text NOT NULL, record_id text NOT NULL, fields text NOT NULL,
                                              created_at double precision NOT NULL, PRIMARY KEY (subject_id, category, record_id))
                    """,
                ] {
                    try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
                }
            }
            let start = ContinuousClock.now
            var index = 0
            while index < people.count {
                let rows = try RawRows(people[index..<min(index + batch, people.count)])
                let now = Array(repeating: Date().timeIntervalSince1970, count: rows.subjects.count)
                let recordTimes = Array(repeating: Date().timeIntervalSince1970, count: rows.recordSubjects.count)
                try await client.withTransaction(logger: logger) { connection in
                    try await connection.query("INSERT INTO raw_subjects SELECT * FROM UNNEST(\(rows.subjects), \(now))", logger: logger)
                    try await connection.query("""
                        INSERT INTO raw_identifiers SELECT * FROM UNNEST(\(rows.identifierKinds), \(rows.identifierValues), \(rows.identifierSubjects))
                        """, logger: logger)
                    try await connection.query("""
                        INSERT INTO raw_records SELECT * FROM UNNEST(\(rows.recordSubjects), \(rows.recordCategories), \(rows.recordIDs),
                                                                     \(rows.recordFields), \(recordTimes))
                        """, logger: logger)
                }
                index += rows.subjects.count
            }
            return Double(people.count * SyntheticPeople.fieldsPerPerson) / (ContinuousClock.now - start).seconds
        }
    }

    /// Deletes the vault's records due by (or exactly at) `date` in one statement; returns how many.
    func delete(_ which: RawDeletion, _ date: Date) async throws -> Int {
        try await withClient { client, logger in
            let rows = try await client.query("""
                WITH deleted AS (DELETE FROM records WHERE erase_by \(unescaped: which.rawValue) \(date.timeIntervalSince1970) RETURNING 1)
                SELECT count(*) FROM deleted
                """, logger: logger)
            var count = 0
            for try await value in rows.decode(Int64.self) { count = Int(value) }
            return count
        }
    }

    /// Brings the vault's records to the state of rows written long before they are deleted:
    /// vacuumed, and on disk since a checkpoint. Returns false when the server does not let the
    /// bench's user run `CHECKPOINT` (it needs the role `pg_checkpoint`, or to be a superuser).
    func settleRecords() async throws -> Bool {
        try await withClient { client, logger in
            _ = try await client.query("VACUUM records", logger: logger)
            do {
                _ = try await client.query("CHECKPOINT", logger: logger)
                return true
            } catch let error as PSQLError where error.serverInfo?[.sqlState] == "42501" {
                return false
            }
        }
    }

    /// Removes the bench's schema with everything in it.
    func dropSchema() async throws {
        try await withClient { client, logger in
            // The name is a checked plain identifier made by the bench.
            _ = try await client.query("DROP SCHEMA IF EXISTS \(unescaped: location.schema) CASCADE", logger: logger)
        }
    }

    private func withClient<T: Sendable>(_ body: (PostgresClient, Logger) async throws -> T) async throws -> T {
        let logger = PostgresVaultStore.defaultLogger
        let client = PostgresClient(configuration: location.clientConfiguration(maximumConnections: 2), backgroundLogger: logger)
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await client.run() }
            defer { group.cancelAll() }
            return try await body(client, logger)
        }
    }
}
