import Foundation
import KluisCore

/// The JSON bodies of the consent and cookie-consent API.
extension Payloads {
    struct ConsentBody: Decodable {
        /// By purpose id: given, refused, withdrawn, expired, objected or objection_withdrawn.
        var decisions: [String: String]
        var method: String?
        var language: String?
        var statementHash: String?
        var birthDate: String?
        var guardian: GuardianBody?

        enum CodingKeys: String, CodingKey {
            case decisions, method, language, guardian
            case statementHash = "statement_hash"
            case birthDate = "birth_date"
        }

        func submission(globalPrivacyControl: Bool) throws -> ConsentSubmission {
            let decisions = try self.decisions.sorted { $0.key < $1.key }.map { purpose, text in
                guard let kind = ConsentEvent.Kind(rawValue: text), kind != .renewed else {
                    throw VaultError(.inputInvalid, "the decision for '\(purpose)' must be given, refused, withdrawn, expired, objected or objection_withdrawn")
                }
                return ConsentDecision(purpose: purpose, kind: kind)
            }
            let method = try method.map { text in
                guard let method = ConsentEvent.CollectionMethod(rawValue: text), method != .browserSignal else {
                    throw VaultError(.inputInvalid, "'method' must be web_form, email, phone or paper")
                }
                return method
            } ?? .webForm
            let birthDate = try birthDate.map { text in
                guard let date = CalendarDate(text) else { throw VaultError(.inputInvalid, "'birth_date' must be a date, YYYY-MM-DD") }
                return date
            }
            return ConsentSubmission(decisions: decisions, method: method, language: try Payloads.language(language),
                                     statementHash: statementHash?.lowercased(), birthDate: birthDate,
                                     guardian: try guardian?.guardian(), globalPrivacyControl: globalPrivacyControl)
        }
    }

    struct GuardianBody: Decodable {
        var name: String
        var relationship: String
        var verification: String

        func guardian() throws -> Guardian {
            guard let relationship = Guardian.Relationship(rawValue: relationship) else {
                throw VaultError(.inputInvalid, "'guardian.relationship' must be parent or guardian")
            }
            guard let verification = Guardian.Verification(rawValue: verification) else {
                throw VaultError(.inputInvalid, "'guardian.verification' must be one of \(Guardian.Verification.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            return Guardian(name: name, relationship: relationship, verification: verification)
        }
    }

    struct ConsentRecorded: Encodable {
        var subject: SubjectID
        var events: [ConsentEventAnswer]
        var receipt: String?
        var receiptID: String?
        var purposes: [PurposeConsentAnswer]

        enum CodingKeys: String, CodingKey {
            case subject, events, receipt, purposes
            case receiptID = "receipt_id"
        }
    }

    struct ConsentOverview: Encodable {
        var subject: SubjectID
        var purposes: [PurposeConsentAnswer]
        var history: [ConsentEventAnswer]
    }

    struct PurposeConsentAnswer: Encodable {
        var purpose: String
        var legalBasis: String
        var status: String?
        var objected: Bool
        var mayObject: Bool
        var givenAt: Date?
        var withdrawnAt: Date?
        var permitted: Bool

        enum CodingKeys: String, CodingKey {
            case purpose, status, objected, permitted
            case legalBasis = "legal_basis"
            case mayObject = "may_object"
            case givenAt = "given_at"
            case withdrawnAt = "withdrawn_at"
        }

        init(_ consent: PurposeConsent) {
            purpose = consent.purpose
            legalBasis = consent.legalBasis.rawValue
            status = consent.status?.rawValue
            objected = consent.objected
            mayObject = consent.mayObject
            givenAt = consent.givenAt
            withdrawnAt = consent.withdrawnAt
            permitted = consent.permitted
        }
    }

    /// An event as the history shows it: a guardian's name stays sealed; their relationship
    /// and how it was checked are shown.
    struct ConsentEventAnswer: Encodable {
        var purpose: String
        var kind: String
        var time: Date
        var policyVersion: String
        var purposeHash: String
        var statementHash: String
        var method: String
        var language: String?
        var receiptID: String?
        var minor: Bool
        var guardianRelationship: String?
        var guardianVerification: String?
        var actor: String

        enum CodingKeys: String, CodingKey {
            case purpose, kind, time, method, language, minor, actor
            case policyVersion = "policy_version"
            case purposeHash = "purpose_hash"
            case statementHash = "statement_hash"
            case receiptID = "receipt_id"
            case guardianRelationship = "guardian_relationship"
            case guardianVerification = "guardian_verification"
        }

        init(_ event: ConsentEvent) {
            purpose = event.purpose
            kind = event.kind.rawValue
            time = event.time
            policyVersion = event.policyVersion
            purposeHash = event.purposeHash
            statementHash = event.statementHash
            method = event.method.rawValue
            language = event.language?.rawValue
            receiptID = event.receiptID
            minor = event.minor
            guardianRelationship = event.guardian?.relationship.rawValue
            guardianVerification = event.guardian?.verification.rawValue
            actor = event.actor
        }
    }

    struct StaleConsents: Encodable {
        var purposes: [StalePurpose]
    }

    struct StalePurpose: Encodable {
        var purpose: String
        var subjects: [SubjectID]
    }

    struct ReceiptBody: Decodable {
        var receipt: String
    }

    struct ReceiptVerification: Encodable {
        var valid: Bool
        var reason: String?
        var receipt: ConsentReceipt?
        var current: [PurposeConsentAnswer]
    }

    struct KeySet: Encodable {
        var keys: [[String: String]]
    }

    // MARK: Cookies

    struct CookieChoiceBody: Decodable {
        var visitorID: String?
        var subjectID: String?
        var choices: [String: Bool]
        var language: String?

        enum CodingKeys: String, CodingKey {
            case choices, language
            case visitorID = "visitor_id"
            case subjectID = "subject_id"
        }
    }

    struct CookieChoiceAnswer: Encodable {
        var visitorID: VisitorID
        var policyVersion: String
        var recordedAt: Date
        var expiresAt: Date
        var gpc: Bool
        var choices: [String: Bool]
        /// Google Consent Mode v2: every type, `granted` or `denied`.
        var consentMode: [String: String]

        enum CodingKeys: String, CodingKey {
            case gpc, choices
            case visitorID = "visitor_id"
            case policyVersion = "policy_version"
            case recordedAt = "recorded_at"
            case expiresAt = "expires_at"
            case consentMode = "consent_mode"
        }

        init(_ choice: CookieChoice, policy: Policy) {
            visitorID = choice.visitor
            policyVersion = choice.policyVersion
            recordedAt = choice.time
            expiresAt = choice.expires
            gpc = choice.globalPrivacyControl
            choices = choice.allowed
            consentMode = Dictionary(uniqueKeysWithValues: choice.consentMode(under: policy).map { ($0.key.rawValue, $0.value ? "granted" : "denied") })
        }
    }

    struct CookieConfiguration: Encodable {
        var policyVersion: String
        var language: String
        var languages: [String]
        var statementURL: String
        var controller: String
        var categories: [CookieCategoryAnswer]

        enum CodingKeys: String, CodingKey {
            case language, languages, controller, categories
            case policyVersion = "policy_version"
            case statementURL = "statement_url"
        }
    }

    struct CookieCategoryAnswer: Encodable {
        var id: String
        var name: String
        var description: String?
        var required: Bool
        var consentMode: [String]

        enum CodingKeys: String, CodingKey {
            case id, name, description, required
            case consentMode = "consent_mode"
        }
    }

    /// A language the policy must be written in, from its code.
    static func language(_ code: String?) throws -> Language? {
        try code.map { code in
            guard let language = Language(rawValue: code) else { throw VaultError(.inputInvalid, "'language' must be nl or en") }
            return language
        }
    }
}
