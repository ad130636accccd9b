import Foundation
import HTTPTypes
import KluisContract
import KluisCore
import KluisPages
import OpenAPIRuntime

/// Data-subject requests, the disclosure log and restrictions.
///
/// Any key may take in a request, send the one-time code and check it, and vouch for a signed-in
/// session: a privacy centre does that. Everything else (the queue, identity checks by staff,
/// extension, rejection, fulfilment and the packages) needs an admin key.
extension APIHandlers {
    func submitRequest(_ input: Operations.SubmitRequest.Input) async throws -> Operations.SubmitRequest.Output {
        let principal = try APICaller.principal()
        let body = switch input.body { case .json(let body): body }
        return .created(.init(body: .json(try .init(try await vault.requests.submit(try body.submission(), by: principal)))))
    }

    func listRequests(_ input: Operations.ListRequests.Input) async throws -> Operations.ListRequests.Output {
        try APICaller.admin()
        let subject = try input.query.subjectId.map { try Self.subjectID($0, field: "subject_id") }
        let found = try await vault.requests.list(try input.query.filter?.contract() ?? .open, subject: subject, limit: input.query.limit ?? 1000)
        return .ok(.init(body: .json(.init(requests: try found.map(Components.Schemas.RequestAnswer.init)))))
    }

    func showRequest(_ input: Operations.ShowRequest.Input) async throws -> Operations.ShowRequest.Output {
        try APICaller.admin()
        return .ok(.init(body: .json(try .init(try await vault.requests.status(of: Self.requestID(input.path.request))))))
    }

    func askForIdentification(_ input: Operations.AskForIdentification.Input) async throws -> Operations.AskForIdentification.Output {
        let principal = try APICaller.admin()
        return .ok(.init(body: .json(try .init(try await vault.requests.askForIdentification(Self.requestID(input.path.request), by: principal)))))
    }

    func sendVerificationCode(_ input: Operations.SendVerificationCode.Input) async throws -> Operations.SendVerificationCode.Output {
        let principal = try APICaller.principal()
        guard let outbox = configuration.outbox else {
            throw VaultError(.requestInvalid, "this server has no outbox configured, so it cannot send codes")
        }
        let status = try await vault.requests.sendVerificationCode(Self.requestID(input.path.request), outbox: outbox, by: principal)
        return .ok(.init(body: .json(try .init(status))))
    }

    func verifyIdentity(_ input: Operations.VerifyIdentity.Input) async throws -> Operations.VerifyIdentity.Output {
        let principal = try APICaller.principal()
        let body = switch input.body { case .json(let body): body }
        let method: IdentityCheck = try body.method.contract()
        // Only staff attest checks made outside Kluis; an application may vouch for its own
        // signed-in session and pass on a code.
        if ![.registeredEmail, .signedInSession].contains(method), !principal.isAdmin {
            throw Problem(.forbidden, code: VaultError.Code.forbidden.rawValue, detail: "only an admin key may attest '\(method.rawValue)'")
        }
        let status = try await vault.requests.verifyIdentity(Self.requestID(input.path.request), method: method, code: body.code, by: principal)
        return .ok(.init(body: .json(try .init(status))))
    }

    func extendRequest(_ input: Operations.ExtendRequest.Input) async throws -> Operations.ExtendRequest.Output {
        let principal = try APICaller.admin()
        let body = switch input.body { case .json(let body): body }
        return .ok(.init(body: .json(try .init(try await vault.requests.extend(Self.requestID(input.path.request), reason: body.reason, by: principal)))))
    }

    func rejectRequest(_ input: Operations.RejectRequest.Input) async throws -> Operations.RejectRequest.Output {
        let principal = try APICaller.admin()
        let body = switch input.body { case .json(let body): body }
        return .ok(.init(body: .json(try .init(try await vault.requests.reject(Self.requestID(input.path.request), reason: body.reason, by: principal)))))
    }

    func fulfilRequest(_ input: Operations.FulfilRequest.Input) async throws -> Operations.FulfilRequest.Output {
        let principal = try APICaller.admin()
        let body = switch input.body { case .json(let body): body }
        let corrections = try (body.corrections ?? []).map { try $0.record() }
        var outbox: (any Outbox)?
        if body.notifyRecipients == true {
            guard let configured = configuration.outbox else {
                throw VaultError(.requestInvalid, "this server has no outbox configured, so it cannot tell recipients; leave out 'notify_recipients'")
            }
            outbox = configured
        }
        let done = try await vault.requests.fulfil(Self.requestID(input.path.request), corrections: corrections,
                                          notifyingRecipientsThrough: outbox, by: principal)
        return .ok(.init(body: .json(.init(request: try .init(done.request), erasure: try done.erasure.map { try ContractJSON.convert($0) },
                                           certificate: done.certificate,
                                           recipientsToNotify: try ContractJSON.convert(done.recipientsToNotify),
                                           consentEvents: try done.consentEvents.map(Components.Schemas.ConsentEvent.init)))))
    }

    /// The access package as JSON or HTML, the portability package as JSON or CSV.
    func exportRequestPackage(_ input: Operations.ExportRequestPackage.Input) async throws -> Operations.ExportRequestPackage.Output {
        let principal = try APICaller.admin()
        let id = try Self.requestID(input.path.request)
        let format = input.query.format ?? .json
        let language = input.query.lang.flatMap { Language(rawValue: $0.rawValue) }
        switch try await vault.requests.status(of: id).request.type {
        case .access:
            guard format != .csv else { throw VaultError(.inputInvalid, "'format' of an access package is json or html") }
            let package = try await vault.accessPackage(for: id, in: language, by: principal)
            if format == .html {
                let page = PageRenderer.render(package.document(policy: vault.policy, in: language ?? vault.policy.info.languages[0]), policy: vault.policy)
                return .ok(.init(body: .textHtmlCharsetUtf8(HTTPBody(page))))
            }
            return .ok(.init(body: .json(.AccessPackage(try ContractJSON.convert(package)))))
        case .portability:
            guard format != .html else { throw VaultError(.inputInvalid, "'format' of a portability package is json or csv") }
            let package = try await vault.portabilityPackage(for: id, by: principal)
            if format == .csv { return .ok(.init(body: .textCsvCharsetUtf8HeaderPresent(HTTPBody(package.csv)))) }
            return .ok(.init(body: .json(.PortabilityPackage(try ContractJSON.convert(package)))))
        default:
            throw VaultError(.requestInvalid, "only access and portability requests have a package")
        }
    }

    func recordDisclosure(_ input: Operations.RecordDisclosure.Input) async throws -> Operations.RecordDisclosure.Output {
        let principal = try APICaller.principal()
        let subject = try Self.subjectID(input.path.id)
        let body = switch input.body { case .json(let body): body }
        try await vault.recordDisclosure(of: subject, to: body.recipient, purpose: body.purpose, categories: body.categories, by: principal)
        return .noContent(.init())
    }

    func liftRestrictions(_ input: Operations.LiftRestrictions.Input) async throws -> Operations.LiftRestrictions.Output {
        let principal = try APICaller.admin()
        let subject = try Self.subjectID(input.path.id)
        let body = switch input.body { case .json(let body): body }
        let remaining = try await vault.requests.liftRestrictions(of: subject, subjectToldAt: body.subjectToldAt, by: principal)
        return .ok(.init(body: .json(.init(subjectId: subject.rawValue, restrictions: try ContractJSON.convert(remaining)))))
    }

    /// The request a path names.
    static func requestID(_ text: String) throws -> KluisCore.RequestID {
        guard let id = KluisCore.RequestID(rawValue: text) else {
            throw VaultError(.requestNotFound, "the path does not name a request id (req_…)")
        }
        return id
    }
}
