import Foundation
import KluisCore

extension PeriodicTask {
    /// Delivers the webhook events that are due (``WebhookDispatcher``). Every node may run it;
    /// each endpoint's lease in the store lets one of them deliver. The summary gives counts only.
    public static func webhookDeliveries(by dispatcher: WebhookDispatcher, interval: Duration) -> PeriodicTask {
        PeriodicTask(name: "webhooks", interval: interval) { try await dispatcher.round() }
    }
}
