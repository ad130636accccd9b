/// The lawful basis of a purpose (art. 6(1)), with what each basis must say for itself.
public enum LegalBasis: Sendable, Hashable {
    case consent
    case contract
    /// A legal obligation, naming the law that imposes it.
    case legalObligation(law: String)
    case vitalInterest
    case publicTask
    /// A legitimate interest, with the interest described.
    case legitimateInterest(interest: LocalizedText)

    /// The value that names this basis in a policy file.
    public var kind: Kind {
        switch self {
        case .consent: .consent
        case .contract: .contract
        case .legalObligation: .legalObligation
        case .vitalInterest: .vitalInterest
        case .publicTask: .publicTask
        case .legitimateInterest: .legitimateInterest
        }
    }

    /// The bases as the policy file names them.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case consent
        case contract
        case legalObligation = "legal_obligation"
        case vitalInterest = "vital_interest"
        case publicTask = "public_task"
        case legitimateInterest = "legitimate_interest"

        /// The article point, e.g. `6(1)(a)`.
        public var article: String {
            switch self {
            case .consent: "6(1)(a)"
            case .contract: "6(1)(b)"
            case .legalObligation: "6(1)(c)"
            case .vitalInterest: "6(1)(d)"
            case .publicTask: "6(1)(e)"
            case .legitimateInterest: "6(1)(f)"
            }
        }
    }
}
