import Foundation
import HTTPTypes
import HummingbirdAuth
import Hummingbird
import KluisCore

/// Signing in with a password and an authenticator code, enrolling with an enrolment code, and
/// signing out.
extension Console {
    /// The sign-in form. A browser gets a session first, for the form's anti-forgery token.
    func signInForm(_ request: Request, _ context: ConsoleRequestContext) async throws -> Response {
        if context.sessions.session?.staff != nil { return .redirect(to: base) }
        let t = pages.texts(ensureSession(request, context))
        var page = ConsolePage(template: "console-sign-in", title: t["sign_in_title"] ?? "")
        if request.uri.queryParameters.get("signed_out") != nil { page.values["notice"] = t["signed_out"] }
        if request.uri.queryParameters.get("ended") != nil { page.values["notice"] = t["session_ended"] }
        return show(page, request, context)
    }

    /// Checks the address, the password and the code; right, a new session for the member.
    func signIn(_ request: Request, _ context: ConsoleRequestContext) async throws -> Response {
        let language = language(request, context)
        let t = pages.texts(language)
        let email = context.form["email"] ?? ""
        do {
            let member = try await staff.signIn(email: email, password: context.form["password"] ?? "",
                                                code: context.form["code"] ?? "", from: context.clientAddress)
            try await startSession(staff: member.id, language: language, request, context)
            return .redirect(to: base)
        } catch let error as VaultError where error.code == .signInFailed {
            return show(ConsolePage(template: "console-sign-in", title: t["sign_in_title"] ?? "",
                                    values: ["email": email, "error": t["sign_in_failed"] ?? ""], status: .unprocessableContent),
                        request, context)
        } catch let error as VaultError where error.code == .rateLimited {
            return pages.message("too_many_title", "locked", link: (base + "/sign-in", "back"), status: .tooManyRequests,
                                 language: language, session: context.sessions.session, member: nil)
                .with(retryAfter: error.retryAfter)
        }
    }

    /// The enrolment form: address, enrolment code, new password twice.
    func enrolForm(_ request: Request, _ context: ConsoleRequestContext) async throws -> Response {
        let t = pages.texts(ensureSession(request, context))
        return show(ConsolePage(template: "console-enrol", title: t["enrol_title"] ?? "",
                                values: ["minimum": String(StaffService.minimumPasswordLength)]), request, context)
    }

    /// Sets the password and shows the new authenticator secret and recovery codes, once, with
    /// the form that confirms a first code.
    func enrol(_ request: Request, _ context: ConsoleRequestContext) async throws -> Response {
        let language = language(request, context)
        let t = pages.texts(language)
        let email = context.form["email"] ?? ""
        func again(_ errorKey: String) -> Response {
            show(ConsolePage(template: "console-enrol", title: t["enrol_title"] ?? "",
                             values: ["email": email, "error": t[errorKey] ?? "", "minimum": String(StaffService.minimumPasswordLength)],
                             status: .unprocessableContent), request, context)
        }
        let password = context.form["password"] ?? ""
        guard password == context.form["password_again"] else { return again("passwords_differ") }
        guard password.count >= StaffService.minimumPasswordLength else { return again("password_short") }
        do {
            let enrolment = try await staff.beginEnrolment(email: email, enrolmentCode: context.form["enrolment_code"] ?? "",
                                                           password: password, from: context.clientAddress)
            context.sessions.withLockedSession { $0?.enrolling = enrolment.member.id }
            return show(ConsolePage(template: "console-enrolment", title: t["enrolment_title"] ?? "", values: [
                "uri": enrolment.uri, "secret": Self.grouped(enrolment.secret), "recovery": enrolment.recoveryCodes,
            ]), request, context)
        } catch let error as VaultError where error.code == .signInFailed || error.code == .inputInvalid {
            return again("enrol_failed")
        } catch let error as VaultError where error.code == .rateLimited {
            return problem(error, request, context, back: base + "/enrol")
        }
    }

    /// Confirms the first authenticator code: the account is active, and signed in.
    func confirmEnrolment(_ request: Request, _ context: ConsoleRequestContext) async throws -> Response {
        let language = language(request, context)
        guard let id = context.sessions.session?.enrolling else { return .redirect(to: base + "/enrol") }
        do {
            let member = try await staff.confirmEnrolment(id, code: context.form["code"] ?? "")
            try await startSession(staff: member.id, language: language, request, context)
            return redirect(to: base, notice: "enrolled", context)
        } catch let error as VaultError where error.code == .signInFailed {
            // The secret is not shown again: a new enrolment with the same code makes a new one.
            return pages.message("enrolment_title", "confirm_failed", link: (base + "/enrol", "enrol_again"), status: .unprocessableContent,
                                 language: language, session: context.sessions.session, member: nil)
        }
    }

    func signOut(_ request: Request, _ context: ConsoleRequestContext) async throws -> Response {
        context.sessions.clearSession()
        return .redirect(to: base + "/sign-in?signed_out=1")
    }

    /// The session of a browser that has none yet, for a form's token; returns the language.
    private func ensureSession(_ request: Request, _ context: ConsoleRequestContext) -> Language {
        let language = language(request, context)
        if context.sessions.session == nil {
            context.sessions.createSession(ConsoleSession(language: language), expiresIn: Self.signInSessionLifetime)
        }
        return language
    }

    /// A new session for the member, under a new cookie; the one from before signing in is
    /// removed, so that no cookie from then works now.
    private func startSession(staff id: String, language: Language, _ request: Request, _ context: ConsoleRequestContext) async throws {
        if let old = request.cookies[cookie.name]?.value {
            try await vault.sessions.remove(Self.sessionKeyPrefix + String(old))
        }
        var session = ConsoleSession(language: language)
        session.staff = id
        session.signedInAt = vault.now()
        context.sessions.createSession(session, expiresIn: configuration.idleTimeout)
    }

    /// A base32 secret in groups of four, for typing.
    static func grouped(_ secret: String) -> String {
        stride(from: 0, to: secret.count, by: 4).map { offset in
            String(secret.dropFirst(offset).prefix(4))
        }.joined(separator: " ")
    }
}

extension Response {
    /// The answer with `Retry-After`, when there is a wait.
    func with(retryAfter seconds: Int?) -> Response {
        var response = self
        if let seconds { response.headers[.retryAfter] = String(seconds) }
        return response
    }
}
