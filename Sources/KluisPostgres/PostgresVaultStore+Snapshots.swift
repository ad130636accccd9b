import Foundation
import KluisCore
import Logging
import PostgresNIO

/// People's reads: alone with ``SnapshotStatement``, together in turns with
/// ``SnapshotsStatement``, limited to categories with ``PartialSnapshotStatement``; a
/// purpose-bound read's with ``ReadSnapshotStatement`` and ``ReadSnapshotsStatement``.
extension PostgresVaultStore {
    public func snapshot(of subject: SubjectID) async throws -> SubjectSnapshot? {
        try await guarded {
            try await snapshots.submit(SnapshotRequest(subject: subject)) {
                try await assembled(subject, from: SnapshotStatement(subject: subject.rawValue))
            }
        }
    }

    public func readSnapshot(of subject: SubjectID) async throws -> SubjectSnapshot? {
        try await guarded {
            try await snapshots.submit(SnapshotRequest(subject: subject, isForRead: true)) {
                try await assembled(subject, from: ReadSnapshotStatement(subject: subject.rawValue))
            }
        }
    }

    /// People's whole and purpose-bound reads in turns: a turn reads everyone waiting in one
    /// statement of each kind (``SnapshotsStatement``, ``ReadSnapshotsStatement``), then whoever
    /// came meanwhile, until nobody is. A read on its own costs a connection taken from the pool,
    /// a round trip and the server's work on one statement; under many requests at once a turn
    /// shares them. A read that finds a turn free and nobody waiting is read at once in its
    /// caller's task, with ``SnapshotStatement`` or ``ReadSnapshotStatement``; while a turn waits
    /// for the server, others may run.
    static func snapshotTurns(client: PostgresClient, logger: Logger, maximum: Int) -> Turns<SnapshotRequest, SubjectSnapshot?> {
        Turns(maximum: maximum) { turns in
            Task {
                while case let reads = turns.next(), !reads.isEmpty {
                    do {
                        // Each kind is read as asked, a person asked for both ways read twice.
                        let whole = try await snapshots(of: reads, forRead: false, with: SnapshotsStatement.init, client: client, logger: logger)
                        let forRead = try await snapshots(of: reads, forRead: true, with: ReadSnapshotsStatement.init, client: client, logger: logger)
                        for read in reads {
                            read.answer(.success((read.request.isForRead ? forRead : whole)[read.request.subject.rawValue] ?? nil))
                        }
                    } catch {
                        for read in reads { read.answer(.failure(error)) }
                    }
                }
            }
        }
    }

    /// The snapshots of the people `reads` ask for of one kind, read with one statement.
    private static func snapshots<Statement: PeopleSnapshotStatement>(
        of reads: [Turns<SnapshotRequest, SubjectSnapshot?>.Waiting], forRead: Bool, with statement: ([String]) -> Statement,
        client: PostgresClient, logger: Logger
    ) async throws -> [String: SubjectSnapshot?] {
        let people = Set(reads.filter { $0.request.isForRead == forRead }.map(\.request.subject))
        guard !people.isEmpty else { return [:] }
        var assemblers = Dictionary(uniqueKeysWithValues: people.map { ($0.rawValue, SubjectSnapshotAssembler(subject: $0)) })
        for try await row in try await client.execute(statement(people.map(\.rawValue)), logger: logger) {
            if let assemblerRow = SnapshotStatement.assemblerRow(row.columns) { assemblers[row.subject]?.add(assemblerRow) }
        }
        return assemblers.mapValues { $0.snapshot() }
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
