/// Another person a record of a category refers to: a reporter, a counterparty, the client of an
/// assignment. The record belongs to the person it is kept for, but part of it is someone
/// else's, and each keeps their rights over their own part.
public struct OtherPerson: Sendable, Hashable {
    /// The field that holds the other person's subject id.
    public var reference: String
    /// The fields that are the other person's data, besides the reference.
    public var fields: [String]
    /// Who the other person is to the record's subject, as the packages say it.
    public var role: LocalizedText

    public init(reference: String, fields: [String] = [], role: LocalizedText) {
        self.reference = reference
        self.fields = fields
        self.role = role
    }

    /// The reference and the other person's fields: what is redacted from the subject's own
    /// copy, and masked when the other person is erased.
    public var theirs: [String] { [reference] + fields }
}
