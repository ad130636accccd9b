import Foundation
import KluisCore

extension PeriodicTask {
    /// Deletes what erasures shredded: records whose data key an erasure destroyed, already
    /// unreadable, and the rows of people erased whole. Every node may run it; PostgreSQL hands
    /// each record to one purge. The summary gives counts only.
    public static func shreddedPurges(of vault: Vault, interval: Duration) -> PeriodicTask {
        PeriodicTask(name: "erasure-purge", interval: interval) {
            let purged = try await vault.purgeShredded()
            guard purged.records + purged.subjectsRemoved > 0 else { return nil }
            return "\(purged.records) shredded records deleted, \(purged.subjectsRemoved) erased subjects removed"
        }
    }
}
