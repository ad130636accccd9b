import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdAuth
import KluisCore

/// The privacy center: people sign in with a code sent to their e-mail address or a hand-off
/// from the organisation's app; they see, download, correct and delete their data, decide their
/// permissions, see who used their data and why, and follow their requests. Pages are rendered
/// on the server from templates and work without JavaScript. Every action goes through the same
/// vault operations the API uses, with the person as actor (docs/privacy-center.md).
struct PrivacyCenter: Sendable {
    let vault: Vault
    let configuration: PrivacyCenterConfiguration
    let pages: CenterPages

    var base: String { configuration.path }

    /// The session cookie: `__Host-` when secure, so that no subdomain can set or read it.
    var cookie: SessionCookieParameters {
        SessionCookieParameters(name: configuration.secureCookies ? "__Host-kluis-center" : "kluis-center", path: "/",
                                secure: configuration.secureCookies, sameSite: .strict)
    }

    /// The prefix of session keys in the store.
    static let sessionKeyPrefix = "center."
    /// How long a session lasts before anyone signs in: enough to receive and type a code.
    static let signInSessionLifetime: Duration = .seconds(30 * 60)

    /// Registers the privacy center's routes on `router`.
    static func register(on router: RouterGroup<WebRequestContext>, vault: Vault, configuration: PrivacyCenterConfiguration) {
        let center = PrivacyCenter(vault: vault, configuration: configuration,
                                   pages: CenterPages(policy: vault.policy, base: configuration.path))
        let group = router.group(RouterPath(configuration.path), context: CenterRequestContext.self)
            .add(middleware: PageHeaders<CenterRequestContext>(contentSecurityPolicy: center.pages.contentSecurityPolicy))
            .add(middleware: SessionMiddleware<CenterRequestContext>(
                storage: VaultSessionDriver(sessions: vault.sessions, defaultLifetime: configuration.idleTimeout),
                configuration: SessionMiddlewareConfiguration(sessionCookieParameters: center.cookie, keyPrefix: Self.sessionKeyPrefix,
                                                              defaultSessionExpiration: configuration.idleTimeout)))
            .add(middleware: CenterFormGuard(pages: center.pages))
        group.get("assets/center.css") { request, _ in center.pages.stylesheet.response(to: request) }
        group.get("sign-in") { request, context in try await center.signInForm(request, context) }
        group.post("sign-in") { request, context in try await center.sendCode(request, context) }
        group.get("code") { request, context in center.codeForm(request, context) }
        group.post("code") { request, context in try await center.checkCode(request, context) }
        group.get("handoff") { request, context in try await center.handOff(request, context) }
        group.post("sign-out") { request, context in try await center.signOut(request, context) }
        let signedIn = group.group().add(middleware: CenterSignedIn(configuration: configuration, clock: { vault.sessions.now() }))
        signedIn.get { request, context in try await center.myData(request, context) }
        signedIn.get("download") { request, context in try await center.downloads(request, context) }
        signedIn.get("download/access.html") { request, context in try await center.accessPage(request, context) }
        signedIn.get("download/data.json") { request, context in try await center.portableJSON(request, context) }
        signedIn.get("download/data.csv") { request, context in try await center.portableCSV(request, context) }
        signedIn.get("correct") { request, context in try await center.corrections(request, context) }
        signedIn.post("correct") { request, context in try await center.correct(request, context) }
        signedIn.get("delete") { request, context in try await center.deletions(request, context) }
        signedIn.post("delete") { request, context in try await center.delete(request, context) }
        signedIn.get("permissions") { request, context in try await center.permissions(request, context) }
        signedIn.post("permissions") { request, context in try await center.decide(request, context) }
        signedIn.get("permissions/receipt.jws") { request, context in try await center.receipt(request, context) }
        signedIn.get("history") { request, context in try await center.history(request, context) }
        signedIn.get("requests") { request, context in try await center.requests(request, context) }
        signedIn.post("requests") { request, context in try await center.submitRequest(request, context) }
    }

    /// The language of this request: `?lang=` when the policy has it (remembered in the
    /// session), else the session's, else the policy's first.
    func language(_ request: Request, _ context: CenterRequestContext) -> Language {
        let languages = vault.policy.info.languages
        if let asked = request.uri.queryParameters.get("lang").flatMap(Language.init(rawValue:)), languages.contains(asked) {
            if context.sessions.session != nil, context.sessions.session?.language != asked {
                context.sessions.withLockedSession { $0?.language = asked }
            }
            return asked
        }
        return context.sessions.session?.language ?? languages[0]
    }

    /// `page` for this request's session; a notice is shown once.
    func show(_ page: CenterPage, _ request: Request, _ context: CenterRequestContext) -> Response {
        let language = language(request, context)
        let session = context.sessions.session
        if session?.notice != nil {
            context.sessions.withLockedSession { session in
                session?.notice = nil
                session?.noticeDate = nil
            }
        }
        return pages.render(page, language: language, session: session)
    }

    /// A page that says what went wrong, in plain words.
    func problem(_ error: VaultError, _ request: Request, _ context: CenterRequestContext) -> Response {
        let language = language(request, context)
        switch error.code {
        case .rateLimited:
            var response = pages.message("too_many_title", "too_many", status: .tooManyRequests, language: language,
                                         session: context.sessions.session)
            if let seconds = error.retryAfter { response.headers[.retryAfter] = String(seconds) }
            return response
        default:
            return pages.message("link_failed_title", "link_failed", link: (base + "/sign-in", "to_sign_in"), status: .badRequest,
                                 language: language, session: context.sessions.session)
        }
    }

    /// The person signed in; the signed-in middleware has made sure there is one.
    func person(_ context: CenterRequestContext) throws -> SubjectID {
        guard let subject = context.sessions.session?.subject else { throw HTTPError(.unauthorized) }
        return subject
    }
}
