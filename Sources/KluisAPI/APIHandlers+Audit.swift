import Foundation
import KluisContract
import KluisCore

/// The audit log for admins: a person's access history, the events in order, and the check of
/// the chain and of the identifier rows.
extension APIHandlers {
    func accessHistory(_ input: Operations.AccessHistory.Input) async throws -> Operations.AccessHistory.Output {
        try APICaller.admin()
        let events = try await vault.auditEvents(after: input.query.after ?? 0, subject: try Self.subjectID(input.path.id),
                                                 limit: input.query.limit ?? 100)
        return .ok(.init(body: .json(.init(events: try events.map(Components.Schemas.AuditEventAnswer.init)))))
    }

    func auditEvents(_ input: Operations.AuditEvents.Input) async throws -> Operations.AuditEvents.Output {
        try APICaller.admin()
        let subject = try input.query.subject.map { try Self.subjectID($0, field: "subject") }
        let events = try await vault.auditEvents(after: input.query.after ?? 0, subject: subject, limit: input.query.limit ?? 100)
        return .ok(.init(body: .json(.init(events: try events.map(Components.Schemas.AuditEventAnswer.init)))))
    }

    func verifyAudit(_ input: Operations.VerifyAudit.Input) async throws -> Operations.VerifyAudit.Output {
        try APICaller.admin()
        let verifier = try await vault.verifyAudit()
        let identifiers = try await Vault.verifyIdentifiers(in: vault.store, keys: vault.keys)
        let rows = identifiers.unbound.map { Components.Schemas.IdentifierVerification.RowsPayloadPayload(
            table: $0.table, kind: $0.kind, subjectId: $0.subject) }
        return .ok(.init(body: .json(.init(
            intact: verifier.isIntact, checked: verifier.checked,
            firstBroken: verifier.firstBroken?.sequence, problem: verifier.firstBroken?.problem,
            identifiers: .init(intact: identifiers.isIntact, checked: Int64(identifiers.checked),
                               tampered: Int64(identifiers.unboundCount), rows: rows)))))
    }
}
