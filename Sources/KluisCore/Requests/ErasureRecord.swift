import Foundation

/// The erasure journal's entry for one erasure: what went and what stayed, never a value. It is
/// the content of the signed erasure certificate, and a restore replays it so that nobody erased
/// after a backup comes back.
public struct ErasureRecord: Sendable, Hashable, Codable {
    public var subject: SubjectID
    public var request: RequestID?
    public var erasedAt: Date
    /// The categories whose keys were destroyed and ciphertexts deleted.
    public var erased: [String]
    /// The categories kept because a legal obligation requires it, restricted to that purpose.
    public var kept: [Kept]
    /// Records of other people that named this person, now showing a pseudonym instead.
    public var maskedRecords: Int
    /// The pseudonym that replaces this person in other people's records.
    public var pseudonym: String
    /// For an erasure of part of a person's data: what was asked. `nil` when the whole person
    /// was erased.
    public var scope: Scope?

    enum CodingKeys: String, CodingKey {
        case subject, request, erased, kept, pseudonym, scope
        case erasedAt = "erased_at"
        case maskedRecords = "masked_records"
    }

    public init(subject: SubjectID, request: RequestID?, erasedAt: Date, erased: [String], kept: [Kept],
                maskedRecords: Int, pseudonym: String, scope: Scope? = nil) {
        self.subject = subject
        self.request = request
        self.erasedAt = erasedAt
        self.erased = erased
        self.kept = kept
        self.maskedRecords = maskedRecords
        self.pseudonym = pseudonym
        self.scope = scope
    }

    /// Part of a person's data: whole categories, or single records. The person stays, with the
    /// rest of their data; `erased` names the categories that went whole, their keys destroyed.
    public struct Scope: Sendable, Hashable, Codable {
        public var categories: [String]
        public var records: [RecordID]

        public init(categories: [String] = [], records: [RecordID] = []) {
            self.categories = categories
            self.records = records
        }
    }

    /// A category kept, the purpose that keeps it, and until when.
    public struct Kept: Sendable, Hashable, Codable {
        public var category: String
        public var purpose: String
        /// When the last record of it is due to go; `nil` while the retention clock has not
        /// started.
        public var until: Date?

        /// The restriction that keeps the category for its purposes only.
        public func restriction(since: Date) -> Restriction {
            Restriction(categories: [category], ground: .legalObligation, since: since,
                        allowedPurposes: purpose.split(separator: ",").map(String.init), until: until)
        }
    }

    /// The stored, journalled and certified form: JSON with sorted keys and ISO 8601 times,
    /// readable by anyone who checks a certificate or a journal file.
    public func encoded() -> Data {
        // Encoding plain values cannot fail.
        try! Self.encoder.encode(self)
    }

    public static func decode(_ data: Data) -> ErasureRecord? {
        try? decoder.decode(ErasureRecord.self, from: data)
    }

    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }()

    private static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }()
}
