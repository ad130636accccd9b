import Foundation
import KluisCore

extension PeriodicTask {
    /// Sends the breach reminders that are due (the policy's `breaches.remind_at`) through
    /// `outbox`, while the authority has not been told: to the breach's contact, its reporter and
    /// the policy's address for breaches. A breach records the reminders sent, so a round after a
    /// node was down sends one, not each one missed. The summary gives a count only.
    public static func breachReminders(of vault: Vault, outbox: any Outbox, interval: Duration) -> PeriodicTask {
        PeriodicTask(name: "breach-reminders", interval: interval) {
            let reminded = try await vault.breaches.sendDueReminders(through: outbox)
            guard reminded > 0 else { return nil }
            return "\(reminded) breach\(reminded == 1 ? "" : "es") reminded of"
        }
    }
}
