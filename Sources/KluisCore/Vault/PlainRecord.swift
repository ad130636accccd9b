import Foundation

/// A record as applications see it: its fields in plain text. Exists only in memory, between
/// the HTTP layer and the key ring.
public struct PlainRecord: Sendable, Hashable, Codable {
    public var id: RecordID
    public var category: String
    public var fields: [String: String]
    public var createdAt: Date
    public var updatedAt: Date

    public init(id: RecordID, category: String, fields: [String: String], createdAt: Date, updatedAt: Date) {
        self.id = id
        self.category = category
        self.fields = fields
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}
