import Foundation

/// One entry of a subject's consent history: a decision about one purpose, with everything
/// needed to show later what the person agreed to, when, under which text and how it was asked.
/// Events are only ever appended; the current state is derived from them (``ConsentLedger``).
public struct ConsentEvent: Sendable, Hashable, Codable {
    public var purpose: String
    public var kind: Kind
    public var time: Date
    /// The policy version in force when the decision was recorded.
    public var policyVersion: String
    /// The fingerprint of the purpose as the policy described it then (``ConsentTerms``): when
    /// the purpose's data or text changes, earlier consents no longer match and are stale.
    public var purposeHash: String
    /// SHA-256 of the text shown to the person, hex.
    public var statementHash: String
    public var method: CollectionMethod
    public var language: Language?
    /// The receipt issued for the decision, if one was.
    public var receiptID: String?
    /// Whether the person was below the policy's minimum age, so a guardian decided.
    public var minor: Bool
    /// The parent or guardian who decided for a minor; their name is sealed.
    public var guardian: SealedGuardian?
    /// The API key id or operator that recorded the decision.
    public var actor: String

    public init(purpose: String, kind: Kind, time: Date, policyVersion: String, purposeHash: String,
                statementHash: String, method: CollectionMethod, language: Language? = nil,
                receiptID: String? = nil, minor: Bool = false, guardian: SealedGuardian? = nil, actor: String) {
        self.purpose = purpose
        self.kind = kind
        self.time = time
        self.policyVersion = policyVersion
        self.purposeHash = purposeHash
        self.statementHash = statementHash
        self.method = method
        self.language = language
        self.receiptID = receiptID
        self.minor = minor
        self.guardian = guardian
        self.actor = actor
    }

    /// The stored form.
    public func encoded() -> Data {
        StoredJSON.encode(self)
    }

    public static func decode(_ data: Data) -> ConsentEvent? {
        StoredJSON.decode(ConsentEvent.self, from: data)
    }

    /// What happened. The first five concern consent (art. 7), the other two objection (art. 21).
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case given
        case refused
        case withdrawn
        case expired
        /// Consent given again after it was stale or expired, or for a new policy version.
        case renewed
        case objected
        case objectionWithdrawn = "objection_withdrawn"

        /// Whether the event belongs to the consent track rather than the objection track.
        public var isConsent: Bool { self != .objected && self != .objectionWithdrawn }
    }

    /// How the decision was collected.
    public enum CollectionMethod: String, Sendable, Hashable, Codable, CaseIterable {
        case webForm = "web_form"
        case email
        case phone
        case paper
        /// A browser's Global Privacy Control signal (`Sec-GPC: 1`), honoured as an objection.
        case browserSignal = "browser_signal"
    }
}

/// A parent or guardian who consented for a minor, and how that was checked. The name is
/// personal data of its own and is kept sealed under the subject's consent key.
public struct SealedGuardian: Sendable, Hashable, Codable {
    public var sealedName: Data
    public var relationship: Guardian.Relationship
    public var verification: Guardian.Verification

    public init(sealedName: Data, relationship: Guardian.Relationship, verification: Guardian.Verification) {
        self.sealedName = sealedName
        self.relationship = relationship
        self.verification = verification
    }
}

/// A parent or guardian as given in a consent call, before sealing.
public struct Guardian: Sendable, Hashable {
    public var name: String
    public var relationship: Relationship
    public var verification: Verification

    public init(name: String, relationship: Relationship, verification: Verification) {
        self.name = name
        self.relationship = relationship
        self.verification = verification
    }

    public enum Relationship: String, Sendable, Hashable, Codable, CaseIterable {
        case parent
        case guardian
    }

    /// How the controller checked that the person consenting holds parental responsibility.
    public enum Verification: String, Sendable, Hashable, Codable, CaseIterable {
        /// An identity document of the parent, seen in person or shielded.
        case idDocument = "id_document"
        /// A signed form returned by the parent.
        case signedForm = "signed_form"
        /// A small payment from the parent's own bank account.
        case bankPayment = "bank_payment"
        /// A confirmation link sent to the parent's e-mail address.
        case emailConfirmation = "email_confirmation"
        case inPerson = "in_person"
    }
}
