/// How long a purpose keeps its data: an anchor event, a duration after it, and what happens
/// then; legal holds stop the clock, and categories may have terms of their own.
public struct RetentionRule: Sendable, Hashable {
    /// The purpose-wide terms.
    public var terms: Terms
    /// Holds that stop the clock until their releasing event.
    public var holds: [LegalHold]
    /// Terms that replace the purpose-wide ones for one category, by category id.
    public var categoryTerms: [String: Terms]

    public init(terms: Terms, holds: [LegalHold] = [], categoryTerms: [String: Terms] = [:]) {
        self.terms = terms
        self.holds = holds
        self.categoryTerms = categoryTerms
    }

    /// The terms that apply to `category`.
    public func terms(for category: String) -> Terms {
        categoryTerms[category] ?? terms
    }

    /// Anchor, duration and action: "2 years after the contract ends, then delete".
    public struct Terms: Sendable, Hashable {
        public var anchor: RetentionAnchor
        public var duration: ISODuration
        public var then: RetentionAction
        /// How long after collection the record may be kept while the anchor has not happened:
        /// a fallback for events that may never come, not a cap once they have.
        public var atMost: ISODuration?

        public init(anchor: RetentionAnchor, duration: ISODuration, then: RetentionAction = .delete,
                    atMost: ISODuration? = nil) {
            self.anchor = anchor
            self.duration = duration
            self.then = then
            self.atMost = atMost
        }

        /// Whether the anchor may never happen for a person, so that without ``atMost`` a record
        /// could be kept for ever: lifecycle events and date fields, not collection or the end of
        /// a fiscal year.
        public var mayNeverStart: Bool {
            switch anchor {
            case .collected, .fiscalYearEnd, .consentWithdrawn: false
            case .lastContact, .contractEnd, .accountClosed, .field, .event: atMost == nil
            }
        }
    }
}
