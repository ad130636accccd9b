import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdAuth
import KluisCore

/// The console's pages: nothing but this server's stylesheet and forms, no script at all.
enum ConsoleHeaders {
    static let contentSecurityPolicy = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
        + "frame-ancestors 'none'; base-uri 'none'"
}

/// Every form of the console is checked before a handler sees it (``FormReader``): a forged or
/// expired form changes nothing.
struct ConsoleFormGuard: RouterMiddleware {
    typealias Context = ConsoleRequestContext
    let pages: ConsolePages
    /// A new version of the policy, pasted, is the largest form: as large as an API body.
    static let largestForm = 1024 * 1024

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard request.method == .post else { return try await next(request, context) }
        var context = context
        var request = request
        let session = context.sessions.session
        guard let form = await FormReader.fields(of: &request, csrf: session?.csrf, limit: Self.largestForm) else {
            return pages.message("form_expired_title", "form_expired", link: (ConsoleConfiguration.path + "/sign-in", "to_sign_in"),
                                 status: .forbidden, language: session?.language ?? pages.defaultLanguage, session: nil, member: nil)
        }
        context.form = form
        return try await next(request, context)
    }
}

/// The pages behind the sign-in: a signed-in session, not older than its lifetime, of an account
/// that is still active, read afresh so that disabling it ends its sessions at once.
struct ConsoleSignedIn: RouterMiddleware {
    typealias Context = ConsoleRequestContext
    let configuration: ConsoleConfiguration
    let staff: StaffService
    let clock: @Sendable () -> Date

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let session = context.sessions.session, let id = session.staff, let signedInAt = session.signedInAt else {
            return .redirect(to: ConsoleConfiguration.path + "/sign-in")
        }
        guard clock().timeIntervalSince(signedInAt) < Double(configuration.sessionLifetime.components.seconds),
              let member = try? await staff.member(id), member.isActive else {
            context.sessions.clearSession()
            return .redirect(to: ConsoleConfiguration.path + "/sign-in?ended=1")
        }
        var context = context
        context.member = member
        context.sessions.withLockedSession { $0?.expiresIn = configuration.idleTimeout }
        return try await next(request, context)
    }
}

/// What a role may reach: routes behind this middleware refuse every other role with a page
/// that says so (403), before their handler runs.
struct ConsoleRoleGate: RouterMiddleware {
    typealias Context = ConsoleRequestContext
    let roles: Set<StaffRole>
    let pages: ConsolePages

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let member = context.member, roles.contains(member.role) else {
            let session = context.sessions.session
            return pages.message("not_allowed_title", "not_allowed", link: (ConsoleConfiguration.path, "to_today"), status: .forbidden,
                                 language: session?.language ?? pages.defaultLanguage, session: session, member: context.member)
        }
        return try await next(request, context)
    }
}
