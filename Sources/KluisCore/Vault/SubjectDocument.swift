/// A person as JSON, for the HTTP API and `kluis import`: `{"identifiers": {"email": "…"},
/// "purpose": "…", "records": [{"category": "contact", "fields": {…}}]}`. The purpose the
/// records are collected for may be given once, or per record; `"language": "en"` is the
/// language the person uses with the organisation, for letters to them.
public struct SubjectDocument: Decodable, Sendable {
    public var identifiers: [String: String]?
    public var records: [RecordDocument]?
    /// The purpose of records that name none.
    public var purpose: String?
    public var language: Language?

    /// The person to create; throws on an unknown identifier kind or a malformed identifier.
    public func subject() throws(VaultError) -> NewSubject {
        var parsed: [SubjectIdentifier] = []
        for (kind, value) in (identifiers ?? [:]).sorted(by: { $0.key < $1.key }) {
            guard let kind = SubjectIdentifier.Kind(rawValue: kind) else {
                throw VaultError(.identifierInvalid, "'\(kind)' is not an identifier kind; use email, phone, customer_number or external_id")
            }
            parsed.append(try SubjectIdentifier(kind: kind, value: value))
        }
        var parsedRecords: [NewRecord] = []
        for document in records ?? [] {
            var record = try document.record()
            record.purpose = record.purpose ?? purpose
            parsedRecords.append(record)
        }
        return NewSubject(identifiers: parsed, records: parsedRecords, language: language)
    }
}
