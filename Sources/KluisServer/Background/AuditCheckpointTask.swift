import Foundation
import KluisCore
import Logging

extension PeriodicTask {
    /// Verifies the audit events added since the last checkpoint and records a checkpoint after
    /// them. Every node runs it; the store takes one checkpoint after another, so each stretch
    /// of the chain is checkpointed once. A broken chain is logged as an error every round
    /// until someone looks.
    public static func auditCheckpoints(of vault: Vault, interval: Duration, logger: Logger) -> PeriodicTask {
        PeriodicTask(name: "audit-checkpoint", interval: interval) {
            // A busy vault adds more events per interval than one checkpoint covers: catch up.
            var verified: Int64 = 0
            var last: Int64?
            rounds: while !Task.isCancelled {
                switch try await vault.checkpointAudit() {
                case .added(let checkpoint, let events):
                    verified += events
                    last = checkpoint.sequence
                case .upToDate, .madeElsewhere:
                    break rounds
                case .broken(let broken):
                    logger.critical("audit.chain_broken", metadata: ["kluis.event": "\(broken.sequence)", "kluis.problem": "\(broken.problem)"])
                    break rounds
                }
            }
            return last.map { "checkpoint at event \($0), \(verified) events verified" }
        }
    }
}
