/// A person to add: identifiers to find them by, and their first records.
public struct NewSubject: Sendable, Hashable {
    public var identifiers: [SubjectIdentifier]
    public var records: [NewRecord]

    public init(identifiers: [SubjectIdentifier], records: [NewRecord] = []) {
        self.identifiers = identifiers
        self.records = records
    }
}
