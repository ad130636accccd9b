import Foundation

/// The answer to an access request (art. 15): the person's data and every fact the article
/// requires, for one subject, from every category the vault holds. Rendered as JSON (this type)
/// and as a readable page (``document(in:)``).
public struct AccessPackage: Sendable, Hashable, Codable {
    /// The access request answered; `nil` when the person looked themselves, in the privacy
    /// center.
    public var request: RequestID?
    public var subject: SubjectID
    public var generatedAt: Date
    public var controller: String
    public var policyVersion: String
    /// Whether any data of the person is processed (15(1)).
    public var processed: Bool
    /// A faithful copy of the data, per category (15(3)).
    public var data: [CategoryData]
    public var purposes: [PurposeFacts]
    /// The recipients the data was actually disclosed to, from the disclosure log (15(1)(c)).
    public var disclosures: [Disclosure]
    /// The recipients the policy names, by role and country (15(1)(c)).
    public var recipients: [RecipientFacts]
    /// Per category, the rule and this person's erase-by date (15(1)(d)).
    public var retention: [RetentionFacts]
    /// Where data not collected from the person came from (15(1)(g)).
    public var sources: [SourceFacts]
    /// The rights, and where to complain (15(1)(e), (f)).
    public var rights: RightsFacts
    /// Decisions without human involvement (15(1)(h)); empty when there are none.
    public var automatedDecisions: [AutomatedDecisionFacts]
    /// Transfers outside the EEA and their safeguards (15(2)).
    public var transfers: [TransferFacts]
    public var consents: [ConsentFacts]
    public var restrictions: [Restriction]
    /// Who read or received the data, when and why, from the audit log.
    public var accessHistory: [AccessEvent]
    /// The personal-data breaches the person was told of (art. 34).
    public var breaches: [BreachFacts]

    enum CodingKeys: String, CodingKey {
        case request, subject, controller, processed, data, purposes, disclosures, recipients, retention, sources, rights, breaches
        case transfers, consents, restrictions
        case generatedAt = "generated_at"
        case policyVersion = "policy_version"
        case automatedDecisions = "automated_decisions"
        case accessHistory = "access_history"
    }

    /// A breach the person was told of: when, and what the register says of it.
    public struct BreachFacts: Sendable, Hashable, Codable {
        public var breach: String
        public var toldAt: Date
        public var summary: String
        public var consequences: String?
        public var measures: String?

        enum CodingKeys: String, CodingKey {
            case breach, summary, consequences, measures
            case toldAt = "told_at"
        }
    }

    public struct CategoryData: Sendable, Hashable, Codable {
        public var category: String
        public var name: String
        public var taxonomy: String
        public var origin: DataOrigin
        public var records: [ExportedRecord]
        /// Fields left out because they are about someone else (15(4)).
        public var redactedFields: [String]

        enum CodingKeys: String, CodingKey {
            case category, name, taxonomy, origin, records
            case redactedFields = "redacted_fields"
        }
    }

    public struct ExportedRecord: Sendable, Hashable, Codable {
        public var id: RecordID
        public var fields: [String: String]
        public var createdAt: Date
        public var updatedAt: Date
        /// What was left out of the record because it is someone else's; absent when nothing was.
        public var redacted: [Redaction]?

        enum CodingKeys: String, CodingKey {
            case id, fields, redacted
            case createdAt = "created_at"
            case updatedAt = "updated_at"
        }

        public init(id: RecordID, fields: [String: String], createdAt: Date, updatedAt: Date, redacted: [Redaction]? = nil) {
            self.id = id
            self.fields = fields
            self.createdAt = createdAt
            self.updatedAt = updatedAt
            self.redacted = redacted
        }
    }

    /// Fields of a record left out of a person's copy because they are another person's (art.
    /// 15(4)): which, whose (by role, never by name) and why.
    public struct Redaction: Sendable, Hashable, Codable {
        public var fields: [String]
        public var role: String
        public var reason: String

        public init(fields: [String], role: String, reason: String) {
            self.fields = fields
            self.role = role
            self.reason = reason
        }
    }

    /// A purpose that applies to the person: since when and why, and which of their data it uses.
    public struct PurposeFacts: Sendable, Hashable, Codable {
        public var purpose: String
        public var name: String
        public var legalBasis: String
        public var categories: [String]
        public var since: Date
        /// `collected`, `consent`, `event:NAME` or `inherited`.
        public var reasons: [String]
        /// The groups of people (`subjects:` of the policy) the purpose makes the person one of.
        public var groups: [String]

        enum CodingKeys: String, CodingKey {
            case purpose, name, categories, since, reasons, groups
            case legalBasis = "legal_basis"
        }
    }

    public struct Disclosure: Sendable, Hashable, Codable {
        public var recipient: String
        public var name: String
        public var country: String
        public var purpose: String?
        public var categories: [String]
        public var time: Date
    }

    public struct RecipientFacts: Sendable, Hashable, Codable {
        public var recipient: String
        public var name: String
        public var role: RecipientRole
        public var country: String
        public var purposes: [String]
    }

    public struct RetentionFacts: Sendable, Hashable, Codable {
        public var category: String
        /// The rule per purpose that holds the category, in words.
        public var rules: [String]
        /// When this person's data of the category goes: the latest end over its records and
        /// purposes; `nil` while a clock has not started (its event has not happened).
        public var eraseBy: Date?

        enum CodingKeys: String, CodingKey {
            case category, rules
            case eraseBy = "erase_by"
        }
    }

    public struct SourceFacts: Sendable, Hashable, Codable {
        public var category: String
        public var origin: DataOrigin
        public var source: String
    }

    public struct RightsFacts: Sendable, Hashable, Codable {
        public var rights: [String]
        public var contact: String
        public var authority: String
        public var authorityURL: String

        enum CodingKeys: String, CodingKey {
            case rights, contact, authority
            case authorityURL = "authority_url"
        }
    }

    public struct AutomatedDecisionFacts: Sendable, Hashable, Codable {
        public var purpose: String
        public var description: String
        public var logic: String
        public var consequences: String
    }

    public struct TransferFacts: Sendable, Hashable, Codable {
        public var recipient: String
        public var country: String
        public var safeguard: String
    }

    public struct ConsentFacts: Sendable, Hashable, Codable {
        public var purpose: String
        public var status: String
        public var objected: Bool
    }

    public struct AccessEvent: Sendable, Hashable, Codable {
        public var time: Date
        /// The application or person, by the name of their key; `operator` for the command line.
        public var actor: String
        public var action: AuditAction
        public var purpose: String?
        public var categories: [String]
        public var outcome: AuditOutcome
        /// The written reason of a break-glass read, or the recipient of a disclosure.
        public var reason: String?
        public var breakGlass: Bool

        enum CodingKeys: String, CodingKey {
            case time, actor, action, purpose, categories, outcome, reason
            case breakGlass = "break_glass"
        }
    }
}
