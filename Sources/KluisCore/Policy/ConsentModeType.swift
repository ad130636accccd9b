/// The consent types of Google Consent Mode v2.
public enum ConsentModeType: String, Sendable, Hashable, Codable, CaseIterable {
    case securityStorage = "security_storage"
    case functionalityStorage = "functionality_storage"
    case personalizationStorage = "personalization_storage"
    case analyticsStorage = "analytics_storage"
    case adStorage = "ad_storage"
    case adUserData = "ad_user_data"
    case adPersonalization = "ad_personalization"

    /// The cookie category each type belongs to (GDPR.md, "Cookies").
    public var expectedCategory: String {
        switch self {
        case .securityStorage: "essential"
        case .functionalityStorage, .personalizationStorage: "functional"
        case .analyticsStorage: "statistics"
        case .adStorage, .adUserData, .adPersonalization: "marketing"
        }
    }
}
