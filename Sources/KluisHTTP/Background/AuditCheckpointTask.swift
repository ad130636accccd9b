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
            switch try await vault.checkpointAudit() {
            case .added(let checkpoint, let events):
                return "checkpoint at event \(checkpoint.sequence), \(events) events verified"
            case .upToDate, .madeElsewhere:
                return nil
            case .broken(let broken):
                logger.critical("audit.chain_broken", metadata: ["event": "\(broken.sequence)", "problem": "\(broken.problem)"])
                return nil
            }
        }
    }
}
