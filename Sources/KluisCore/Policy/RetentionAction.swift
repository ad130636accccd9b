/// What happens to data when its retention ends.
public enum RetentionAction: String, Sendable, Hashable, Codable, CaseIterable {
    case delete
    case anonymise
}
