import Foundation
import GRDB
import KluisCore
import KluisPostgres
import KluisTesting
import Logging
import PostgresNIO
import Testing

/// A transaction on a connection of the test's own, as another Kluis process would hold one.
enum HeldTransaction {
    case sqlite(DatabaseQueue)
    case postgres(PostgresConnection, Logger)

    static func begin(on fixture: VaultFixture, _ statements: [String]) async throws -> HeldTransaction {
        if let location = fixture.postgresLocation {
            let logger = PostgresVaultStore.defaultLogger
            let connection = try await PostgresConnection.connect(
                configuration: .init(host: location.host, port: location.port, username: location.user, password: location.password,
                                     database: location.database, tls: .disable), id: 1, logger: logger)
            for statement in ["SET search_path TO \(location.schema)", "BEGIN"] + statements {
                try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
            }
            return .postgres(connection, logger)
        }
        var configuration = Configuration()
        configuration.allowsUnsafeTransactions = true
        let queue = try DatabaseQueue(path: fixture.databasePath, configuration: configuration)
        try await queue.writeWithoutTransaction { db in
            for statement in ["BEGIN IMMEDIATE"] + statements { try db.execute(sql: statement) }
        }
        return .sqlite(queue)
    }

    /// Commits once another connection waits for this transaction: on PostgreSQL as the server's
    /// locks show; on SQLite, whose writer waits without a trace, after `settle`, time enough for
    /// the other to have read the person.
    func commitOnceWaitedFor(orAfter settle: Duration = .seconds(1)) async throws {
        switch self {
        case .postgres(let connection, let logger):
            var waited = false
            for _ in 0..<500 where !waited {
                let rows = try await connection.query(PostgresQuery(
                    unsafeSQL: "SELECT count(*) FROM pg_locks l WHERE NOT l.granted AND pg_backend_pid() = ANY (pg_blocking_pids(l.pid))"),
                    logger: logger)
                for try await waiting in rows.decode(Int64.self) { waited = waiting > 0 }
                if !waited { try await Task.sleep(for: .milliseconds(10)) }
            }
            #expect(waited, "the write waited for the held transaction")
            try await connection.query("COMMIT", logger: logger)
            try await connection.close()
        case .sqlite(let queue):
            try await Task.sleep(for: settle)
            try await queue.writeWithoutTransaction { db in try db.execute(sql: "COMMIT") }
            try queue.close()
        }
    }
}
