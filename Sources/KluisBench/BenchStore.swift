import Foundation
import GRDB
import KluisCore
import KluisPostgres
import KluisSQLite

/// Where `kluis bench` runs: a SQLite file in a temporary directory, or a schema of its own in
/// a PostgreSQL database, dropped afterwards. Each comes with its raw baseline.
enum BenchStore {
    case sqlite(directory: URL)
    case postgres(PostgresLocation)

    /// A fresh place for one run.
    static func make(database: String?) throws -> BenchStore {
        guard let database else {
            return .sqlite(directory: FileManager.default.temporaryDirectory.appendingPathComponent("kluis-bench-\(UUID().uuidString)"))
        }
        var location: PostgresLocation
        do { location = try PostgresLocation(url: database) } catch {
            throw BenchFailure("the database URL cannot be used: \(error.message)")
        }
        location.schema = "kluis_bench_" + UUID().uuidString.lowercased().replacingAll("-", with: "").prefix(12)
        return .postgres(location)
    }

    var name: String {
        switch self {
        case .sqlite: "SQLite"
        case .postgres: "PostgreSQL"
        }
    }

    var baselineName: String {
        switch self {
        case .sqlite: "raw SQLite inserts of the same rows"
        case .postgres: "raw PostgreSQL INSERT … UNNEST of the same rows"
        }
    }

    /// Runs `body` with an empty store, and removes everything the run made afterwards.
    func withStore<T: Sendable>(_ body: (any VaultStore) async throws -> T) async throws -> T {
        switch self {
        case .sqlite(let directory):
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: directory) }
            return try await body(SQLiteVaultStore(path: directory.appendingPathComponent("kluis.sqlite").path))
        case .postgres(let location):
            do {
                let result = try await PostgresVaultStore.withRunning(on: location, body)
                try await PostgresRawImport(location: location).dropSchema()
                return result
            } catch {
                // In a task of its own: a run stopped by a signal is cancelled, and work started
                // in it would be too (StopSignals, in KluisCLI).
                try? await Task { try await PostgresRawImport(location: location).dropSchema() }.value
                throw error
            }
        }
    }

    /// Inserts `people` as plain rows in batches of `batch`; returns fields per second.
    func rawImport(_ people: [NewSubject], batch: Int) async throws -> Double {
        switch self {
        case .sqlite(let directory):
            try await SQLiteRawImport(path: directory.appendingPathComponent("raw.sqlite").path).run(people, batch: batch)
        case .postgres(let location):
            try await PostgresRawImport(location: location).run(people, batch: batch)
        }
    }

    /// Deletes every record due by `now` with one plain `DELETE` on the vault's own table, over a
    /// connection of its own: the baseline of a sweep. Returns how many rows went.
    func rawDelete(dueBy now: Date) async throws -> Int {
        try await rawDelete(.dueBy, now)
    }

    /// Deletes, untimed, the records due exactly at `date`: what a measurement wrote and is done with.
    func rawDelete(dueAt date: Date) async throws -> Int {
        try await rawDelete(.dueAt, date)
    }

    /// Brings the records to the state a sweep meets them in, written long before they are due.
    /// On PostgreSQL: vacuumed, so that the sweep does not meet the million rows its baseline
    /// left dead (they stay in the table and its indexes until a `VACUUM`), and written out by a
    /// checkpoint, as pages unchanged for longer than the server's checkpoint interval are. The
    /// first change of a page after a checkpoint writes the page whole to the log, which made a
    /// deletion up to half as fast, and while the bench writes its million records the server
    /// checkpoints every 15-20 seconds: without this, whether a deletion was a page's first
    /// change was chance (docs/benchmarks.md, "The sweep's baseline and the server's
    /// checkpoints"). SQLite frees a deleted row's space at its commit and writes no page whole.
    /// Returns false when the server would not checkpoint for the bench's user.
    func settleRecords() async throws -> Bool {
        switch self {
        case .sqlite: true
        case .postgres(let location): try await PostgresRawImport(location: location).settleRecords()
        }
    }

    private func rawDelete(_ which: RawDeletion, _ date: Date) async throws -> Int {
        switch self {
        case .sqlite(let directory):
            let queue = try DatabaseQueue(path: directory.appendingPathComponent("kluis.sqlite").path)
            defer { try? queue.close() }
            return try await queue.write { db in
                try db.execute(sql: "DELETE FROM records WHERE erase_by \(which.rawValue) ?", arguments: [date.timeIntervalSince1970])
                return db.changesCount
            }
        case .postgres(let location):
            return try await PostgresRawImport(location: location).delete(which, date)
        }
    }
}
