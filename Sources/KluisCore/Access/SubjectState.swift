import Foundation

/// What the vault knows about a person that decides what may be done with their data: the
/// lifecycle events so far, their consents and objections, and restrictions of processing.
public struct SubjectState: Sendable, Hashable {
    /// The latest time of each lifecycle event: `contract_end`, `last_contact`, custom events.
    public var events: [String: Date]
    public var consents: ConsentLedger
    public var restrictions: [Restriction]

    public init(events: [String: Date] = [:], consents: ConsentLedger = ConsentLedger(), restrictions: [Restriction] = []) {
        self.events = events
        self.consents = consents
        self.restrictions = restrictions
    }

    /// Whether a restriction stops `purpose` from using `category`.
    public func isRestricted(_ category: String, for purpose: String) -> Bool {
        restrictions.contains { $0.restricts(category, for: purpose) }
    }
}
