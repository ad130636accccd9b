import Foundation
import KluisCore

extension PeriodicTask {
    /// Forgets the privacy center's sessions and pending sign-ins that expired: they let no one
    /// in any more, and their rows should not pile up. Any node may run it.
    public static func expiredSessions(of vault: Vault, interval: Duration) -> PeriodicTask {
        PeriodicTask(name: "expired-sessions", interval: interval) {
            try await vault.sessions.forgetExpired()
            try await vault.signIns.forgetExpired()
            return nil
        }
    }
}
