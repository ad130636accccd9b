import Foundation

/// What the vault knows about a person that decides what may be done with their data: the
/// lifecycle events so far. Consent, restriction and objection join here as later issues add
/// them, so every read path keeps using one decision.
public struct SubjectState: Sendable, Hashable {
    /// The latest time of each lifecycle event: `contract_end`, `last_contact`, custom events.
    public var events: [String: Date]

    public init(events: [String: Date] = [:]) {
        self.events = events
    }
}
