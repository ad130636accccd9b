import Foundation
import HTTPTypes
import Hummingbird
import KluisCore

/// The routes of consents, objections, receipts and cookie choices. Cookie choices, the banner's
/// configuration and receipt checks need no key: a visitor's browser and a person holding a
/// receipt have none. They answer any origin, without credentials.
struct ConsentRoutes: Sendable {
    let vault: Vault
    let configuration: HTTPConfiguration

    func register(on router: RouterGroup<APIRequestContext>, table: inout RouteTable) {
        table.add(.get, "/v1/subjects/{id}/consents", .key, on: router, consents)
        table.add(.post, "/v1/subjects/{id}/consents", .key, on: router, recordConsents)
        table.add(.get, "/v1/consents/stale", .key, on: router, staleConsents)

        let open = router.group().add(middleware: CORSMiddleware(allowOrigin: .all, allowHeaders: [.contentType, .accept],
                                                                 allowMethods: [.get, .post, .options], maxAge: .seconds(600)))
        func openRoute(_ method: HTTPRequest.Method, _ path: String, _ access: RouteTable.Access,
                       _ handler: @escaping @Sendable (Request, APIRequestContext) async throws -> Response) {
            table.add(method, path, access, on: open, handler)
            // The preflight is answered by the CORS middleware; the route only makes it match.
            if method == .post { open.on(RouterPath(path), method: .options) { _, _ in Response(status: .noContent) } }
        }
        openRoute(.post, "/v1/consent-receipts/verify", .public, verifyReceipt)
        openRoute(.get, "/v1/consent-receipts/keys", .public, receiptKeys)
        openRoute(.get, "/v1/cookie-consent/config", .public, cookieConfiguration)
        openRoute(.post, "/v1/cookie-consent", .optionalKey, recordCookieChoice)
    }

    static let globalPrivacyControlHeader = HTTPField.Name("Sec-GPC")!

    // MARK: Consents

    @Sendable func consents(_ request: Request, context: APIRequestContext) async throws -> Response {
        let principal = try context.principal()
        let subject = try VaultRoutes.subjectID(context)
        let (state, history) = try await vault.consents(of: subject, by: principal)
        return try JSONBody.response(Payloads.ConsentOverview(subject: subject, purposes: state.map(Payloads.PurposeConsentAnswer.init),
                                                              history: history.map(Payloads.ConsentEventAnswer.init)))
    }

    @Sendable func recordConsents(_ request: Request, context: APIRequestContext) async throws -> Response {
        let principal = try context.principal()
        let subject = try VaultRoutes.subjectID(context)
        let body = try await JSONBody.decode(Payloads.ConsentBody.self, from: request, limit: configuration.maximumBodySize)
        let submission = try body.submission(globalPrivacyControl: request.headers[Self.globalPrivacyControlHeader] == "1")
        let outcome = try await vault.recordConsents(submission, for: subject, by: principal)
        return try JSONBody.response(Payloads.ConsentRecorded(subject: subject, events: outcome.events.map(Payloads.ConsentEventAnswer.init),
                                                              receipt: outcome.receipt, receiptID: outcome.receiptID,
                                                              purposes: outcome.state.map(Payloads.PurposeConsentAnswer.init)),
                                     status: .created)
    }

    @Sendable func staleConsents(_ request: Request, context: APIRequestContext) async throws -> Response {
        let principal = try context.principal()
        let query = request.uri.queryParameters
        let after = try query.get("after").map { try Payloads.subjectID($0, field: "after") }
        let stale = try await vault.staleConsents(purpose: query.get("purpose"), after: after,
                                                  limit: query.get("limit").flatMap(Int.init) ?? 1000, by: principal)
        return try JSONBody.response(Payloads.StaleConsents(purposes: stale.map { Payloads.StalePurpose(purpose: $0.purpose, subjects: $0.subjects) }))
    }

    // MARK: Receipts

    @Sendable func verifyReceipt(_ request: Request, context: APIRequestContext) async throws -> Response {
        let body = try await JSONBody.decode(Payloads.ReceiptBody.self, from: request, limit: 64 * 1024)
        let check = try await vault.verifyReceipt(body.receipt)
        return try JSONBody.response(Payloads.ReceiptVerification(valid: check.valid, reason: check.rejection?.rawValue,
                                                                  receipt: check.receipt,
                                                                  current: check.current.map(Payloads.PurposeConsentAnswer.init)))
    }

    @Sendable func receiptKeys(_ request: Request, context: APIRequestContext) async throws -> Response {
        try JSONBody.response(Payloads.KeySet(keys: [vault.receiptSigner.publicJWK]))
    }

    // MARK: Cookies

    @Sendable func cookieConfiguration(_ request: Request, context: APIRequestContext) async throws -> Response {
        let policy = vault.policy
        let language = try Payloads.language(request.uri.queryParameters.get("lang"))
            .flatMap { policy.info.languages.contains($0) ? $0 : nil } ?? policy.info.languages[0]
        let host = request.head.authority ?? "\(configuration.host):\(configuration.port)"
        return try JSONBody.response(Payloads.CookieConfiguration(
            policyVersion: policy.info.version, language: language.rawValue, languages: policy.info.languages.map(\.rawValue),
            statementURL: policy.info.url ?? "http://\(host)/privacy?lang=\(language.rawValue)", controller: policy.controller.name,
            categories: policy.cookies.map { category in
                Payloads.CookieCategoryAnswer(id: category.id, name: category.name.text(in: language),
                                              description: category.description?.text(in: language), required: !category.consent,
                                              consentMode: category.consentMode.map(\.rawValue))
            }))
    }

    /// Anonymous, or for a subject when an API key says whose choice it is.
    @Sendable func recordCookieChoice(_ request: Request, context: APIRequestContext) async throws -> Response {
        let body = try await JSONBody.decode(Payloads.CookieChoiceBody.self, from: request, limit: 16 * 1024)
        let visitor = try body.visitorID.map { text in
            guard let id = VisitorID(rawValue: text) else { throw VaultError(.inputInvalid, "'visitor_id' is not a visitor id (vis_…)") }
            return id
        }
        var actor = "visitor"
        var subject: SubjectID?
        if let text = body.subjectID {
            // Only an application may say whose choice it is; a browser could name anyone.
            actor = try context.principal().id
            subject = try Payloads.subjectID(text, field: "subject_id")
        }
        let choice = try await vault.recordCookieChoice(body.choices, visitor: visitor, subject: subject,
                                                        language: try Payloads.language(body.language),
                                                        globalPrivacyControl: request.headers[Self.globalPrivacyControlHeader] == "1",
                                                        actor: actor)
        return try JSONBody.response(Payloads.CookieChoiceAnswer(choice, policy: vault.policy), status: .created)
    }
}
