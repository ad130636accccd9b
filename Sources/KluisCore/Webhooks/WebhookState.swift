import Foundation

/// Where an endpoint's deliveries stand, kept in the vault's store so that they survive a restart
/// and are shared by every node: the last audit event delivered, the failures since, when to try
/// again, which node delivers (a lease), and the last deliveries made.
public struct WebhookState: Sendable, Hashable, Codable {
    /// Every audit event up to this sequence is delivered, or made no event for this endpoint.
    public var delivered: Int64
    public var failures: Int
    public var nextAttempt: Date?
    public var leaseHolder: String?
    public var leaseUntil: Date?
    /// The latest deliveries, newest last, at most ``logLength``.
    public var log: [WebhookDelivery]

    public static let logLength = 100

    public init(delivered: Int64) {
        self.delivered = delivered
        failures = 0
        log = []
    }

    public mutating func record(_ delivery: WebhookDelivery) {
        log.append(delivery)
        if log.count > Self.logLength { log.removeFirst(log.count - Self.logLength) }
    }

    /// Seconds to wait after `failures` failures in a row: 1, 2, 4, … up to an hour, so that an
    /// endpoint down for a day is tried about once an hour and catches up when it is back.
    public static func backoff(after failures: Int) -> TimeInterval {
        min(3600, pow(2, Double(max(0, failures - 1))))
    }
}

/// One attempt to deliver one event: its answer or what went wrong, never the body.
public struct WebhookDelivery: Sendable, Hashable, Codable {
    public var event: String
    public var kind: String
    public var auditSequence: Int64
    public var attempt: Int
    public var at: Date
    /// The HTTP status answered, if any.
    public var status: Int?
    /// Why it failed without an answer (a refused connection, a timeout).
    public var error: String?
    public var milliseconds: Int

    public var succeeded: Bool { status.map { (200..<300).contains($0) } ?? false }

    public init(event: WebhookEvent, attempt: Int, at: Date, status: Int?, error: String?, milliseconds: Int) {
        self.event = event.id
        kind = event.kind.rawValue
        auditSequence = event.auditSequence
        self.attempt = attempt
        self.at = at
        self.status = status
        self.error = error
        self.milliseconds = milliseconds
    }
}
