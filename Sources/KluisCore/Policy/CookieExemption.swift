/// Grounds on which Dutch law lets a non-essential cookie go without consent.
public enum CookieExemption: String, Sendable, Hashable, Codable, CaseIterable {
    /// Analytics with little impact on privacy (Telecommunicatiewet art. 11.7a(3)(b)).
    case privacyFriendlyAnalytics = "privacy_friendly_analytics"
}
