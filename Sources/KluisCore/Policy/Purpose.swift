/// Why data is processed: the legal basis, the categories it may use, whose data, and how long
/// it is kept.
public struct Purpose: Sendable, Hashable, Identifiable {
    public var id: String
    public var name: LocalizedText
    public var description: LocalizedText?
    public var legalBasis: LegalBasis
    /// The art. 9(2) or art. 10 condition, when a category is special.
    public var specialCondition: SpecialCondition?
    /// The law a special condition rests on, where it rests on one.
    public var specialLaw: String?
    /// Direct marketing: never on the contract basis, and an objection stops it at once.
    public var directMarketing: Bool
    public var subjects: [String]
    public var categories: [String]
    public var retention: RetentionRule
    /// Lifecycle events that make the purpose apply to a person (a contract starts, a report is
    /// filed), besides data collected for it and, on consent, consent given.
    public var appliesFrom: [String]
    /// Lifecycle events that end the purpose for a person until a new reason makes it apply.
    public var appliesUntil: [String]
    /// Research and statistics: reads see keyed pseudonyms and generalised values, never a value
    /// as stored.
    public var pseudonymised: Bool
    /// The k-anonymous dataset the purpose may export, when it is one for statistics.
    public var dataset: DatasetSpec?

    public init(id: String, name: LocalizedText, description: LocalizedText? = nil,
                legalBasis: LegalBasis, specialCondition: SpecialCondition? = nil,
                specialLaw: String? = nil, directMarketing: Bool = false, subjects: [String],
                categories: [String], retention: RetentionRule, appliesFrom: [String] = [],
                appliesUntil: [String] = [], pseudonymised: Bool = false, dataset: DatasetSpec? = nil) {
        self.id = id
        self.name = name
        self.description = description
        self.legalBasis = legalBasis
        self.specialCondition = specialCondition
        self.specialLaw = specialLaw
        self.directMarketing = directMarketing
        self.subjects = subjects
        self.categories = categories
        self.retention = retention
        self.appliesFrom = appliesFrom
        self.appliesUntil = appliesUntil
        self.pseudonymised = pseudonymised
        self.dataset = dataset
    }

    /// The retention rule that applies to `category` under this purpose.
    public func retention(for category: String) -> RetentionRule.Terms {
        retention.terms(for: category)
    }
}
