/// Where data comes from, which decides what a statement must say about its source and whether
/// it is portable (art. 20 covers provided and observed data, not derived data).
public enum DataOrigin: String, Sendable, Hashable, Codable, CaseIterable {
    /// Given by the person.
    case provided
    /// Collected from the person's use of a service: logs, IP addresses.
    case observed
    /// Inferred by the controller.
    case derived
    /// Received from someone else; the category names the source.
    case thirdParty = "third_party"
}
