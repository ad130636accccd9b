/// A record as JSON: `{"category": "…", "record_id": "rec_…" (optional), "fields": {…},
/// "purpose": "…" (optional)}`.
public struct RecordDocument: Decodable, Sendable {
    public var category: String
    public var recordID: String?
    public var fields: [String: String]
    /// The purpose the record is collected for.
    public var purpose: String?

    public init(category: String, recordID: String? = nil, fields: [String: String], purpose: String? = nil) {
        self.category = category
        self.recordID = recordID
        self.fields = fields
        self.purpose = purpose
    }

    enum CodingKeys: String, CodingKey {
        case category
        case recordID = "record_id"
        case fields
        case purpose
    }

    public func record() throws(VaultError) -> NewRecord {
        var id: RecordID?
        if let recordID {
            guard let parsed = RecordID(rawValue: recordID) else {
                throw VaultError(.inputInvalid, "'record_id' is not a record id")
            }
            id = parsed
        }
        return NewRecord(category: category, id: id, fields: fields, purpose: purpose)
    }
}
