/// One processing activity of the art. 30 register: one purpose, with everything art. 30(1)
/// asks and what Kluis adds (legal basis, art. 9 condition, sources, processors, retention rules).
public struct RegisterEntry: Sendable, Hashable, Codable {
    public var purposeID: String
    public var purpose: String
    public var description: String
    public var controller: String
    public var controllerContact: String
    public var dataProtectionOfficer: String
    public var representative: String
    public var jointControllers: [String]
    public var legalBasis: String
    public var specialCondition: String
    public var directMarketing: Bool
    public var subjectCategories: [String]
    public var dataCategories: [String]
    public var specialCategories: [String]
    public var sources: [String]
    public var recipients: [String]
    public var processors: [String]
    public var transfers: [String]
    public var retention: [String]
    public var legalHolds: [String]
    public var automatedDecisions: [String]
    public var securityMeasures: [String]

    enum CodingKeys: String, CodingKey, CaseIterable {
        case purposeID = "purpose_id"
        case purpose
        case description
        case controller
        case controllerContact = "controller_contact"
        case dataProtectionOfficer = "data_protection_officer"
        case representative
        case jointControllers = "joint_controllers"
        case legalBasis = "legal_basis"
        case specialCondition = "special_condition"
        case directMarketing = "direct_marketing"
        case subjectCategories = "subject_categories"
        case dataCategories = "data_categories"
        case specialCategories = "special_categories"
        case sources
        case recipients
        case processors
        case transfers
        case retention
        case legalHolds = "legal_holds"
        case automatedDecisions = "automated_decisions"
        case securityMeasures = "security_measures"
    }

    /// The column names, in order, for tables and CSV.
    public static var columns: [String] { CodingKeys.allCases.map(\.rawValue) }

    /// The values in the order of ``columns``; lists are joined with "; ".
    public var cells: [String] {
        [purposeID, purpose, description, controller, controllerContact, dataProtectionOfficer,
         representative, jointControllers.joined(separator: "; "), legalBasis, specialCondition,
         directMarketing ? "yes" : "no", subjectCategories.joined(separator: "; "),
         dataCategories.joined(separator: "; "), specialCategories.joined(separator: "; "),
         sources.joined(separator: "; "), recipients.joined(separator: "; "),
         processors.joined(separator: "; "), transfers.joined(separator: "; "),
         retention.joined(separator: "; "), legalHolds.joined(separator: "; "),
         automatedDecisions.joined(separator: "; "), securityMeasures.joined(separator: "; ")]
    }
}
