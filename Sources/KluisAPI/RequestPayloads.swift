import Foundation
import KluisCore

/// The JSON bodies of the request workflow.
extension Payloads {
    struct RequestBody: Decodable {
        var type: String
        var subjectID: String?
        var identifiers: [String: String]?
        var channel: String?
        var receivedAt: Date?
        var purposes: [String]?
        var categories: [String]?
        var ground: String?
        var signedInSession: Bool?

        enum CodingKeys: String, CodingKey {
            case type, identifiers, channel, purposes, categories, ground
            case subjectID = "subject_id"
            case receivedAt = "received_at"
            case signedInSession = "signed_in_session"
        }

        func submission() throws -> RequestSubmission {
            guard let type = RequestType(rawValue: type) else {
                throw VaultError(.requestInvalid, "'type' must be one of \(RequestType.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            let channel = try channel.map { text in
                guard let channel = RequestChannel(rawValue: text) else {
                    throw VaultError(.requestInvalid, "'channel' must be one of \(RequestChannel.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                return channel
            } ?? .api
            let ground = try ground.map { text in
                guard let ground = Restriction.Ground(rawValue: text), ground != .legalObligation else {
                    throw VaultError(.requestInvalid, "'ground' must be accuracy_contested, unlawful_processing, legal_claims or objection_pending")
                }
                return ground
            }
            let subject = try subjectID.map { try Payloads.subjectID($0, field: "subject_id") }
            var parsed: [SubjectIdentifier] = []
            for (kind, value) in (identifiers ?? [:]).sorted(by: { $0.key < $1.key }) {
                guard let kind = SubjectIdentifier.Kind(rawValue: kind) else {
                    throw VaultError(.identifierInvalid, "'\(kind)' is not an identifier kind; use email, phone, customer_number or external_id")
                }
                parsed.append(try SubjectIdentifier(kind: kind, value: value))
            }
            guard subject != nil || !parsed.isEmpty else {
                throw VaultError(.requestInvalid, "name the requester: 'subject_id' or 'identifiers'")
            }
            return RequestSubmission(type: type, subject: subject, identifiers: parsed, channel: channel,
                                     receivedAt: receivedAt, purposes: purposes ?? [], categories: categories ?? [],
                                     restrictionGround: ground, signedInSession: signedInSession ?? false)
        }
    }

    struct VerifyBody: Decodable {
        var method: String
        var code: String?
    }

    struct ReasonBody: Decodable {
        var reason: String
    }

    struct FulfilBody: Decodable {
        var corrections: [RecordDocument]?
        /// Tell the recipients through the outbox (art. 19).
        var notifyRecipients: Bool?

        enum CodingKeys: String, CodingKey {
            case corrections
            case notifyRecipients = "notify_recipients"
        }
    }

    struct DisclosureBody: Decodable {
        var recipient: String
        var purpose: String
        var categories: [String]
    }

    struct LiftBody: Decodable {
        var subjectToldAt: Date?

        enum CodingKeys: String, CodingKey {
            case subjectToldAt = "subject_told_at"
        }
    }

    /// A request as the API shows it: its state, history and deadlines.
    struct RequestAnswer: Encodable {
        var id: KluisCore.RequestID
        var type: RequestType
        var subjectID: SubjectID?
        var channel: RequestChannel
        var receivedAt: Date
        var state: RequestState
        var purposes: [String]
        var categories: [String]
        var ground: Restriction.Ground?
        var identity: DataSubjectRequest.IdentityVerification?
        var codeOutstanding: Bool
        var extensionReason: String?
        var rejectionReason: String?
        var outcome: String?
        var closedAt: Date?
        var deadlines: RequestDeadlines
        var overdue: Bool
        var dueSoon: Bool
        var history: [DataSubjectRequest.Step]

        enum CodingKeys: String, CodingKey {
            case id, type, channel, state, purposes, categories, ground, identity, outcome, deadlines, overdue, history
            case subjectID = "subject_id"
            case receivedAt = "received_at"
            case codeOutstanding = "code_outstanding"
            case extensionReason = "extension_reason"
            case rejectionReason = "rejection_reason"
            case closedAt = "closed_at"
            case dueSoon = "due_soon"
        }

        init(_ status: RequestStatus) {
            let request = status.request
            id = request.id
            type = request.type
            subjectID = request.subject
            channel = request.channel
            receivedAt = request.receivedAt
            state = request.state
            purposes = request.purposes
            categories = request.categories
            ground = request.restrictionGround
            identity = request.identity
            codeOutstanding = request.pendingCode != nil
            extensionReason = request.extended?.reason
            rejectionReason = request.rejection
            outcome = request.outcome
            closedAt = request.closedAt
            deadlines = status.deadlines
            overdue = status.isOverdue
            dueSoon = status.isDueSoon
            history = request.history
        }
    }

    struct RequestList: Encodable {
        var requests: [RequestAnswer]
    }

    struct FulfilmentAnswer: Encodable {
        var request: RequestAnswer
        var erasure: ErasureRecord?
        var certificate: String?
        var recipientsToNotify: [RecipientNotice]
        var consentEvents: [ConsentEventAnswer]

        enum CodingKeys: String, CodingKey {
            case request, erasure, certificate
            case recipientsToNotify = "recipients_to_notify"
            case consentEvents = "consent_events"
        }
    }

    struct RestrictionsAnswer: Encodable {
        var subjectID: SubjectID
        var restrictions: [Restriction]

        enum CodingKeys: String, CodingKey {
            case restrictions
            case subjectID = "subject_id"
        }
    }
}
