import Foundation

/// What the vault knows about a person that decides what may be done with their data: the
/// lifecycle events so far, and their consents and objections. Restriction joins here when the
/// request workflow adds it, so every read path keeps using one decision.
public struct SubjectState: Sendable, Hashable {
    /// The latest time of each lifecycle event: `contract_end`, `last_contact`, custom events.
    public var events: [String: Date]
    public var consents: ConsentLedger

    public init(events: [String: Date] = [:], consents: ConsentLedger = ConsentLedger()) {
        self.events = events
        self.consents = consents
    }
}
