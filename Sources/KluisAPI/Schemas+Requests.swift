import Foundation
import KluisContract
import KluisCore

/// The contract's request answers made from the core's values, and its request body read into
/// the core's submission.
extension Components.Schemas.RequestAnswer {
    /// A request as the API shows it: its state, history and deadlines.
    init(_ status: RequestStatus) throws {
        let request = status.request
        self.init(id: request.id.rawValue, _type: try request.type.contract(), subjectId: request.subject?.rawValue,
                  channel: try request.channel.contract(), receivedAt: request.receivedAt, state: try request.state.contract(),
                  purposes: request.purposes, categories: request.categories, ground: try request.restrictionGround?.contract(),
                  identity: try request.identity.map { try ContractJSON.convert($0) }, codeOutstanding: request.pendingCode != nil,
                  extensionReason: request.extended?.reason, rejectionReason: request.rejection, outcome: request.outcome,
                  closedAt: request.closedAt, deadlines: try ContractJSON.convert(status.deadlines), overdue: status.isOverdue,
                  dueSoon: status.isDueSoon, history: try ContractJSON.convert(request.history))
    }
}

extension Components.Schemas.RequestBody {
    func submission() throws -> RequestSubmission {
        let subject = try subjectId.map { try APIHandlers.subjectID($0, field: "subject_id") }
        let identifiers = try identifiers?.identifiers ?? []
        guard subject != nil || !identifiers.isEmpty else {
            throw VaultError(.requestInvalid, "name the requester: 'subject_id' or 'identifiers'")
        }
        let ground: Restriction.Ground? = try ground?.contract()
        guard ground != .legalObligation else {
            throw VaultError(.requestInvalid, "'ground' must be accuracy_contested, unlawful_processing, legal_claims or objection_pending")
        }
        return RequestSubmission(type: try _type.contract(), subject: subject, identifiers: identifiers,
                                 channel: try channel?.contract() ?? .api, receivedAt: receivedAt, purposes: purposes ?? [],
                                 categories: categories ?? [], restrictionGround: ground, signedInSession: signedInSession ?? false)
    }
}
