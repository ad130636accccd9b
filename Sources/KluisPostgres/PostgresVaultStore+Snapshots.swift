import Foundation
import KluisCore
import Logging
import PostgresNIO

/// People's reads: alone with ``SnapshotStatement``, together in turns with
/// ``SnapshotsStatement``, limited to categories with ``PartialSnapshotStatement``.
extension PostgresVaultStore {
    public func snapshot(of subject: SubjectID) async throws -> SubjectSnapshot? {
        try await guarded {
            try await snapshots.submit(SnapshotRequest(subject: subject)) {
                try await assembled(subject, from: SnapshotStatement(subject: subject.rawValue))
            }
        }
    }

    /// People's whole reads in turns: a turn reads everyone waiting in one statement
    /// (``SnapshotsStatement``), then whoever came meanwhile, until nobody is. A read on its own
    /// costs a connection taken from the pool, a round trip and the server's work on one
    /// statement; under many requests at once a turn shares them. A read that finds a turn free
    /// and nobody waiting is read at once in its caller's task, with ``SnapshotStatement``;
    /// while a turn waits for the server, others may run.
    static func snapshotTurns(client: PostgresClient, logger: Logger, maximum: Int) -> Turns<SnapshotRequest, SubjectSnapshot?> {
        Turns(maximum: maximum) { turns in
            Task {
                while case let reads = turns.next(), !reads.isEmpty {
                    do {
                        let people = Array(Set(reads.map(\.request.subject)))
                        var assemblers = Dictionary(uniqueKeysWithValues: people.map { ($0.rawValue, SubjectSnapshotAssembler(subject: $0)) })
                        for try await row in try await client.execute(SnapshotsStatement(subjects: people.map(\.rawValue)), logger: logger) {
                            if let assemblerRow = SnapshotStatement.assemblerRow(row.columns) { assemblers[row.subject]?.add(assemblerRow) }
                        }
                        for read in reads { read.answer(.success(assemblers[read.request.subject.rawValue]?.snapshot())) }
                    } catch {
                        for read in reads { read.answer(.failure(error)) }
                    }
                }
            }
        }
    }

    public func snapshot(of subject: SubjectID, recordsIn categories: Set<String>) async throws -> SubjectSnapshot? {
        try await guarded {
            try await assembled(subject, from: PartialSnapshotStatement(subject: subject.rawValue, categories: categories.sorted()))
        }
    }

    /// The snapshot of `subject` from the rows of `statement`, one person's.
    private func assembled<Statement: PostgresPreparedStatement>(_ subject: SubjectID, from statement: Statement) async throws -> SubjectSnapshot?
    where Statement.Row == SnapshotStatement.Row {
        var assembler = SubjectSnapshotAssembler(subject: subject)
        for try await row in try await client.execute(statement, logger: logger) {
            if let row = SnapshotStatement.assemblerRow(row) { assembler.add(row) }
        }
        return assembler.snapshot()
    }
}
