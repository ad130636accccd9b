/// The condition under which special-category (art. 9(2)) or criminal (art. 10) data may be
/// processed.
public enum SpecialCondition: String, Sendable, Hashable, Codable, CaseIterable {
    case explicitConsent = "explicit_consent"
    case employmentAndSocialSecurity = "employment_and_social_security"
    case vitalInterest = "vital_interest"
    case notForProfitBody = "not_for_profit_body"
    case madePublicBySubject = "made_public_by_subject"
    case legalClaims = "legal_claims"
    case substantialPublicInterest = "substantial_public_interest"
    case healthOrSocialCare = "health_or_social_care"
    case publicHealth = "public_health"
    case archivingOrResearch = "archiving_or_research"
    /// Art. 10: criminal data under official authority or as a law authorises.
    case authorisedByLaw = "authorised_by_law"

    /// The article point, e.g. `9(2)(a)`.
    public var article: String {
        switch self {
        case .explicitConsent: "9(2)(a)"
        case .employmentAndSocialSecurity: "9(2)(b)"
        case .vitalInterest: "9(2)(c)"
        case .notForProfitBody: "9(2)(d)"
        case .madePublicBySubject: "9(2)(e)"
        case .legalClaims: "9(2)(f)"
        case .substantialPublicInterest: "9(2)(g)"
        case .healthOrSocialCare: "9(2)(h)"
        case .publicHealth: "9(2)(i)"
        case .archivingOrResearch: "9(2)(j)"
        case .authorisedByLaw: "10"
        }
    }

    /// Whether the condition rests on a Union or member-state law that the policy must name.
    public var needsLaw: Bool {
        switch self {
        case .employmentAndSocialSecurity, .substantialPublicInterest, .healthOrSocialCare,
             .publicHealth, .authorisedByLaw: true
        default: false
        }
    }

    /// Whether the condition fits criminal data (art. 10) rather than art. 9 data.
    public var isForCriminalData: Bool { self == .authorisedByLaw }
}
