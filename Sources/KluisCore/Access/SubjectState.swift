import Foundation

/// What the vault knows about a person that decides what may be done with their data: the
/// lifecycle events so far, their consents and objections, restrictions of processing, and what
/// their data was collected for.
public struct SubjectState: Sendable, Hashable {
    /// The latest time of each lifecycle event: `contract_end`, `last_contact`, custom events.
    public var events: [String: Date]
    public var consents: ConsentLedger
    public var restrictions: [Restriction]
    /// Per purpose, when the records still held that were collected for it were collected.
    public var collections: [String: Collected]
    /// Per category, the earliest record still held that was written before Kluis recorded
    /// what data is collected for.
    public var uncollected: [String: Date]

    public init(events: [String: Date] = [:], consents: ConsentLedger = ConsentLedger(), restrictions: [Restriction] = [],
                collections: [String: Collected] = [:], uncollected: [String: Date] = [:]) {
        self.events = events
        self.consents = consents
        self.restrictions = restrictions
        self.collections = collections
        self.uncollected = uncollected
    }

    /// The first and the latest collection of a person's records for one purpose.
    public struct Collected: Sendable, Hashable {
        public var first: Date
        public var latest: Date

        public init(first: Date, latest: Date) {
            self.first = first
            self.latest = latest
        }
    }

    /// The state with what `records` were collected for: the collections are derived from the
    /// records themselves, so that they end when the records go.
    public func collecting(_ records: [SealedRecord]) -> SubjectState {
        var state = self
        state.collections = [:]
        state.uncollected = [:]
        for record in records {
            guard let purpose = record.collectedFor else {
                state.uncollected[record.category] = min(state.uncollected[record.category] ?? record.createdAt, record.createdAt)
                continue
            }
            let previous = state.collections[purpose]
            state.collections[purpose] = Collected(first: min(previous?.first ?? record.createdAt, record.createdAt),
                                                   latest: max(previous?.latest ?? record.createdAt, record.createdAt))
        }
        return state
    }

    /// Whether a restriction stops `purpose` from using `category`.
    public func isRestricted(_ category: String, for purpose: String) -> Bool {
        restrictions.contains { $0.restricts(category, for: purpose) }
    }
}
