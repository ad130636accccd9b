/// A person to add: identifiers to find them by, and their first records.
public struct NewSubject: Sendable, Hashable {
    public var identifiers: [SubjectIdentifier]
    public var records: [NewRecord]
    /// The language the person uses with us: letters to them are written in it.
    public var language: Language?

    public init(identifiers: [SubjectIdentifier], records: [NewRecord] = [], language: Language? = nil) {
        self.identifiers = identifiers
        self.records = records
        self.language = language
    }
}
