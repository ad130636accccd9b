/// A record to write: its category and fields, the purpose it is collected for, and for a
/// correction the record it replaces.
public struct NewRecord: Sendable, Hashable {
    public var category: String
    public var id: RecordID?
    public var fields: [String: String]
    /// The purpose the data is collected for; when `nil`, the only purpose the writer may
    /// collect the category for.
    public var purpose: String?

    public init(category: String, id: RecordID? = nil, fields: [String: String], purpose: String? = nil) {
        self.category = category
        self.id = id
        self.fields = fields
        self.purpose = purpose
    }
}
