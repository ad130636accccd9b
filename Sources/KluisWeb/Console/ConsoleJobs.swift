import Foundation
import KluisCore
import Synchronization

/// Long work started from the console (verifying the audit chain, a retention sweep) runs here
/// in the background, while the member's page shows its progress so far, with a link to show it
/// anew, until it is done: no JavaScript, and no request held open for minutes. Jobs are kept by the node that
/// runs them, for an hour after they end, and shown only to the member who started them.
final class ConsoleJobs: Sendable {
    struct Job: Sendable {
        var owner: String
        var kind: String
        var started: Date
        /// The page to go back to when it is done.
        var back: String?
        /// What is done so far, as text keys and values for the page.
        var progress: [String: String] = [:]
        /// The result, once done: text keys and values; or the failure.
        var result: [String: String]?
        var failure: String?
        var ended: Date?
    }

    private let jobs = Mutex<[String: Job]>([:])
    static let kept: TimeInterval = 3600

    /// Starts `work` for `owner`; `work` reports progress through its argument and returns the
    /// result. Returns the job's id.
    func start(_ kind: String, owner: String, now: Date, back: String? = nil,
               _ work: @escaping @Sendable (_ report: @escaping @Sendable ([String: String]) -> Void) async throws -> [String: String]) -> String {
        let id = RandomToken.make()
        jobs.withLock { jobs in
            jobs = jobs.filter { $0.value.ended.map { now.timeIntervalSince($0) < Self.kept } ?? true }
            jobs[id] = Job(owner: owner, kind: kind, started: now, back: back)
        }
        Task {
            do {
                let result = try await work { progress in self.jobs.withLock { $0[id]?.progress = progress } }
                jobs.withLock { $0[id]?.result = result; $0[id]?.ended = Date() }
            } catch let error as VaultError {
                jobs.withLock { $0[id]?.failure = error.message; $0[id]?.ended = Date() }
            } catch {
                jobs.withLock { $0[id]?.failure = "the work could not be finished"; $0[id]?.ended = Date() }
            }
        }
        return id
    }

    /// The job `id`, when `owner` started it.
    func job(_ id: String, owner: String) -> Job? {
        jobs.withLock { $0[id] }.flatMap { $0.owner == owner ? $0 : nil }
    }
}
