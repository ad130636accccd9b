import Foundation
import Synchronization
import UnixSignals

/// Long work a person may stop with Ctrl-C or a service manager with SIGTERM, and that must
/// clean up when they do: `kluis bench`, whose PostgreSQL schema would otherwise stay behind in
/// the user's database. The default action of those signals ends the process where it stands.
enum StopSignals {
    /// Runs `work` until it ends. On SIGINT or SIGTERM `work` is cancelled and, once it has
    /// returned, ``CommandFailure`` says it was stopped (exit code 128 plus the signal's number,
    /// as a shell reports a process the signal ended); a second signal ends the process at once,
    /// for work that does not stop.
    static func cancelling<T: Sendable>(_ work: @escaping @Sendable () async throws -> T) async throws -> T {
        let signals = await UnixSignalsSequence(trapping: .sigint, .sigterm)
        let worker = Task { try await work() }
        let received = Received()
        let listener = Task {
            for await signal in signals {
                guard received.isFirst(signal) else { exit(128 + signal.rawValue) }
                worker.cancel()
            }
        }
        defer { listener.cancel() }
        let outcome = await withTaskCancellationHandler { await worker.result } onCancel: { worker.cancel() }
        if let signal = received.signal {
            throw CommandFailure("stopped by \(signal); what the work had made is removed", exitCode: 128 + signal.rawValue)
        }
        return try outcome.get()
    }

    /// The first signal received.
    private final class Received: Sendable {
        private let state = Mutex<UnixSignal?>(nil)

        var signal: UnixSignal? { state.withLock { $0 } }

        /// Keeps `signal` when it is the first signal received, and says whether it was.
        func isFirst(_ signal: UnixSignal) -> Bool {
            state.withLock { first in
                guard first == nil else { return false }
                first = signal
                return true
            }
        }
    }
}
