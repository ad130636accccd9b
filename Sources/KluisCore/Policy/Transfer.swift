/// The safeguard for a transfer outside the EEA (chapter V).
public struct Transfer: Sendable, Hashable {
    public var mechanism: TransferMechanism
    /// The module of the standard contractual clauses (1-4), with `scc`.
    public var sccModule: Int?
    /// The art. 49(1) ground, with `derogation`.
    public var derogation: Derogation?
    public var note: LocalizedText?

    public init(mechanism: TransferMechanism, sccModule: Int? = nil, derogation: Derogation? = nil,
                note: LocalizedText? = nil) {
        self.mechanism = mechanism
        self.sccModule = sccModule
        self.derogation = derogation
        self.note = note
    }

    /// The art. 49(1) derogations.
    public enum Derogation: String, Sendable, Hashable, Codable, CaseIterable {
        case explicitConsent = "explicit_consent"
        case contractWithSubject = "contract_with_subject"
        case contractInSubjectInterest = "contract_in_subject_interest"
        case publicInterest = "public_interest"
        case legalClaims = "legal_claims"
        case vitalInterest = "vital_interest"
        case publicRegister = "public_register"

        /// The article point, e.g. `49(1)(a)`.
        public var article: String {
            switch self {
            case .explicitConsent: "49(1)(a)"
            case .contractWithSubject: "49(1)(b)"
            case .contractInSubjectInterest: "49(1)(c)"
            case .publicInterest: "49(1)(d)"
            case .legalClaims: "49(1)(e)"
            case .vitalInterest: "49(1)(f)"
            case .publicRegister: "49(1)(g)"
            }
        }
    }
}
