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

        public init(anchor: RetentionAnchor, duration: ISODuration, then: RetentionAction = .delete) {
            self.anchor = anchor
            self.duration = duration
            self.then = then
        }
    }
}
