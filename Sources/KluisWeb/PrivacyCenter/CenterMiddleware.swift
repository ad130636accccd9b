import Foundation
import HTTPTypes
import HummingbirdAuth
import Hummingbird
import KluisCore

/// Every form of the privacy center is checked before a handler sees it (``FormReader``); the
/// fields are then in `context.form`. A refused form changes nothing.
struct CenterFormGuard: RouterMiddleware {
    typealias Context = CenterRequestContext
    let pages: CenterPages

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard request.method == .post else { return try await next(request, context) }
        var context = context
        var request = request
        let session = context.sessions.session
        guard let form = await FormReader.fields(of: &request, csrf: session?.csrf) else {
            return pages.message("form_expired_title", "form_expired", link: (pages.base, "to_sign_in"), status: .forbidden,
                                 language: session?.language ?? pages.policy.info.languages[0], session: nil)
        }
        context.form = form
        return try await next(request, context)
    }
}

/// The pages behind the sign-in: a signed-in session, not older than its lifetime, or the way to
/// the sign-in page. Each request moves the idle expiry on.
struct CenterSignedIn: RouterMiddleware {
    typealias Context = CenterRequestContext
    let configuration: PrivacyCenterConfiguration
    let clock: @Sendable () -> Date

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let session = context.sessions.session, session.subject != nil, let signedInAt = session.signedInAt else {
            return .redirect(to: configuration.path + "/sign-in")
        }
        guard clock().timeIntervalSince(signedInAt) < Double(configuration.sessionLifetime.components.seconds) else {
            context.sessions.clearSession()
            return .redirect(to: configuration.path + "/sign-in?ended=1")
        }
        context.sessions.withLockedSession { $0?.expiresIn = configuration.idleTimeout }
        return try await next(request, context)
    }
}
