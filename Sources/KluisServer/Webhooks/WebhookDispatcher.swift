import AsyncHTTPClient
import Foundation
import KluisCore
import NIOCore
import NIOHTTP1

/// Delivers the vault's webhook events: for each endpoint, the events after its last delivered
/// audit event, in order, each signed (``WebhookSignature``) and POSTed; a 2xx moves the
/// endpoint on, anything else ends the round for it and waits (1 s, 2 s, 4 s … an hour) before
/// the same event is tried again. At least once: an event is marked delivered only after its
/// answer, so a crash in between sends it again, and receivers use its `id` to see repeats.
///
/// Several nodes serving one database deliver each event once: a node delivers for an endpoint
/// only while it holds its lease in the store, which it takes for a round and gives back at the
/// round's end; a lease left by a node that stopped mid-round runs out after ``lease`` seconds.
public struct WebhookDispatcher: Sendable {
    let vault: Vault
    let endpoints: [WebhookEndpoint]
    let client: HTTPClient
    /// This process, as the holder of leases.
    let node = "node_\(UUID().uuidString.prefix(8).lowercased())"
    static let lease: TimeInterval = 30
    static let timeout: TimeAmount = .seconds(10)

    public init(vault: Vault, endpoints: [WebhookEndpoint], client: HTTPClient = .shared) {
        self.vault = vault
        self.endpoints = endpoints
        self.client = client
    }

    /// One round over every endpoint; a summary of what was sent, or `nil` when nothing was.
    public func round() async throws -> String? {
        var summaries: [String] = []
        for endpoint in endpoints {
            let (delivered, failed) = try await deliver(to: endpoint)
            if delivered > 0 || failed { summaries.append("\(endpoint.name): \(delivered) delivered\(failed ? ", then a failure" : "")") }
        }
        return summaries.isEmpty ? nil : summaries.joined(separator: "; ")
    }

    private func deliver(to endpoint: WebhookEndpoint) async throws -> (delivered: Int, failed: Bool) {
        let now = vault.now()
        var state = try await vault.webhookState(of: endpoint.name)
        if let holder = state.leaseHolder, holder != node, let until = state.leaseUntil, until > now { return (0, false) }
        if let next = state.nextAttempt, next > now { return (0, false) }
        let (events, readThrough) = try await vault.webhookEvents(for: endpoint, after: state.delivered)
        guard !events.isEmpty || readThrough > state.delivered else {
            return (0, false)
        }
        var leased = state
        leased.leaseHolder = node
        leased.leaseUntil = now.addingTimeInterval(Self.lease)
        guard try await vault.replaceWebhookState(of: endpoint.name, state, with: leased) else { return (0, false) }
        state = leased
        var delivered = 0
        for (index, event) in events.enumerated() {
            let delivery = await send(event, to: endpoint, attempt: state.failures + 1)
            var next = state
            next.record(delivery)
            next.leaseUntil = vault.now().addingTimeInterval(Self.lease)
            if delivery.succeeded {
                // An audit event may make two events (a restriction and its request's status):
                // the endpoint moves past it once both are sent.
                let more = index + 1 < events.count && events[index + 1].auditSequence == event.auditSequence
                next.delivered = more ? event.auditSequence - 1 : event.auditSequence
                next.failures = 0
                next.nextAttempt = nil
            } else {
                next.failures += 1
                next.nextAttempt = vault.now().addingTimeInterval(WebhookState.backoff(after: next.failures))
            }
            if !delivery.succeeded {
                next.leaseHolder = nil
                next.leaseUntil = nil
            }
            // Another node took the endpoint over (this one was too slow to keep its lease).
            guard try await vault.replaceWebhookState(of: endpoint.name, state, with: next) else { return (delivered, false) }
            state = next
            guard delivery.succeeded else { return (delivered, true) }
            delivered += 1
        }
        // Past the audit events that made nothing for this endpoint too, and the lease given back.
        var done = state
        done.delivered = max(state.delivered, readThrough)
        done.leaseHolder = nil
        done.leaseUntil = nil
        _ = try await vault.replaceWebhookState(of: endpoint.name, state, with: done)
        return (delivered, false)
    }

    private func send(_ event: WebhookEvent, to endpoint: WebhookEndpoint, attempt: Int) async -> WebhookDelivery {
        let body = event.body
        var request = HTTPClientRequest(url: endpoint.url.absoluteString)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        request.headers.add(name: "User-Agent", value: "kluis/\(KluisBuild.version)")
        request.headers.add(name: "Kluis-Event-Id", value: event.id)
        request.headers.add(name: "Kluis-Event-Type", value: event.kind.rawValue)
        request.headers.add(name: WebhookSignature.headerName, value: WebhookSignature.header(for: body, secret: endpoint.secret, at: vault.now()))
        request.body = .bytes(ByteBuffer(bytes: body))
        let start = ContinuousClock.now
        let sentAt = vault.now()
        func milliseconds() -> Int { Int((ContinuousClock.now - start).milliseconds) }
        do {
            let response = try await client.execute(request, timeout: Self.timeout)
            // The answer's body is not kept: a receiver's words are not ours to store.
            _ = try? await response.body.collect(upTo: 64 * 1024)
            return WebhookDelivery(event: event, attempt: attempt, at: sentAt, status: Int(response.status.code), error: nil, milliseconds: milliseconds())
        } catch {
            return WebhookDelivery(event: event, attempt: attempt, at: sentAt, status: nil, error: Self.describe(error), milliseconds: milliseconds())
        }
    }

    /// What went wrong, in words that hold no data: the kind of failure only.
    static func describe(_ error: any Error) -> String {
        if let error = error as? HTTPClientError, [.deadlineExceeded, .readTimeout, .connectTimeout].contains(error) { return "timed out" }
        return "no answer (\(type(of: error)))"
    }
}
