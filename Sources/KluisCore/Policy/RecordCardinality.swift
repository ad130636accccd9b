/// Whether a subject has one record of a category (a profile) or many (invoices, messages).
public enum RecordCardinality: String, Sendable, Hashable, Codable, CaseIterable {
    case one
    case many
}
