import Foundation

/// One stored row that maps an identifier's blind index to a subject, with the keyed tag that
/// binds the two (``KeyRing/identifierTag(kind:blindIndex:subject:)``).
///
/// A row whose subject id was changed in the database no longer matches its tag: lookups refuse
/// it and `kluis audit verify` reports it, so a moved row cannot make a lookup answer someone else.
///
/// Kind and subject are kept as stored, unparsed, so that a row altered into something that is
/// not a kind or a subject id is checked and reported like any other.
public struct IdentifierBinding: Sendable, Hashable {
    public var kind: String
    public var blindIndex: Data
    public var subject: String
    /// Empty when the row was written before tags existed and did not prove its subject when the
    /// tag was added (see ``SubjectStore/bindIdentifiers(limit:_:)``).
    public var tag: Data
    /// The table the row is in, for reports and for paging: PostgreSQL keeps the lookup index
    /// apart from the sealed identifiers.
    public var table: String

    public init(kind: String, blindIndex: Data, subject: String, tag: Data, table: String) {
        self.kind = kind
        self.blindIndex = blindIndex
        self.subject = subject
        self.tag = tag
        self.table = table
    }
}
