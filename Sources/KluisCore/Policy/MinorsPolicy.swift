/// The age rule: who is too young, and what happens then.
public struct MinorsPolicy: Sendable, Hashable {
    public var minimumAge: Int
    public var belowMinimum: Below

    public init(minimumAge: Int, belowMinimum: Below) {
        self.minimumAge = minimumAge
        self.belowMinimum = belowMinimum
    }

    /// What happens below the minimum age.
    public enum Below: String, Sendable, Hashable, Codable, CaseIterable {
        /// No data is collected; data found to be a minor's is deleted.
        case refuse
        /// A parent or guardian consents on the minor's behalf (art. 8, UAVG art. 5).
        case parentalConsent = "parental_consent"
    }
}
