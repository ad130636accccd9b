/// Where a sealed value belongs: its subject, category, record and field. Bound into every
/// ciphertext as associated data, so a ciphertext copied to another field, record or person
/// fails to open.
public struct FieldAddress: Sendable, Hashable {
    public var subject: SubjectID
    public var category: String
    public var record: String
    public var field: String

    public init(subject: SubjectID, category: String, record: String, field: String) {
        self.subject = subject
        self.category = category
        self.record = record
        self.field = field
    }

    /// The address of a record's field.
    public init(subject: SubjectID, category: String, record: RecordID, field: String) {
        self.init(subject: subject, category: category, record: record.rawValue, field: field)
    }

    /// The address of an identifier, sealed under the subject's identity key.
    public static func identifier(_ kind: SubjectIdentifier.Kind, of subject: SubjectID) -> FieldAddress {
        FieldAddress(subject: subject, category: Vault.identityCategory, record: "identifiers", field: kind.rawValue)
    }

    /// The associated data: a version label and the four parts, separated by NUL, which no part
    /// can contain.
    var associatedData: [UInt8] {
        Array("kluis.field.v1\0\(subject.rawValue)\0\(category)\0\(record)\0\(field)".utf8)
    }
}
