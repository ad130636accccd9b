/// Special categories of personal data (art. 9) and criminal data (art. 10), which need a
/// condition beyond a legal basis.
public enum SpecialCategory: String, Sendable, Hashable, Codable, CaseIterable {
    case none
    case racialOrEthnicOrigin = "racial_or_ethnic_origin"
    case politicalOpinions = "political_opinions"
    case religiousOrPhilosophicalBeliefs = "religious_or_philosophical_beliefs"
    case tradeUnionMembership = "trade_union_membership"
    case genetic
    case biometric
    case health
    case sexLifeOrSexualOrientation = "sex_life_or_sexual_orientation"
    case criminal

    /// Whether processing needs an art. 9 or art. 10 condition.
    public var needsCondition: Bool { self != .none }
}
