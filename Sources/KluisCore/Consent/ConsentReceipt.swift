import Foundation

/// A Kantara Consent Receipt v1.1: what a person agreed to (or withdrew), from whom, when and
/// under which text, for the person to keep. Kluis signs it as a JWS (``ReceiptSigner``).
/// Field names are the specification's; Kluis extends it with the policy version and its hash,
/// per purpose the withdrawal time and fingerprints, and a parent's or guardian's consent.
public struct ConsentReceipt: Sendable, Hashable, Codable {
    public var version = "KI-CR-v1.1.0"
    public var jurisdiction: String
    /// Seconds since 1970.
    public var consentTimestamp: Int64
    public var collectionMethod: String
    public var consentReceiptID: String
    public var language: String
    public var piiPrincipalId: String
    public var piiControllers: [Controller]
    public var policyUrl: String
    public var services: [Service]
    public var sensitive: Bool
    public var spiCat: [String]
    public var policyVersion: String
    /// SHA-256 (hex) of the statement published for this policy version, in `language`.
    public var policyVersionHash: String
    public var parentalConsent: ParentalConsent?

    public struct Controller: Sendable, Hashable, Codable {
        public var piiController: String
        public var onBehalf: Bool
        public var contact: String
        public var address: String
        public var email: String
        public var phone: String
        public var piiControllerUrl: String
    }

    public struct Service: Sendable, Hashable, Codable {
        public var service: String
        public var purposes: [Purpose]
    }

    public struct Purpose: Sendable, Hashable, Codable {
        public var purpose: String
        public var purposeCategory: [String]
        public var consentType: String
        public var piiCategory: [String]
        public var primaryPurpose: Bool
        public var termination: String
        public var thirdPartyDisclosure: Bool
        public var thirdPartyName: String?
        /// `given`, `renewed` or `withdrawn`.
        public var status: String
        /// Seconds since 1970, for a withdrawal.
        public var withdrawalTimestamp: Int64?
        public var purposeHash: String
        public var statementHash: String
    }

    public struct ParentalConsent: Sendable, Hashable, Codable {
        public var guardianName: String
        public var relationship: String
        public var verification: String
    }

    /// The receipt for `events` (decisions about consent-based purposes, recorded together).
    public init(id: String, subject: SubjectID, events: [ConsentEvent], policy: Policy, terms: ConsentTerms,
                language: Language, guardian: Guardian?, time: Date) {
        let phrases = Phrases(language)
        let controller = policy.controller
        jurisdiction = controller.address?.country ?? "NL"
        consentTimestamp = Int64(time.timeIntervalSince1970)
        collectionMethod = events.first?.method.rawValue ?? ConsentEvent.CollectionMethod.webForm.rawValue
        consentReceiptID = id
        self.language = language.rawValue
        piiPrincipalId = subject.rawValue
        let address = controller.address.map { "\($0.street), \($0.postcode) \($0.city), \($0.country)" } ?? ""
        piiControllers = [Controller(piiController: controller.name, onBehalf: false,
                                     contact: controller.privacyContact?.name ?? controller.name, address: address,
                                     email: policy.requestContact, phone: controller.phone ?? "",
                                     piiControllerUrl: controller.website ?? "")]
        policyUrl = policy.info.url ?? controller.website ?? ""
        var special: Set<String> = []
        var purposes: [Purpose] = []
        for event in events {
            guard let purpose = policy.purpose(event.purpose) else { continue }
            let categories = purpose.categories.compactMap(policy.category)
            for category in categories where category.special != .none { special.insert(category.special.rawValue) }
            let recipients = policy.recipients(serving: purpose.id).map { $0.name.text(in: language) }
            purposes.append(Purpose(
                purpose: purpose.name.text(in: language), purposeCategory: [purpose.id], consentType: "EXPLICIT",
                piiCategory: categories.map(\.taxonomy), primaryPurpose: false,
                termination: phrases.retention(purpose.retention.terms),
                thirdPartyDisclosure: !recipients.isEmpty,
                thirdPartyName: recipients.isEmpty ? nil : recipients.joined(separator: ", "),
                status: event.kind.rawValue,
                withdrawalTimestamp: event.kind == .withdrawn ? Int64(event.time.timeIntervalSince1970) : nil,
                purposeHash: event.purposeHash, statementHash: event.statementHash))
        }
        services = [Service(service: controller.name, purposes: purposes)]
        sensitive = !special.isEmpty
        spiCat = special.sorted()
        policyVersion = policy.info.version
        policyVersionHash = terms.statementHashes[language] ?? ""
        parentalConsent = guardian.map {
            ParentalConsent(guardianName: $0.name, relationship: $0.relationship.rawValue, verification: $0.verification.rawValue)
        }
    }

    /// The receipt as the JWS payload.
    public func encoded() -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Encoding plain values cannot fail.
        return try! encoder.encode(self)
    }
}
