/// A record to write: its category and fields, and for a correction the record it replaces.
public struct NewRecord: Sendable, Hashable {
    public var category: String
    public var id: RecordID?
    public var fields: [String: String]

    public init(category: String, id: RecordID? = nil, fields: [String: String]) {
        self.category = category
        self.id = id
        self.fields = fields
    }
}
