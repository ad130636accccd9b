/// How a transfer outside the EEA is made lawful.
public enum TransferMechanism: String, Sendable, Hashable, Codable, CaseIterable {
    /// An adequacy decision for the country (art. 45).
    case adequacy
    /// The EU-US Data Privacy Framework, for certified US organisations.
    case euUsDpf = "eu_us_dpf"
    /// Standard contractual clauses (art. 46(2)(c)).
    case scc
    /// Binding corporate rules (art. 47).
    case bcr
    /// A derogation for a specific situation (art. 49).
    case derogation
}
