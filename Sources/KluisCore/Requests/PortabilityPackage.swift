import Foundation

/// The answer to a portability request (art. 20): the data the person provided, or that was
/// observed of them, processed on consent or a contract — not derived or inferred data — in a
/// structured, machine-readable form. Schema `kluis.portability.v1`, documented in
/// docs/requests.md; also as CSV (``csv``).
public struct PortabilityPackage: Sendable, Hashable, Codable {
    public var schema = "kluis.portability.v1"
    /// The portability request answered; `nil` when the person downloaded it themselves, in the
    /// privacy center.
    public var request: RequestID?
    public var subject: SubjectID
    public var generatedAt: Date
    public var controller: String
    public var categories: [Category]

    enum CodingKeys: String, CodingKey {
        case schema, request, subject, controller, categories
        case generatedAt = "generated_at"
    }

    public struct Category: Sendable, Hashable, Codable {
        public var category: String
        public var taxonomy: String
        public var origin: DataOrigin
        public var records: [AccessPackage.ExportedRecord]
    }

    /// One row per field: `category,record_id,field,value,created_at,updated_at` (RFC 4180).
    public var csv: String {
        var lines = [CSV.line(["category", "record_id", "field", "value", "created_at", "updated_at"])]
        for category in categories {
            for record in category.records {
                for (field, value) in record.fields.sorted(by: { $0.key < $1.key }) {
                    lines.append(CSV.line([category.category, record.id.rawValue, field, value,
                                           record.createdAt.formatted(Date.ISO8601FormatStyle()),
                                           record.updatedAt.formatted(Date.ISO8601FormatStyle())], guardingFormulas: false))
                }
            }
        }
        return lines.joined()
    }
}
