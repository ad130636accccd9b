import Foundation
import KluisCore
import Logging
import ServiceLifecycle

/// Runs a node's periodic tasks as one lifecycle `Service`, each on its own interval, until
/// graceful shutdown. A failing round is logged and retried next interval; it never stops the
/// node.
public struct BackgroundWorker: Service {
    public let tasks: [PeriodicTask]
    let logger: Logger

    public init(tasks: [PeriodicTask], logger: Logger) {
        self.tasks = tasks
        self.logger = logger
    }

    public func run() async throws {
        await cancelWhenGracefulShutdown {
            await withDiscardingTaskGroup { group in
                for task in tasks {
                    group.addTask { await repeatUntilCancelled(task) }
                }
            }
        }
    }

    private func repeatUntilCancelled(_ task: PeriodicTask) async {
        // Nodes started together should not all work at the same moment: start after a random
        // part of the interval.
        let startDelay = task.interval * Double.random(in: 0..<1)
        guard (try? await Task.sleep(for: startDelay)) != nil else { return }
        while !Task.isCancelled {
            do {
                if let summary = try await task.work() {
                    logger.info("background.done", metadata: ["kluis.task": "\(task.name)", "kluis.summary": "\(summary)"])
                }
            } catch where Task.isCancelled {
                return // shutting down: the round was interrupted, not failed
            } catch {
                // The code of a vault error, else the error's type: a driver's text may quote data.
                let code = (error as? VaultError)?.code.rawValue ?? "\(type(of: error))"
                logger.error("background.failed", metadata: ["kluis.task": "\(task.name)", "kluis.code": "\(code)"])
            }
            guard (try? await Task.sleep(for: task.interval)) != nil else { return }
        }
    }
}
