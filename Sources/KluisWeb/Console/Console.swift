import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdAuth
import KluisCore

/// The console: where the organisation runs its privacy office in a browser. Staff sign in with
/// a password and an authenticator code; the owner manages staff and API keys, the desk answers
/// requests and looks after people's files, the auditor reads the audit log, the registers and
/// the accountability report, never a value. Pages are rendered on the server and work without
/// JavaScript; every action is a vault operation with the member as actor (docs/console.md).
struct Console: Sendable {
    let vault: Vault
    let configuration: ConsoleConfiguration
    let pages: ConsolePages
    /// Long work under way on this node.
    let jobs: ConsoleJobs

    var staff: StaffService { vault.staff(configuration.credentials) }
    var base: String { ConsoleConfiguration.path }

    var cookie: SessionCookieParameters {
        SessionCookieParameters(name: configuration.secureCookies ? "__Host-kluis-console" : "kluis-console", path: "/",
                                secure: configuration.secureCookies, sameSite: .strict)
    }

    static let sessionKeyPrefix = "console."
    /// How long a session lasts before anyone signs in: enough to type a password and a code.
    static let signInSessionLifetime: Duration = .seconds(30 * 60)

    /// Registers the console's routes on `router`.
    static func register(on router: RouterGroup<WebRequestContext>, vault: Vault, configuration: ConsoleConfiguration) {
        let pages = ConsolePages(policy: vault.policy, menu: ConsoleMenu.allCases)
        let console = Console(vault: vault, configuration: configuration, pages: pages, jobs: ConsoleJobs())
        let group = router.group(RouterPath(ConsoleConfiguration.path), context: ConsoleRequestContext.self)
            .add(middleware: PageHeaders<ConsoleRequestContext>(contentSecurityPolicy: ConsoleHeaders.contentSecurityPolicy))
            .add(middleware: SessionMiddleware<ConsoleRequestContext>(
                storage: VaultSessionDriver(sessions: vault.sessions, defaultLifetime: configuration.idleTimeout),
                configuration: SessionMiddlewareConfiguration(sessionCookieParameters: console.cookie, keyPrefix: Self.sessionKeyPrefix,
                                                              defaultSessionExpiration: configuration.idleTimeout)))
            .add(middleware: ConsoleFormGuard(pages: pages))
        group.get("assets/console.css") { request, _ in pages.stylesheet.response(to: request) }
        group.get("sign-in") { request, context in try await console.signInForm(request, context) }
        group.post("sign-in") { request, context in try await console.signIn(request, context) }
        group.get("enrol") { request, context in try await console.enrolForm(request, context) }
        group.post("enrol") { request, context in try await console.enrol(request, context) }
        group.post("enrol/confirm") { request, context in try await console.confirmEnrolment(request, context) }
        group.post("sign-out") { request, context in try await console.signOut(request, context) }

        let signedIn = group.group().add(middleware: ConsoleSignedIn(configuration: configuration, staff: console.staff,
                                                                     clock: { vault.now() }))
        func gated(_ entry: ConsoleMenu) -> RouterGroup<ConsoleRequestContext> {
            signedIn.group().add(middleware: ConsoleRoleGate(roles: entry.roles, pages: pages))
        }
        gated(.today).get { request, context in try await console.today(request, context) }
        gated(.keys).post("sweep") { request, context in try await console.sweep(request, context) }
        let requests = gated(.requests)
        requests.get("requests") { request, context in try await console.requestQueue(request, context) }
        requests.get("requests/{request}") { request, context in try await console.requestPage(request, context) }
        requests.post("requests/{request}") { request, context in try await console.requestStep(request, context) }
        requests.get("requests/{request}/{format}") { request, context in try await console.requestPackage(request, context) }
        let audit = gated(.audit)
        audit.get("audit") { request, context in try await console.auditPage(request, context) }
        audit.get("audit/export.csv") { request, context in try await console.auditExport(request, context) }
        audit.post("audit/verify") { request, context in try await console.verifyChain(request, context) }
        signedIn.get("jobs/{job}") { request, context in try await console.jobPage(request, context) }
        let report = gated(.report)
        report.get("report") { request, context in try await console.reportPage(request, context) }
        report.get("report/print") { request, context in try await console.printableReport(request, context) }
        gated(.policy).get("policy") { request, context in try await console.policyPage(request, context) }
        gated(.keys).post("policy/preview") { request, context in try await console.previewPolicy(request, context) }
        let people = gated(.people)
        people.get("people") { request, context in try await console.findForm(request, context) }
        people.post("people") { request, context in try await console.find(request, context) }
        people.get("people/{subject}") { request, context in try await console.personPage(request, context) }
        people.post("people/{subject}") { request, context in try await console.personStep(request, context) }
        people.get("people/{subject}/record") { request, context in try await console.recordForm(request, context) }
        // The breach register: everyone reads it; the owner and the desk keep it.
        let breaches = gated(.breaches)
        breaches.get("breaches") { request, context in try await console.breachList(request, context) }
        for format in ["json", "csv", "html"] {
            breaches.get("breaches/register.\(format)") { request, context in try await console.breachRegister(format, request, context) }
        }
        breaches.get("breaches/{breach}") { request, context in try await console.breachPage(request, context) }
        breaches.get("breaches/{breach}/authority") { request, context in try await console.authorityText(request, context) }
        breaches.get("breaches/{breach}/authority.html") { request, context in
            try await console.authorityText(request, context, printable: true)
        }
        let breachDesk = signedIn.group().add(middleware: ConsoleRoleGate(roles: [.owner, .desk], pages: pages))
        breachDesk.get("breaches/new") { request, context in try await console.newBreachForm(request, context) }
        breachDesk.post("breaches") { request, context in try await console.openBreach(request, context) }
        breachDesk.post("breaches/{breach}") { request, context in try await console.breachStep(request, context) }
        breachDesk.get("breaches/{breach}/edit") { request, context in try await console.editBreachForm(request, context) }
        breachDesk.post("breaches/{breach}/edit") { request, context in try await console.amendBreach(request, context) }
        breachDesk.get("breaches/{breach}/assessment") { request, context in try await console.assessmentForm(request, context) }
        breachDesk.post("breaches/{breach}/assessment") { request, context in try await console.assess(request, context) }
        breachDesk.get("breaches/{breach}/people") { request, context in try await console.breachPeopleForm(request, context) }
        breachDesk.post("breaches/{breach}/people") { request, context in try await console.breachPeopleStep(request, context) }
        let keys = gated(.keys)
        keys.get("keys") { request, context in try await console.keys(request, context) }
        keys.post("keys") { request, context in try await console.createKey(request, context) }
        keys.post("keys/{key}/revoke") { request, context in try await console.revokeKey(request, context) }
        let staff = gated(.staff)
        staff.get("staff") { request, context in try await console.staffPage(request, context) }
        staff.post("staff") { request, context in try await console.addStaff(request, context) }
        staff.post("staff/{staff}/{change}") { request, context in try await console.changeStaff(request, context) }
    }

    /// The language of this request: `?lang=` when the policy has it (remembered in the
    /// session), else the session's, else the policy's first.
    func language(_ request: Request, _ context: ConsoleRequestContext) -> Language {
        let languages = vault.policy.info.languages
        if let asked = request.uri.queryParameters.get("lang").flatMap(Language.init(rawValue:)), languages.contains(asked) {
            if context.sessions.session != nil, context.sessions.session?.language != asked {
                context.sessions.withLockedSession { $0?.language = asked }
            }
            return asked
        }
        return context.sessions.session?.language ?? languages[0]
    }

    /// `page` for this request's member; a notice is shown once.
    func show(_ page: ConsolePage, _ request: Request, _ context: ConsoleRequestContext) -> Response {
        let language = language(request, context)
        let session = context.sessions.session
        if session?.notice != nil {
            context.sessions.withLockedSession { session in
                session?.notice = nil
                session?.noticeValues = nil
            }
        }
        return pages.render(page, language: language, session: session, member: context.member)
    }

    /// Goes to `path` with a notice for the next page.
    func redirect(to path: String, notice: String, values: [String: String] = [:], _ context: ConsoleRequestContext) -> Response {
        context.sessions.withLockedSession { session in
            session?.notice = notice
            session?.noticeValues = values
        }
        return .redirect(to: path, type: .normal)
    }

    /// A page that says what went wrong: the vault's message, which carries no personal data,
    /// under a title in the member's language.
    func problem(_ error: VaultError, _ request: Request, _ context: ConsoleRequestContext, back: String) -> Response {
        let language = language(request, context)
        var response = pages.message(error.code == .rateLimited ? "too_many_title" : "refused_title", "refused_reason",
                                     values: ["reason": error.message], link: (back, "back"),
                                     status: error.code == .rateLimited ? .tooManyRequests : .badRequest,
                                     language: language, session: context.sessions.session, member: context.member)
        if let seconds = error.retryAfter { response.headers[.retryAfter] = String(seconds) }
        return response
    }

    /// The member signed in; the signed-in middleware has made sure there is one.
    func member(_ context: ConsoleRequestContext) throws -> StaffMember {
        guard let member = context.member else { throw HTTPError(.unauthorized) }
        return member
    }

    /// The member as the vault's principal.
    func principal(_ context: ConsoleRequestContext) throws -> Principal {
        .staff(try member(context), policy: vault.policy)
    }

    /// Kluis's fixed wording in `language` and the policy's voice.
    func phrases(_ language: Language) -> Phrases {
        Phrases(language, informal: vault.policy.info.informal)
    }

    /// The time as the console shows it: day and minute, in the organisation's time zone.
    func time(_ date: Date?, _ language: Language) -> String {
        date.map { WebDates.moment($0, in: language) } ?? "—"
    }
}
