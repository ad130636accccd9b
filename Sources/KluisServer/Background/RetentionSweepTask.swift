import Foundation
import KluisCore

extension PeriodicTask {
    /// Sweeps what is past its retention: records deleted or anonymised, audit events reduced,
    /// closed request files deleted. Every node may run it; PostgreSQL hands each due record to
    /// one sweep. The summary gives counts only.
    public static func retentionSweeps(of vault: Vault, interval: Duration) -> PeriodicTask {
        PeriodicTask(name: "retention-sweep", interval: interval) {
            let report = try await vault.retention.sweep()
            let removed = report.removed
            guard removed.records + report.auditEventsReduced + report.requestsDeleted + report.rescheduled > 0 else { return nil }
            return "\(removed.records) records removed or anonymised, \(removed.subjectsRemoved) subjects removed, "
                + "\(report.rescheduled) rescheduled, \(report.auditEventsReduced) audit events reduced, \(report.requestsDeleted) requests deleted"
        }
    }
}
