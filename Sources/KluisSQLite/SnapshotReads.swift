import GRDB
import KluisCore
import Synchronization

/// People's snapshots read in turns: a turn takes one reader connection and reads what is
/// waiting, then what came meanwhile, until nothing is, as the committer groups commits. A read
/// handed to a reader on its own costs two jumps between threads to get there and one back;
/// under many requests at once those jumps, not the statements, were much of a read's time
/// (docs/benchmarks.md). Alone, a read takes a turn of its own at once.
final class SnapshotReads: Sendable {
    private struct Read {
        var subject: SubjectID
        var categories: Set<String>?
        var continuation: CheckedContinuation<SubjectSnapshot?, any Error>
    }

    private struct State {
        var waiting: [Read] = []
        var turns = 0
    }

    private let pool: DatabasePool
    private let state = Mutex(State())
    /// Turns at once, each on a reader connection of its own.
    private let maximumTurns: Int

    init(pool: DatabasePool, maximumTurns: Int) {
        self.pool = pool
        self.maximumTurns = maximumTurns
    }

    func snapshot(of subject: SubjectID, recordsIn categories: Set<String>?) async throws -> SubjectSnapshot? {
        try await withCheckedThrowingContinuation { continuation in
            let startsTurn = state.withLock { state in
                state.waiting.append(Read(subject: subject, categories: categories, continuation: continuation))
                guard state.turns < maximumTurns else { return false }
                state.turns += 1
                return true
            }
            if startsTurn { takeTurn() }
        }
    }

    /// Reads what is waiting, then what came meanwhile, until nothing is.
    private func takeTurn() {
        pool.asyncUnsafeRead { connection in
            while true {
                let reads = self.state.withLock { state in
                    if state.waiting.isEmpty { state.turns -= 1 }
                    defer { state.waiting = [] }
                    return state.waiting
                }
                if reads.isEmpty { return }
                for read in reads {
                    read.continuation.resume(with: Result {
                        try SQLiteVaultStore.snapshot(of: read.subject, recordsIn: read.categories, in: try connection.get())
                    })
                }
            }
        }
    }
}
