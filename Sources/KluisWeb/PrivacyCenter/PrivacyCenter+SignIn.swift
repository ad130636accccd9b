import Foundation
import HTTPTypes
import HummingbirdAuth
import Hummingbird
import KluisCore

/// Signing in and out: a code by e-mail, a hand-off link, sign-out.
extension PrivacyCenter {
    /// The e-mail form. A browser gets a session first, for the form's anti-forgery token.
    func signInForm(_ request: Request, _ context: CenterRequestContext) async throws -> Response {
        if context.sessions.session?.subject != nil { return .redirect(to: base) }
        let language = language(request, context)
        if context.sessions.session == nil {
            context.sessions.createSession(CenterSession(language: language), expiresIn: Self.signInSessionLifetime)
        }
        let t = pages.texts(language)
        var page = CenterPage(template: "sign-in", title: t["sign_in_title"] ?? "", values: ["csrf": context.sessions.session?.csrf ?? ""])
        if request.uri.queryParameters.get("signed_out") != nil { page.values["notice"] = t["signed_out"] }
        if request.uri.queryParameters.get("ended") != nil { page.values["notice"] = t["session_ended"] }
        return show(page, request, context)
    }

    /// Sends a code, or a message that nothing is held, and asks for the code: the same answer
    /// for every address.
    func sendCode(_ request: Request, _ context: CenterRequestContext) async throws -> Response {
        let language = language(request, context)
        let t = pages.texts(language)
        guard let outbox = configuration.outbox else {
            return pages.message("no_mail_title", "no_mail", status: .serviceUnavailable, language: language, session: context.sessions.session)
        }
        let email = context.form["email"] ?? ""
        do {
            let ticket = try await vault.signIns.sendCode(to: email, from: context.clientAddress, in: language, outbox: outbox)
            context.sessions.withLockedSession { $0?.ticket = ticket.token }
            return .redirect(to: base + "/code")
        } catch let error as VaultError where error.code == .identifierInvalid {
            return show(CenterPage(template: "sign-in", title: t["sign_in_title"] ?? "",
                                   values: ["csrf": context.sessions.session?.csrf ?? "", "email": email, "error": t["email_invalid"] ?? ""],
                                   status: .unprocessableContent), request, context)
        } catch let error as VaultError where error.code == .rateLimited {
            return problem(error, request, context)
        }
    }

    /// The code form, while a code is outstanding.
    func codeForm(_ request: Request, _ context: CenterRequestContext) -> Response {
        guard let session = context.sessions.session, session.ticket != nil else { return .redirect(to: base + "/sign-in") }
        let t = pages.texts(language(request, context))
        return show(CenterPage(template: "code", title: t["code_title"] ?? "", values: ["csrf": session.csrf]), request, context)
    }

    /// Checks the code; right, the person is signed in with a new session.
    func checkCode(_ request: Request, _ context: CenterRequestContext) async throws -> Response {
        let language = language(request, context)
        guard let ticket = context.sessions.session?.ticket else { return .redirect(to: base + "/sign-in") }
        do {
            let subject = try await vault.signIns.signIn(ticket: ticket, code: context.form["code"] ?? "", from: context.clientAddress)
            try await startSession(for: subject, signedInBy: .registeredEmail, language: language, request, context)
            return .redirect(to: base)
        } catch let error as VaultError where error.code == .signInFailed {
            let t = pages.texts(language)
            return show(CenterPage(template: "code", title: t["code_title"] ?? "",
                                   values: ["csrf": context.sessions.session?.csrf ?? "", "error": t["code_wrong"] ?? ""],
                                   status: .unprocessableContent), request, context)
        } catch let error as VaultError where error.code == .rateLimited {
            return problem(error, request, context)
        }
    }

    /// Follows a hand-off link. The session starts here, and the browser goes on to the center
    /// by a refresh of this page: a redirect would still count as the other site's navigation,
    /// and a `SameSite=Strict` cookie is not sent on it.
    func handOff(_ request: Request, _ context: CenterRequestContext) async throws -> Response {
        let language = language(request, context)
        do {
            let subject = try await vault.signIns.redeemHandoff(request.uri.queryParameters.get("token") ?? "", from: context.clientAddress)
            try await startSession(for: subject, signedInBy: .signedInSession, language: language, request, context)
            let t = pages.texts(language)
            return show(CenterPage(template: "message", title: t["handoff_title"] ?? "",
                                   values: ["link": ["href": base, "label": t["handoff_continue"] ?? ""]], refresh: base), request, context)
        } catch let error as VaultError where error.code == .signInFailed || error.code == .rateLimited {
            return problem(error, request, context)
        }
    }

    /// Ends the session.
    func signOut(_ request: Request, _ context: CenterRequestContext) async throws -> Response {
        context.sessions.clearSession()
        return .redirect(to: base + "/sign-in?signed_out=1")
    }

    /// A new session for `subject`, under a new cookie; the one before (from before signing in)
    /// is removed, so that no cookie from then works now.
    private func startSession(for subject: SubjectID, signedInBy method: IdentityCheck, language: Language,
                              _ request: Request, _ context: CenterRequestContext) async throws {
        if let old = request.cookies[cookie.name]?.value {
            try await vault.sessions.remove(Self.sessionKeyPrefix + String(old))
        }
        var session = CenterSession(language: language)
        session.subject = subject
        session.signedInAt = vault.sessions.now()
        session.signedInBy = method
        context.sessions.createSession(session, expiresIn: configuration.idleTimeout)
        // Letters to the person (a breach notice) go in the language they use here.
        try await vault.setLanguage(language, of: subject, by: .person(subject))
    }
}
