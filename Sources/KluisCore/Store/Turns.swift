import Synchronization

/// Requests served in turns, as the ``Committer`` groups commits: a request that arrives while
/// every turn is taken waits; a turn takes everything waiting, then whatever came meanwhile,
/// until nothing is. A store reads people's snapshots this way, so that the reads that arrive
/// together cross to the database's connection once per turn instead of once each
/// (docs/benchmarks.md, "Reads in turns").
public final class Turns<Request: Sendable, Answer: Sendable>: Sendable {
    /// A request waiting for its answer.
    public struct Waiting: Sendable {
        public let request: Request
        let continuation: CheckedContinuation<Answer, any Error>

        /// Answers the request: its caller goes on.
        public func answer(_ result: Result<Answer, any Error>) {
            continuation.resume(with: result)
        }
    }

    private struct State {
        var waiting: [Waiting] = []
        var turns = 0
    }

    private let state = Mutex(State())
    private let maximum: Int
    private let startTurn: @Sendable (Turns) -> Void

    /// At most `maximum` turns at once; `startTurn` starts one, which calls ``next()`` until it
    /// is empty and answers all it took.
    public init(maximum: Int, startTurn: @escaping @Sendable (Turns) -> Void) {
        self.maximum = max(1, maximum)
        self.startTurn = startTurn
    }

    /// The answer to `request`, once a turn has served it. A request that finds a turn free
    /// starts one at once.
    public func submit(_ request: Request) async throws -> Answer {
        try await withCheckedThrowingContinuation { continuation in
            let starts = state.withLock { state in
                state.waiting.append(Waiting(request: request, continuation: continuation))
                guard state.turns < maximum else { return false }
                state.turns += 1
                return true
            }
            if starts { startTurn(self) }
        }
    }

    /// The answer to `request`: from `alone`, run by the caller at once, when a turn is free and
    /// nothing waits (so a lone request costs no more than it did without turns), else from a
    /// turn as ``submit(_:)``. For a store whose turn is a task of its own.
    public func submit(_ request: Request, alone: () async throws -> Answer) async throws -> Answer {
        let runsAlone = state.withLock { state in
            guard state.turns < maximum, state.waiting.isEmpty else { return false }
            state.turns += 1
            return true
        }
        guard runsAlone else { return try await submit(request) }
        defer {
            // The turn this took goes on for whatever came meanwhile, or ends.
            let goesOn = state.withLock { state in
                if state.waiting.isEmpty { state.turns -= 1 }
                return !state.waiting.isEmpty
            }
            if goesOn { startTurn(self) }
        }
        return try await alone()
    }

    /// Takes what is waiting, for the calling turn to answer; empty when nothing is, which ends
    /// the turn.
    public func next() -> [Waiting] {
        state.withLock { state in
            if state.waiting.isEmpty { state.turns -= 1 }
            defer { state.waiting = [] }
            return state.waiting
        }
    }
}
