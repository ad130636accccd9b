import Foundation

/// Recomputes the audit chain and names the first event that does not fit.
public struct AuditVerifier: Sendable {
    public private(set) var checked: Int64 = 0
    private var expectedSequence: Int64 = 1
    private var previousHash = AuditEvent.genesisHash
    public private(set) var firstBroken: Broken?

    public init() {}

    /// A verifier that continues after `checkpoint`, trusting the events up to it.
    public init(after checkpoint: AuditCheckpoint) {
        expectedSequence = checkpoint.sequence + 1
        previousHash = checkpoint.hash
    }

    /// The last event verified: its number (0 for none) and hash.
    public var last: (sequence: Int64, hash: Data) { (expectedSequence - 1, previousHash) }

    /// The first event that breaks the chain, and how.
    public struct Broken: Sendable, Hashable, CustomStringConvertible {
        public var sequence: Int64
        public var problem: String

        public var description: String { "event \(sequence): \(problem)" }
    }

    /// Checks the next events, in order; stops at the first break.
    public mutating func check(_ events: some Sequence<AuditEvent>) {
        for event in events where firstBroken == nil {
            if event.sequence != expectedSequence {
                firstBroken = Broken(sequence: event.sequence, problem: "expected event \(expectedSequence) here: events are missing or out of order")
            } else if event.previousHash != previousHash {
                firstBroken = Broken(sequence: event.sequence, problem: "it does not follow the event before it (previous hash differs)")
            } else if !event.isIntact {
                firstBroken = Broken(sequence: event.sequence, problem: "its content was changed after it was written (hash differs)")
            } else {
                checked += 1
                expectedSequence += 1
                previousHash = event.hash
            }
        }
    }

    /// Checks that `checkpoint`, made earlier, agrees with the events verified now: a checkpoint
    /// with another hash means the chain was rewritten after it was verified, and one beyond the
    /// last event means events at the end were removed. Call after the events it covers.
    public mutating func check(_ checkpoint: AuditCheckpoint, hashAt: Data?) {
        guard firstBroken == nil else { return }
        if checkpoint.sequence > last.sequence {
            firstBroken = Broken(sequence: last.sequence + 1, problem: "a checkpoint covers events up to \(checkpoint.sequence), but the chain ends at \(last.sequence): events were removed")
        } else if hashAt != checkpoint.hash {
            firstBroken = Broken(sequence: checkpoint.sequence, problem: "it differs from the event verified at the checkpoint of \(Self.format(checkpoint.verifiedAt)): the chain was rewritten")
        }
    }

    private static func format(_ date: Date) -> String {
        date.formatted(.iso8601)
    }

    /// Whether every event checked so far is intact.
    public var isIntact: Bool { firstBroken == nil }
}
