import Foundation
import GRDB
import KluisCore
import KluisPostgres
import KluisTesting
import Logging
import PostgresNIO
import Testing

/// A write prepared on a person as read, while another transaction takes the last record of the
/// same category and its data key: the write's commit finds its key gone, is prepared again under
/// a new key, and lands readable.
@Suite struct WriteConflictTests {
    static let moderator = Principal(id: "key_moderation", purposes: ["moderation"])

    @Test(arguments: StoreKind.enabled)
    func aWritePreparedBeforeItsKeyWentIsPreparedAgain(store kind: StoreKind) async throws {
        let fixture = try await VaultFixture(store: kind, clock: FixedClock("2024-01-15T10:00:00Z"), policy: .withRetention())
        let vault = fixture.vault
        let person = try await vault.createSubject(NewSubject(
            identifiers: [SubjectIdentifier(kind: .email, value: "anna@voorbeeld.example")],
            records: [
                NewRecord(category: "contact", fields: ["email": "anna@voorbeeld.example"], purpose: "service"),
                NewRecord(category: "reports", fields: ["text": "Eerste melding."]),
            ]), by: VaultFixture.admin)
        // What a sweep does to the category, held open: the write reads the person with the
        // key, then waits for this transaction to commit before its own.
        let holder = try await HeldTransaction.begin(on: fixture, [
            "DELETE FROM records WHERE subject_id = '\(person.rawValue)' AND category = 'reports'",
            "DELETE FROM data_keys WHERE subject_id = '\(person.rawValue)' AND category = 'reports'",
        ])
        let write = Task {
            try await vault.write(NewRecord(category: "reports", fields: ["text": "Tweede melding."]), for: person, by: Self.moderator)
        }
        try await holder.commitOnceWaitedFor()
        _ = try await write.value

        let read = try await vault.read(person, for: "moderation", by: Self.moderator)
        #expect(read.records.map { $0.fields["text"] } == ["Tweede melding."], "the report opens with the key it was sealed under")
        let writes = try await vault.auditEvents(limit: 100).filter { $0.entry.action == .write && $0.entry.subject == person }
        #expect(writes.count == 1, "the refused attempt left nothing in the audit log")
    }
}

/// A transaction on a connection of the test's own, as another Kluis process would hold one.
private enum HeldTransaction {
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
    /// locks show; on SQLite, whose writer waits without a trace, after time enough for the
    /// write to have read the person.
    func commitOnceWaitedFor() async throws {
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
            try await Task.sleep(for: .milliseconds(500))
            try await queue.writeWithoutTransaction { db in try db.execute(sql: "COMMIT") }
            try queue.close()
        }
    }
}
