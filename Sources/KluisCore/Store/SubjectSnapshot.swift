import Foundation

/// One subject as stored: its keys, records, identifiers and lifecycle events, read together.
public struct SubjectSnapshot: Sendable, Hashable {
    public var subject: SubjectID
    public var createdAt: Date
    public var identifiers: [StoredIdentifier]
    public var dataKeys: [StoredDataKey]
    public var records: [SealedRecord]
    /// The latest time of each lifecycle event.
    public var events: [String: Date]
    /// Consent and objection events, oldest first.
    public var consents: [ConsentEvent]
    /// Restrictions of processing in force.
    public var restrictions: [Restriction]
    /// The language the person uses with us, when known.
    public var language: Language?
    /// How many commits changed the person after the one that created them: a commit prepared
    /// on this snapshot expects it (``StoreChange/expectSubject(_:revision:)``).
    public var revision: Int64

    public init(subject: SubjectID, createdAt: Date, identifiers: [StoredIdentifier],
                dataKeys: [StoredDataKey], records: [SealedRecord], events: [String: Date],
                consents: [ConsentEvent] = [], restrictions: [Restriction] = [], language: Language? = nil, revision: Int64 = 0) {
        self.subject = subject
        self.createdAt = createdAt
        self.identifiers = identifiers
        self.dataKeys = dataKeys
        self.records = records
        self.events = events
        self.consents = consents
        self.restrictions = restrictions
        self.language = language
        self.revision = revision
    }

    /// What decides what may be done with the subject's data.
    public var state: SubjectState {
        SubjectState(events: events, consents: ConsentLedger(events: consents), restrictions: restrictions).collecting(records)
    }

    /// The data keys of `categories` as read here, expected still in place at the commit of
    /// what was sealed under them (``StoreChange/expectDataKey(_:)``): what is stored opens with
    /// the key it names.
    func expectingKeys(of categories: some Sequence<String>) -> [StoreChange] {
        let sealedIn = Set(categories)
        return dataKeys.filter { sealedIn.contains($0.category) }.map(StoreChange.expectDataKey)
    }
}
