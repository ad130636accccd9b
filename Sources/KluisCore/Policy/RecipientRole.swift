/// The role of a recipient towards the controller.
public enum RecipientRole: String, Sendable, Hashable, Codable, CaseIterable {
    case processor
    case subProcessor = "sub_processor"
    case jointController = "joint_controller"
    case thirdParty = "third_party"
    case groupCompany = "group_company"
    case authority

    /// Whether the recipient processes on the controller's behalf and needs an agreement (art. 28).
    public var isProcessor: Bool { self == .processor || self == .subProcessor }
}
