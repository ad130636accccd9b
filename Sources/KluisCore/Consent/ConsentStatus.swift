import Foundation

/// Where a person's consent for one purpose stands, derived from their events.
public enum ConsentStatus: String, Sendable, Hashable, Codable {
    /// Never asked, or no decision recorded.
    case notAsked = "not_asked"
    /// Given (or renewed) for the purpose as the policy describes it now.
    case given
    case refused
    case withdrawn
    case expired
    /// Given for an earlier description of the purpose: the person must be asked again.
    case stale
}
