import Foundation
import HTTPTypes
import Hummingbird
import KluisCore

/// The routes of data-subject requests, the disclosure log and restrictions.
///
/// Any key may take in a request, send the one-time code and check it, and vouch for a signed-in
/// session: a privacy centre does that. Everything else — the queue, identity checks by staff,
/// extension, rejection, fulfilment and the packages — needs an admin key.
struct RequestRoutes: Sendable {
    let vault: Vault
    let configuration: HTTPConfiguration

    func register(on router: RouterGroup<APIRequestContext>, table: inout RouteTable) {
        table.add(.post, "/v1/requests", .key, on: router, submit)
        table.add(.get, "/v1/requests", .admin, on: router, list)
        table.add(.get, "/v1/requests/{request}", .admin, on: router, show)
        table.add(.post, "/v1/requests/{request}/identification", .admin, on: router, askForIdentification)
        table.add(.post, "/v1/requests/{request}/verification-code", .key, on: router, sendCode)
        table.add(.post, "/v1/requests/{request}/verify", .key, on: router, verify)
        table.add(.post, "/v1/requests/{request}/extend", .admin, on: router, extend)
        table.add(.post, "/v1/requests/{request}/reject", .admin, on: router, reject)
        table.add(.post, "/v1/requests/{request}/fulfil", .admin, on: router, fulfil)
        table.add(.get, "/v1/requests/{request}/export", .admin, on: router, export)
        table.add(.post, "/v1/subjects/{id}/disclosures", .key, on: router, recordDisclosure)
        table.add(.post, "/v1/subjects/{id}/restrictions/lift", .admin, on: router, liftRestrictions)
    }

    @Sendable func submit(_ request: Request, context: APIRequestContext) async throws -> Response {
        let principal = try context.principal()
        let body = try await JSONBody.decode(Payloads.RequestBody.self, from: request, limit: configuration.maximumBodySize)
        let status = try await vault.submitRequest(try body.submission(), by: principal)
        return try JSONBody.response(Payloads.RequestAnswer(status), status: .created)
    }

    @Sendable func list(_ request: Request, context: APIRequestContext) async throws -> Response {
        try context.admin()
        let query = request.uri.queryParameters
        let filter = try query.get("filter").map { text in
            guard let filter = RequestFilter(rawValue: text) else {
                throw VaultError(.inputInvalid, "'filter' must be one of \(RequestFilter.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            return filter
        } ?? .open
        let subject = try query.get("subject_id").map { try Payloads.subjectID($0, field: "subject_id") }
        let found = try await vault.requests(filter, subject: subject, limit: query.get("limit").flatMap(Int.init) ?? 1000)
        return try JSONBody.response(Payloads.RequestList(requests: found.map(Payloads.RequestAnswer.init)))
    }

    @Sendable func show(_ request: Request, context: APIRequestContext) async throws -> Response {
        try context.admin()
        return try JSONBody.response(Payloads.RequestAnswer(try await vault.request(Self.requestID(context))))
    }

    @Sendable func askForIdentification(_ request: Request, context: APIRequestContext) async throws -> Response {
        let principal = try context.admin()
        return try JSONBody.response(Payloads.RequestAnswer(try await vault.askForIdentification(Self.requestID(context), by: principal)))
    }

    @Sendable func sendCode(_ request: Request, context: APIRequestContext) async throws -> Response {
        let principal = try context.principal()
        guard let outbox = configuration.outbox else {
            throw VaultError(.requestInvalid, "this server has no outbox configured, so it cannot send codes")
        }
        let status = try await vault.sendVerificationCode(Self.requestID(context), outbox: outbox, by: principal)
        return try JSONBody.response(Payloads.RequestAnswer(status))
    }

    @Sendable func verify(_ request: Request, context: APIRequestContext) async throws -> Response {
        let principal = try context.principal()
        let body = try await JSONBody.decode(Payloads.VerifyBody.self, from: request, limit: 4096)
        guard let method = IdentityCheck(rawValue: body.method) else {
            throw VaultError(.requestInvalid, "'method' must be one of \(IdentityCheck.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        // Only staff attest checks made outside Kluis; an application may vouch for its own
        // signed-in session and pass on a code.
        if ![.registeredEmail, .signedInSession].contains(method), !principal.isAdmin {
            throw Problem(.forbidden, code: VaultError.Code.forbidden.rawValue, detail: "only an admin key may attest '\(method.rawValue)'")
        }
        let status = try await vault.verifyIdentity(Self.requestID(context), method: method, code: body.code, by: principal)
        return try JSONBody.response(Payloads.RequestAnswer(status))
    }

    @Sendable func extend(_ request: Request, context: APIRequestContext) async throws -> Response {
        let principal = try context.admin()
        let body = try await JSONBody.decode(Payloads.ReasonBody.self, from: request, limit: 16 * 1024)
        return try JSONBody.response(Payloads.RequestAnswer(try await vault.extend(Self.requestID(context), reason: body.reason, by: principal)))
    }

    @Sendable func reject(_ request: Request, context: APIRequestContext) async throws -> Response {
        let principal = try context.admin()
        let body = try await JSONBody.decode(Payloads.ReasonBody.self, from: request, limit: 16 * 1024)
        return try JSONBody.response(Payloads.RequestAnswer(try await vault.reject(Self.requestID(context), reason: body.reason, by: principal)))
    }

    @Sendable func fulfil(_ request: Request, context: APIRequestContext) async throws -> Response {
        let principal = try context.admin()
        let body = try await JSONBody.decode(Payloads.FulfilBody.self, from: request, limit: configuration.maximumBodySize)
        let corrections = try (body.corrections ?? []).map { try $0.record() }
        var outbox: (any Outbox)?
        if body.notifyRecipients == true {
            guard let configured = configuration.outbox else {
                throw VaultError(.requestInvalid, "this server has no outbox configured, so it cannot tell recipients; leave out 'notify_recipients'")
            }
            outbox = configured
        }
        let done = try await vault.fulfil(Self.requestID(context), corrections: corrections, notifyingRecipientsThrough: outbox, by: principal)
        return try JSONBody.response(Payloads.FulfilmentAnswer(request: Payloads.RequestAnswer(done.request), erasure: done.erasure,
                                                               certificate: done.certificate, recipientsToNotify: done.recipientsToNotify,
                                                               consentEvents: done.consentEvents.map(Payloads.ConsentEventAnswer.init)))
    }

    /// The access package as JSON or HTML, the portability package as JSON or CSV.
    @Sendable func export(_ request: Request, context: APIRequestContext) async throws -> Response {
        let principal = try context.admin()
        let id = try Self.requestID(context)
        let query = request.uri.queryParameters
        let format = query.get("format") ?? "json"
        let language = try Payloads.language(query.get("lang"))
        switch try await vault.request(id).request.type {
        case .access:
            guard ["json", "html"].contains(format) else {
                throw VaultError(.inputInvalid, "'format' of an access package is json or html")
            }
            let package = try await vault.accessPackage(for: id, in: language, by: principal)
            if format == "html" {
                let page = HTMLWriter.render(package.document(policy: vault.policy, in: language ?? vault.policy.info.languages[0]))
                return JSONBody.text(page, contentType: "text/html; charset=utf-8")
            }
            return try JSONBody.response(package)
        case .portability:
            guard ["json", "csv"].contains(format) else {
                throw VaultError(.inputInvalid, "'format' of a portability package is json or csv")
            }
            let package = try await vault.portabilityPackage(for: id, by: principal)
            if format == "csv" { return JSONBody.text(package.csv, contentType: "text/csv; charset=utf-8; header=present") }
            return try JSONBody.response(package)
        default:
            throw VaultError(.requestInvalid, "only access and portability requests have a package")
        }
    }

    @Sendable func recordDisclosure(_ request: Request, context: APIRequestContext) async throws -> Response {
        let principal = try context.principal()
        let subject = try VaultRoutes.subjectID(context)
        let body = try await JSONBody.decode(Payloads.DisclosureBody.self, from: request, limit: 16 * 1024)
        try await vault.recordDisclosure(of: subject, to: body.recipient, purpose: body.purpose, categories: body.categories, by: principal)
        return Response(status: .noContent)
    }

    @Sendable func liftRestrictions(_ request: Request, context: APIRequestContext) async throws -> Response {
        let principal = try context.admin()
        let subject = try VaultRoutes.subjectID(context)
        let body = try await JSONBody.decode(Payloads.LiftBody.self, from: request, limit: 4096)
        let remaining = try await vault.liftRestrictions(of: subject, subjectToldAt: body.subjectToldAt, by: principal)
        return try JSONBody.response(Payloads.RestrictionsAnswer(subjectID: subject, restrictions: remaining))
    }

    static func requestID(_ context: APIRequestContext) throws -> KluisCore.RequestID {
        guard let text = context.parameters.get("request"), let id = KluisCore.RequestID(rawValue: text) else {
            throw VaultError(.requestNotFound, "the path does not name a request id (req_…)")
        }
        return id
    }
}
