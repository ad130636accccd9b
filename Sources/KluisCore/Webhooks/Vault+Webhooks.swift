import Foundation

/// The webhook deliveries' state in the store: read, changed only if no other node changed it
/// meanwhile, and the events still to deliver.
extension Vault {
    static func webhookKey(_ endpoint: String) -> String { "webhook.\(endpoint)" }

    /// Sorted keys: a state read back encodes to the bytes stored, which the conditional write
    /// compares.
    private static var webhookEncoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return encoder
    }

    /// The state of `endpoint`'s deliveries. An endpoint seen for the first time starts at the
    /// head of the audit chain: it hears of what happens from now on (`replay` sends the past).
    public func webhookState(of endpoint: String) async throws -> WebhookState {
        try await Self.webhookState(of: endpoint, in: store)
    }

    /// The same, before the vault is made: a server starts its endpoints' states before it takes
    /// requests, so that what the first requests do reaches a new endpoint too.
    public static func webhookState(of endpoint: String, in store: any VaultStore) async throws -> WebhookState {
        let key = Self.webhookKey(endpoint)
        if let stored = try await store.metadata(key) { return try Self.decodeWebhookState(stored) }
        let fresh = WebhookState(delivered: try await store.auditHead()?.sequence ?? 0)
        _ = try await store.setMetadata([key: try Self.webhookEncoder.encode(fresh)], ifCurrent: key, is: nil)
        guard let stored = try await store.metadata(key) else { throw VaultError(.storeFailure, "the webhook state could not be stored") }
        return try Self.decodeWebhookState(stored)
    }

    /// Replaces `endpoint`'s state with `new` if it is still `old`; `false` when another node
    /// changed it first.
    public func replaceWebhookState(of endpoint: String, _ old: WebhookState, with new: WebhookState) async throws -> Bool {
        try await store.setMetadata([Self.webhookKey(endpoint): try Self.webhookEncoder.encode(new)], ifCurrent: Self.webhookKey(endpoint),
                                    is: try Self.webhookEncoder.encode(old))
    }

    /// The events for `endpoint` after its `delivered` sequence, at most `limit`, with the audit
    /// sequence read up to: events that make nothing for this endpoint are passed over.
    public func webhookEvents(for endpoint: WebhookEndpoint, after delivered: Int64,
                              limit: Int = 100) async throws -> (events: [WebhookEvent], readThrough: Int64) {
        var events: [WebhookEvent] = []
        var readThrough = delivered
        while events.count < limit {
            let page = try await store.auditEvents(after: readThrough, subject: nil, limit: 500)
            guard !page.isEmpty else { break }
            for event in page {
                let made = WebhookEvent.events(of: event).filter(endpoint.takes)
                if events.count + made.count > limit, !events.isEmpty { return (events, readThrough) }
                events += made
                readThrough = event.sequence
            }
        }
        return (events, readThrough)
    }

    /// Sends `endpoint`'s events again from audit event `sequence` on: for a receiver that lost
    /// them. Audited, with who asked.
    public func replayWebhooks(of endpoint: String, from sequence: Int64, by principal: Principal) async throws {
        while true {
            let state = try await webhookState(of: endpoint)
            var replayed = state
            replayed.delivered = max(0, sequence - 1)
            replayed.failures = 0
            replayed.nextAttempt = nil
            if try await replaceWebhookState(of: endpoint, state, with: replayed) { break }
        }
        try await audit(AuditEntry(time: now(), actor: principal.id, action: .export, reason: "webhook \(endpoint) replayed from event \(sequence)"))
    }

    private static func decodeWebhookState(_ data: Data) throws -> WebhookState {
        do {
            return try JSONDecoder().decode(WebhookState.self, from: data)
        } catch {
            throw VaultError(.storeFailure, "a webhook's state in the store cannot be read")
        }
    }
}
