import Foundation

/// What stays of a record after anonymisation: its category, the purpose that anonymised it, the
/// day, and the generalised values the policy names; no link to any person. It is no longer
/// personal data, so it is kept unsealed and outside every retention clock.
public struct AnonymousRecord: Sendable, Hashable, Codable {
    public var category: String
    public var purpose: String?
    public var anonymisedOn: CalendarDate
    public var fields: [String: String]

    public init(category: String, purpose: String?, anonymisedOn: CalendarDate, fields: [String: String]) {
        self.category = category
        self.purpose = purpose
        self.anonymisedOn = anonymisedOn
        self.fields = fields
    }

    enum CodingKeys: String, CodingKey {
        case category, purpose, fields
        case anonymisedOn = "anonymised_on"
    }

    /// The stored form.
    public func encoded() -> Data { StoredJSON.encode(self) }

    public static func decode(_ data: Data) -> AnonymousRecord? {
        StoredJSON.decode(AnonymousRecord.self, from: data)
    }
}
