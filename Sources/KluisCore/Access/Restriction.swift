import Foundation

/// A restriction of processing (art. 18), visibly marked on the subject: the data is stored, and
/// only the purposes named may still use it. Every read path honours it through ``PurposeGate``.
public struct Restriction: Sendable, Hashable, Codable {
    /// The categories restricted; empty means all of them.
    public var categories: [String]
    public var ground: Ground
    public var since: Date
    /// The purposes that may still use the data, such as the legal obligation that keeps
    /// invoices after an erasure.
    public var allowedPurposes: [String]
    /// When the kept data is due to go, for data kept under a legal obligation.
    public var until: Date?
    /// The request that asked for it, if one did.
    public var request: RequestID?

    enum CodingKeys: String, CodingKey {
        case categories, ground, since, until, request
        case allowedPurposes = "allowed_purposes"
    }

    public init(categories: [String], ground: Ground, since: Date, allowedPurposes: [String] = [],
                until: Date? = nil, request: RequestID? = nil) {
        self.categories = categories
        self.ground = ground
        self.since = since
        self.allowedPurposes = allowedPurposes
        self.until = until
        self.request = request
    }

    /// Why data is restricted (art. 18(1), and 17(3) for data kept after an erasure).
    public enum Ground: String, Sendable, Hashable, Codable, CaseIterable {
        case accuracyContested = "accuracy_contested"
        case unlawfulProcessing = "unlawful_processing"
        case legalClaims = "legal_claims"
        case objectionPending = "objection_pending"
        /// Kept after an erasure because a legal obligation requires it (art. 17(3)(b)).
        case legalObligation = "legal_obligation"
    }

    /// Whether this restriction stops `purpose` from using `category`.
    public func restricts(_ category: String, for purpose: String) -> Bool {
        (categories.isEmpty || categories.contains(category)) && !allowedPurposes.contains(purpose)
    }

    /// Whether the restriction covers `category`.
    public func covers(_ category: String) -> Bool {
        categories.isEmpty || categories.contains(category)
    }

    /// The stored form of a subject's restrictions.
    public static func encode(_ restrictions: [Restriction]) -> Data {
        StoredJSON.encode(restrictions)
    }

    public static func decode(_ data: Data) -> [Restriction] {
        StoredJSON.decode([Restriction].self, from: data) ?? []
    }
}
