import Foundation

/// What a person decided about one purpose, as a consent call states it.
public struct ConsentDecision: Sendable, Hashable {
    public var purpose: String
    /// `given`, `refused`, `withdrawn`, `expired`, `objected` or `objection_withdrawn`; a
    /// `given` after an earlier consent is recorded as `renewed`.
    public var kind: ConsentEvent.Kind

    public init(purpose: String, kind: ConsentEvent.Kind) {
        self.purpose = purpose
        self.kind = kind
    }
}

/// A consent call: the decisions, and how they were collected.
public struct ConsentSubmission: Sendable, Hashable {
    public var decisions: [ConsentDecision]
    public var method: ConsentEvent.CollectionMethod
    /// The language the person was asked in; the policy's first when absent.
    public var language: Language?
    /// SHA-256 (hex) of the text the person saw, when the application showed its own text
    /// rather than the policy's.
    public var statementHash: String?
    /// The person's date of birth, for the policy's age rule; never stored.
    public var birthDate: CalendarDate?
    /// The parent or guardian deciding for a person below the policy's minimum age.
    public var guardian: Guardian?
    /// The browser sent `Sec-GPC: 1`: an objection to every direct-marketing purpose not
    /// explicitly consented to in the same call.
    public var globalPrivacyControl: Bool

    public init(decisions: [ConsentDecision], method: ConsentEvent.CollectionMethod = .webForm, language: Language? = nil,
                statementHash: String? = nil, birthDate: CalendarDate? = nil, guardian: Guardian? = nil,
                globalPrivacyControl: Bool = false) {
        self.decisions = decisions
        self.method = method
        self.language = language
        self.statementHash = statementHash
        self.birthDate = birthDate
        self.guardian = guardian
        self.globalPrivacyControl = globalPrivacyControl
    }
}

/// Where a person stands on one purpose that asks for consent or allows objection.
public struct PurposeConsent: Sendable, Hashable {
    public var purpose: String
    public var legalBasis: LegalBasis.Kind
    /// For consent-based purposes; `nil` for others.
    public var status: ConsentStatus?
    public var objected: Bool
    public var mayObject: Bool
    /// When the consent in force (or the stale one) was given.
    public var givenAt: Date?
    public var withdrawnAt: Date?
    /// Whether the purpose may use the person's data now, as far as consent and objection go.
    public var permitted: Bool
}

/// The answer to a consent call: the events recorded, the signed receipt when consent was
/// given or withdrawn, and the state after.
public struct ConsentOutcome: Sendable {
    public var events: [ConsentEvent]
    public var receipt: String?
    public var receiptID: String?
    public var state: [PurposeConsent]
}
