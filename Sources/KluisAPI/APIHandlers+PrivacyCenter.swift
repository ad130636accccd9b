import Foundation
import KluisContract
import KluisCore

/// The privacy center's hand-off: a sign-in link for a person signed in to the application,
/// for keys that may vouch for signed-in sessions.
extension APIHandlers {
    func createHandoff(_ input: Operations.CreateHandoff.Input) async throws -> Operations.CreateHandoff.Output {
        let principal = try APICaller.principal()
        let body = switch input.body { case .json(let body): body }
        let ticket = try await vault.signIns.issueHandoff(for: try Self.subjectID(body.subjectId, field: "subject_id"), by: principal)
        let link = configuration.privacyCenterPath + "/handoff?token=" + ticket.token
        return .created(.init(body: .json(.init(link: link, expiresAt: ticket.expiresAt))))
    }
}
