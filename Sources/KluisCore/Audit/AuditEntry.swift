import Foundation

/// What happened, before it takes its place in the chain: who did what to whose data, which
/// categories, for which purpose, why, and with what outcome. Never a value.
public struct AuditEntry: Sendable, Hashable, Codable {
    public var time: Date
    /// The API key id or the operator that acted, e.g. `key_3f9a…` or `cli`.
    public var actor: String
    public var action: AuditAction
    public var subject: SubjectID?
    public var categories: [String]
    public var purpose: String?
    /// The reason given: required for break-glass reads.
    public var reason: String?
    public var outcome: AuditOutcome
    /// A read outside the actor's bound purposes, by staff, with a written reason.
    public var breakGlass: Bool

    public init(time: Date, actor: String, action: AuditAction, subject: SubjectID? = nil,
                categories: [String] = [], purpose: String? = nil, reason: String? = nil,
                outcome: AuditOutcome = .allowed, breakGlass: Bool = false) {
        self.time = time
        self.actor = actor
        self.action = action
        self.subject = subject
        self.categories = categories
        self.purpose = purpose
        self.reason = reason
        self.outcome = outcome
        self.breakGlass = breakGlass
    }
}

/// The kinds of audited operation.
public enum AuditAction: String, Sendable, Hashable, Codable, CaseIterable {
    case createSubject = "create_subject"
    case lookup
    case write
    case read
    case event
    case export
    case erasure
    case keyRotation = "key_rotation"
    case apiKeyCreated = "api_key_created"
    /// An API key revoked; the reason is its id.
    case apiKeyRevoked = "api_key_revoked"
    /// A consent or objection decision recorded; the kind is the reason.
    case consent
    /// A person's consent state or history read.
    case consentRead = "consent_read"
    /// A visitor's cookie choice recorded.
    case cookieChoice = "cookie_choice"
    /// A data-subject request received or moved on; the reason names the request and its state.
    case request
    /// Data handed to a recipient outside the vault; the reason names the recipient.
    case disclosure
    /// A restriction of processing set or lifted.
    case restriction
    /// Records removed or anonymised when their retention ended, audit events reduced and
    /// request files deleted; the reason gives the count, never a value.
    case retention
    /// A legal hold placed or released; the reason names the hold.
    case hold
    /// A person signed in to the privacy center, or a way to was given (a code sent, a hand-off
    /// link issued); the reason says which, a refused attempt is denied.
    case signIn = "sign_in"
    /// A staff account of the console added, enrolled, reset or disabled; the reason says which.
    case staff
    /// A step in the breach register: opened, updated, assessed, notified, withdrawn, closed;
    /// the reason names the breach and the step.
    case breach
    case initialise
    /// The vault moved to another controller, explicitly allowed; the reason names both.
    case controller
}

/// How an audited operation ended.
public enum AuditOutcome: String, Sendable, Hashable, Codable {
    /// Done in full.
    case allowed
    /// Done, with some categories withheld.
    case partial
    /// Refused.
    case denied
    /// Nothing matched, such as a lookup of an unknown identifier.
    case notFound = "not_found"
}
