/// An error of the vault with a stable code. Descriptions never contain personal data: no field
/// values, no identifiers, only ids Kluis made itself and names from the policy.
public struct VaultError: Error, Sendable, Equatable, CustomStringConvertible {
    public let code: Code
    public let message: String
    /// For `rate.limited`: the seconds to wait before trying again.
    public let retryAfter: Int?

    public init(_ code: Code, _ message: String, retryAfter: Int? = nil) {
        self.code = code
        self.message = message
        self.retryAfter = retryAfter
    }

    public var description: String { "\(message) [\(code.rawValue)]" }

    /// The stable codes, also used as the `code` of HTTP problem responses.
    public enum Code: String, Sendable, Codable, CaseIterable {
        case rootKeyMissing = "root_key.missing"
        case rootKeyMalformed = "root_key.malformed"
        case rootKeyWrong = "root_key.wrong"
        case storeNotInitialised = "store.not_initialised"
        case storeInitialised = "store.initialised"
        /// The policy is another controller's than the one the vault belongs to.
        case policyOtherController = "policy.other_controller"
        case storeFailure = "store.failure"
        /// What the operation was prepared on changed before it committed (a data key was
        /// destroyed or made by another operation, the person was removed); nothing was written.
        case storeConflict = "store.conflict"
        case subjectNotFound = "subject.not_found"
        case identifierInUse = "identifier.in_use"
        case identifierInvalid = "identifier.invalid"
        /// A stored identifier row is not bound to the subject it names: changed in the database.
        case identifierTampered = "identifier.tampered"
        case recordNotFound = "record.not_found"
        case erasureKept = "erasure.kept"
        case deletionByRequest = "erasure.request_only"
        case categoryUnknown = "category.unknown"
        case categoryRestricted = "category.restricted"
        case disclosureNotListed = "disclosure.not_listed"
        case fieldUnknown = "field.unknown"
        case referenceInvalid = "reference.invalid"
        case referenceUnknown = "reference.unknown"
        case purposeUnknown = "purpose.unknown"
        case purposeNotAllowed = "purpose.not_allowed"
        case purposeRequired = "purpose.required"
        case purposeCategoryUnused = "purpose.category_unused"
        case purposeNotApplicable = "purpose.not_applicable"
        case breakGlassNeedsReason = "break_glass.reason_required"
        case breakGlassNotAllowed = "break_glass.not_allowed"
        case eventInvalid = "event.invalid"
        case holdUnknown = "hold.unknown"
        case ciphertextInvalid = "ciphertext.invalid"
        case inputInvalid = "input.invalid"
        case consentRequired = "consent.required"
        case consentStale = "consent.stale"
        case objected = "objection.in_force"
        case consentNotApplicable = "consent.not_applicable"
        case ageRequired = "consent.age_required"
        case minorRefused = "consent.minor_refused"
        case guardianRequired = "consent.guardian_required"
        case cookieChoiceInvalid = "cookie.choice_invalid"
        case requestNotFound = "request.not_found"
        case requestStateInvalid = "request.state_invalid"
        case requestInvalid = "request.invalid"
        case identityUnverified = "request.identity_unverified"
        case identityCheckNotAccepted = "request.identity_check_not_accepted"
        case verificationCodeWrong = "request.code_wrong"
        /// A sign-in to the privacy center failed: a wrong or expired code, or a hand-off link
        /// that is not valid, was used or expired. One code for all, so that the answer says
        /// nothing about whether an address is known.
        case signInFailed = "sign_in.failed"
        case extensionTooLate = "request.extension_too_late"
        case bsnRefused = "input.bsn_refused"
        case rateLimited = "rate.limited"
        case restrictionNotTold = "restriction.subject_not_told"
        case apiKeyNotFound = "api_key.not_found"
        case staffNotFound = "staff.not_found"
        /// A staff account with this e-mail address exists already.
        case staffExists = "staff.exists"
        case breachNotFound = "breach.not_found"
        /// An amendment written from an earlier version of a breach's report: saving it would
        /// undo, unseen, what was amended since.
        case breachChanged = "breach.changed"
        case unauthorised = "auth.unauthorised"
        case forbidden = "auth.forbidden"
    }

    /// A commit's expected data key is no longer the subject's (``StoreChange/expectDataKey(_:)``).
    public static let keyChanged = VaultError(.storeConflict, "a data key this operation sealed under was changed by another operation before it committed; nothing was written: try again")

    /// A commit found the person it was prepared on removed, or given a data key it was making.
    public static let preparedOnChangedState = VaultError(.storeConflict, "the person this operation was prepared on was changed by another operation before it committed; nothing was written: try again")

    /// A commit found a value it replaces no longer as it was read (``Replacement``): `what`
    /// names it without personal data ("request req_…").
    public static func changedMeanwhile(_ what: String) -> VaultError {
        VaultError(.storeConflict, "\(what) was changed by another operation before this one committed; nothing was written: try again")
    }
}
