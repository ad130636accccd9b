import Foundation

/// Recomputes the audit chain and names the first event that does not fit.
public struct AuditVerifier: Sendable {
    public private(set) var checked: Int64 = 0
    private var expectedSequence: Int64 = 1
    private var previousHash = AuditEvent.genesisHash
    public private(set) var firstBroken: Broken?

    public init() {}

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

    /// Whether every event checked so far is intact.
    public var isIntact: Bool { firstBroken == nil }
}
