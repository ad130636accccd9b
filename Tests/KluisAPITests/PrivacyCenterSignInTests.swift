import Foundation
import HTTPTypes
import HummingbirdTesting
import KluisCore
import KluisTesting
import KluisWeb
import NIOCore
import Testing

/// Signing in to the privacy center over HTTP: by a code sent by e-mail, by a hand-off link;
/// and what must not work: wrong, expired or used codes and links, forged forms, old sessions.
@Suite struct PrivacyCenterSignInTests {
    static let email = "jan.jansen@voorbeeld.example"

    @Test(arguments: StoreKind.enabled) func signInWithACodeFromTheOutbox(store: StoreKind) async throws {
        let center = try await CenterFixture(store: store)
        defer { center.api.fixture.directory.remove() }
        let jan = try await center.api.fixture.makeSubject(email: Self.email)
        try await center.application().test(.router) { client in
            let browser = WebBrowser(client)
            let start = try await browser.get("/privacy-center")
            #expect(start.status == .seeOther && start.headers[.location] == "/privacy-center/sign-in")
            let form = try await browser.get("/privacy-center/sign-in")
            #expect(form.status == .ok)
            // The session cookie: host-only, HTTPS only, not for scripts, not sent from other sites.
            let cookie = try #require(form.headers[values: .setCookie].first)
            #expect(cookie.hasPrefix("__Host-kluis-center="))
            for attribute in ["Secure", "HttpOnly", "SameSite=Strict", "Path=/"] { #expect(cookie.contains(attribute), "\(attribute) missing") }
            // A policy that allows no script, and no caching of the pages.
            let policy = try #require(form.headers[.contentSecurityPolicy])
            #expect(policy.contains("default-src 'none'") && policy.contains("form-action 'self'") && policy.contains("frame-ancestors 'none'"))
            #expect(!policy.contains("script-src") && !policy.contains("unsafe-inline"))
            #expect(form.headers[.cacheControl] == "no-store")
            #expect(browser.lastPage.contains(#"<html lang="nl">"#) && browser.lastPage.contains(#"<label for="email">"#))
            #expect(!browser.lastPage.contains("<script"))
            let preSignIn = browser.cookies["__Host-kluis-center"]

            let sent = try await browser.post("/privacy-center/sign-in", ["email": "  Jan.Jansen@Voorbeeld.example "])
            #expect(sent.status == .seeOther && sent.headers[.location] == "/privacy-center/code")
            let message = try #require(try center.messages().last)
            #expect(message.contains("To: Jan.Jansen@Voorbeeld.example") && message.contains("10 minuten geldig"))
            let code = try #require(try center.lastCode())
            try await browser.get("/privacy-center/code")
            #expect(browser.lastPage.contains(#"inputmode="numeric""#))
            let signedIn = try await browser.post("/privacy-center/code", ["code": code])
            #expect(signedIn.status == .seeOther && signedIn.headers[.location] == "/privacy-center")
            // A new session, under a new cookie; the one from before signing in is gone.
            let session = try #require(browser.cookies["__Host-kluis-center"])
            #expect(session != preSignIn)
            let mine = try await browser.get("/privacy-center")
            #expect(mine.status == .ok)
            #expect(browser.lastPage.contains("Mijn gegevens") && browser.lastPage.contains(Self.email) && browser.lastPage.contains("06 1234 5678"))
            #expect(browser.lastPage.contains("Contactgegevens") && browser.lastPage.contains("Dienstverlening"))
        }
        // Signed in and seen, each with the person as actor.
        let events = try await center.vault.auditEvents(subject: jan, limit: 100).map(\.entry)
        #expect(events.contains { $0.action == .signIn && $0.actor == "privacy-center" && $0.reason == "code sent" })
        #expect(events.contains { $0.action == .signIn && $0.actor == jan.rawValue && $0.reason == "e-mail code" })
        #expect(events.contains { $0.action == .export && $0.actor == jan.rawValue && $0.reason == "privacy center" })
        // Neither the address nor the code reached a log line.
        #expect(!center.api.logs.text.lowercased().contains("jan.jansen"))
        #expect(!center.api.logs.text.contains(try center.lastCode() ?? "-"))
    }

    /// An unknown address gets the same answer, a message of its own, and no code that works.
    @Test func unknownAddressesGetTheSameAnswer() async throws {
        let center = try await CenterFixture()
        defer { center.api.fixture.directory.remove() }
        _ = try await center.api.fixture.makeSubject(email: Self.email)
        try await center.application().test(.router) { client in
            var answers: [(HTTPResponse.Status, String?, String)] = []
            for email in [Self.email, "nobody@voorbeeld.example"] {
                let browser = WebBrowser(client)
                try await browser.get("/privacy-center/sign-in")
                let sent = try await browser.post("/privacy-center/sign-in", ["email": email])
                try await browser.get("/privacy-center/code")
                answers.append((sent.status, sent.headers[.location], browser.lastPage.replacingOccurrences(of: #"value="[^"]+""#, with: "", options: .regularExpression)))
                let wrong = try await browser.post("/privacy-center/code", ["code": "000000"])
                #expect(wrong.status == .unprocessableContent)
                #expect(browser.lastPage.contains(#"aria-invalid="true""#) && browser.lastPage.contains(#"role="alert""#))
            }
            #expect(answers[0].0 == answers[1].0 && answers[0].1 == answers[1].1 && answers[0].2 == answers[1].2)
            let messages = try center.messages()
            #expect(messages.count == 2)
            #expect(messages[1].contains("To: nobody@voorbeeld.example") && messages[1].contains("geen gegevens"))
            #expect(messages[1].range(of: #"(?m)^\s+\d{6}\s*$"#, options: .regularExpression) == nil)
        }
        // Audited like a known one, naming no one and holding no address.
        let events = try await center.vault.auditEvents(limit: 1000).map(\.entry).filter { $0.action == .signIn }
        let unknown = try #require(events.first { $0.outcome == .notFound })
        #expect(unknown.subject == nil && unknown.actor == "privacy-center" && !(unknown.reason ?? "").contains("nobody"))
        #expect(events.contains { $0.outcome == .denied && $0.subject == nil && $0.reason == "wrong code" })
    }

    @Test func wrongCodesUseACodeUpAndCodesExpire() async throws {
        let center = try await CenterFixture()
        defer { center.api.fixture.directory.remove() }
        _ = try await center.api.fixture.makeSubject(email: Self.email)
        try await center.application().test(.router) { client in
            let browser = WebBrowser(client)
            try await browser.get("/privacy-center/sign-in")
            try await browser.post("/privacy-center/sign-in", ["email": Self.email])
            let code = try #require(try center.lastCode())
            let wrong = code == "111111" ? "222222" : "111111"
            for _ in 0..<5 {
                try await browser.get("/privacy-center/code")
                #expect(try await browser.post("/privacy-center/code", ["code": wrong]).status == .unprocessableContent)
            }
            // After five wrong tries the right code does not work either.
            #expect(try await browser.post("/privacy-center/code", ["code": code]).status == .unprocessableContent)
            #expect(browser.cookies["__Host-kluis-center"] != nil)
            #expect(try await browser.get("/privacy-center").status == .seeOther)

            // A new code, typed after ten minutes: expired.
            try await browser.get("/privacy-center/sign-in")
            try await browser.post("/privacy-center/sign-in", ["email": Self.email])
            let late = try #require(try center.lastCode())
            center.clock.advance(by: 10 * 60 + 1)
            try await browser.get("/privacy-center/code")
            #expect(try await browser.post("/privacy-center/code", ["code": late]).status == .unprocessableContent)
            #expect(try await browser.get("/privacy-center").status == .seeOther)
        }
    }

    /// Five codes an hour per address, known or not; the sixth is refused and nothing is sent.
    @Test func codesAreLimitedPerAddress() async throws {
        let center = try await CenterFixture()
        defer { center.api.fixture.directory.remove() }
        _ = try await center.api.fixture.makeSubject(email: Self.email)
        try await center.application().test(.router) { client in
            for email in [Self.email, "nobody@voorbeeld.example"] {
                let browser = WebBrowser(client)
                try await browser.get("/privacy-center/sign-in")
                for _ in 0..<5 {
                    #expect(try await browser.post("/privacy-center/sign-in", ["email": email]).status == .seeOther)
                    try await browser.get("/privacy-center/sign-in")
                }
                let sentBefore = try center.messages().count
                let refused = try await browser.post("/privacy-center/sign-in", ["email": email])
                #expect(refused.status == .tooManyRequests)
                #expect(try center.messages().count == sentBefore)
            }
        }
    }

    /// Twenty wrong codes from one client in an hour, across new codes; the next is refused, and
    /// so is the right code after it: asking for new codes does not buy more guesses.
    @Test func wrongCodesAreLimitedPerClient() async throws {
        let center = try await CenterFixture()
        defer { center.api.fixture.directory.remove() }
        _ = try await center.api.fixture.makeSubject(email: Self.email)
        try await center.application().test(.router) { client in
            let browser = WebBrowser(client)
            for _ in 0..<4 {
                try await browser.get("/privacy-center/sign-in")
                #expect(try await browser.post("/privacy-center/sign-in", ["email": Self.email]).status == .seeOther)
                for _ in 0..<5 {
                    try await browser.get("/privacy-center/code")
                    #expect(try await browser.post("/privacy-center/code", ["code": "000000"]).status == .unprocessableContent)
                }
            }
            try await browser.get("/privacy-center/sign-in")
            try await browser.post("/privacy-center/sign-in", ["email": Self.email])
            try await browser.get("/privacy-center/code")
            #expect(try await browser.post("/privacy-center/code", ["code": "000000"]).status == .tooManyRequests)
            try await browser.get("/privacy-center/code")
            let held = try await browser.post("/privacy-center/code", ["code": try center.lastCode() ?? ""])
            #expect(held.status == .tooManyRequests && held.headers[.retryAfter] != nil)
            #expect(try await browser.get("/privacy-center").status == .seeOther)
        }
    }

    /// Without an outbox there is no sign-in by e-mail, and the page says so.
    @Test func withoutAnOutboxSigningInByMailIsNotOffered() async throws {
        var center = try await CenterFixture()
        defer { center.api.fixture.directory.remove() }
        center.center.outbox = nil
        try await center.application().test(.router) { client in
            let browser = WebBrowser(client)
            try await browser.get("/privacy-center/sign-in")
            let refused = try await browser.post("/privacy-center/sign-in", ["email": Self.email])
            #expect(refused.status == .serviceUnavailable && browser.lastPage.contains("niet beschikbaar"))
        }
    }

    /// A form without the session's token, with another's, or sent from another site changes
    /// nothing.
    @Test func forgedFormsAreRefused() async throws {
        let center = try await CenterFixture()
        defer { center.api.fixture.directory.remove() }
        _ = try await center.api.fixture.makeSubject(email: Self.email)
        try await center.application().test(.router) { client in
            let browser = WebBrowser(client)
            try await browser.get("/privacy-center/sign-in")
            let token = try #require(browser.csrf)
            let other = WebBrowser(client)
            try await other.get("/privacy-center/sign-in")
            for (form, headers) in [(["email": Self.email], HTTPFields()),
                                    (["email": Self.email, "csrf": "forged"], HTTPFields()),
                                    (["email": Self.email, "csrf": try #require(other.csrf)], HTTPFields()),
                                    (["email": Self.email, "csrf": token], [HTTPField.Name("Sec-Fetch-Site")!: "cross-site"])] {
                let refused = try await browser.post("/privacy-center/sign-in", form, withToken: false, headers: headers)
                #expect(refused.status == .forbidden)
            }
            #expect(try center.messages().isEmpty, "a forged form sent a message")
            // A form without a session at all.
            let stranger = WebBrowser(client)
            #expect(try await stranger.post("/privacy-center/sign-in", ["email": Self.email, "csrf": token], withToken: false).status == .forbidden)
            #expect(try center.messages().isEmpty)
            // The sign-out form of a signed-in session needs its token too.
            try await browser.signIn(Self.email, fixture: center)
            #expect(try await browser.post("/privacy-center/sign-out", ["csrf": "forged"], withToken: false).status == .forbidden)
            #expect(try await browser.get("/privacy-center").status == .ok)
        }
    }

    @Test func sessionsEndWhenIdleAfterTheirLifetimeAndOnSignOut() async throws {
        let center = try await CenterFixture()
        defer { center.api.fixture.directory.remove() }
        _ = try await center.api.fixture.makeSubject(email: Self.email)
        try await center.application().test(.router) { client in
            // Idle: 15 minutes without a request.
            let idle = WebBrowser(client)
            try await idle.signIn(Self.email, fixture: center)
            #expect(try await idle.get("/privacy-center").status == .ok)
            center.clock.advance(by: 14 * 60)
            #expect(try await idle.get("/privacy-center").status == .ok)
            center.clock.advance(by: 15 * 60 + 1)
            #expect(try await idle.get("/privacy-center").headers[.location] == "/privacy-center/sign-in")

            // Active, but past four hours since signing in.
            let active = WebBrowser(client)
            try await active.signIn(Self.email, fixture: center)
            for step in 0..<23 {
                center.clock.advance(by: 10 * 60)
                let page = try await active.get("/privacy-center")
                #expect(page.status == .ok, "after \(step + 1) × 10 minutes: \(page.status) \(page.headers[.location] ?? "")")
            }
            center.clock.advance(by: 10 * 60)
            #expect(try await active.get("/privacy-center").headers[.location] == "/privacy-center/sign-in?ended=1")

            // Signed out: the cookie kept by someone else no longer works.
            let leaving = WebBrowser(client)
            try await leaving.signIn(Self.email, fixture: center)
            let cookie = try #require(leaving.cookies["__Host-kluis-center"])
            try await leaving.get("/privacy-center")
            let out = try await leaving.post("/privacy-center/sign-out", [:])
            #expect(out.status == .seeOther && out.headers[.location] == "/privacy-center/sign-in?signed_out=1")
            let replayed = try await client.execute(uri: "/privacy-center", method: .get, headers: [.cookie: "__Host-kluis-center=\(cookie)"])
            #expect(replayed.status == .seeOther)
        }
    }

    /// An erasure ends the person's sessions: their cookie opens nothing.
    @Test func erasureEndsTheSession() async throws {
        let center = try await CenterFixture()
        defer { center.api.fixture.directory.remove() }
        let jan = try await center.api.fixture.makeSubject(email: Self.email)
        try await center.application().test(.router) { client in
            let browser = WebBrowser(client)
            try await browser.signIn(Self.email, fixture: center)
            #expect(try await browser.get("/privacy-center").status == .ok)
            _ = try await center.api.fixture.store.commit([.eraseSubject(jan, keeping: [])], audit: [])
            #expect(try await browser.get("/privacy-center").status == .seeOther)
        }
    }

    @Test(arguments: StoreKind.enabled) func handOffLinksWorkOnceForKeysThatMayVouch(store: StoreKind) async throws {
        let center = try await CenterFixture(store: store)
        defer { center.api.fixture.directory.remove() }
        let jan = try await center.api.fixture.makeSubject(email: Self.email)
        try await center.application().test(.router) { client in
            let body = #"{"subject_id": "\#(jan.rawValue)"}"#
            // A key that may not vouch for sessions may not ask.
            let refused = try await client.send(.post, "/v1/privacy-center/handoffs", token: center.api.bookkeepingToken, json: body)
            #expect(refused.status == .forbidden && refused.problemCode == "auth.forbidden")
            let created = try await client.send(.post, "/v1/privacy-center/handoffs", token: center.api.appToken, json: body)
            #expect(created.status == .created)
            let link = try #require(try created.json()["link"] as? String)
            #expect(link.hasPrefix("/privacy-center/handoff?token="))

            let browser = WebBrowser(client)
            let followed = try await browser.get(link)
            // The session starts here; the page goes on by itself, as a same-site navigation.
            #expect(followed.status == .ok)
            #expect(browser.lastPage.contains(#"<meta http-equiv="refresh" content="0;url=/privacy-center">"#))
            #expect(followed.headers[HTTPField.Name("Referrer-Policy")!] == "no-referrer")
            #expect(try await browser.get("/privacy-center").status == .ok)
            #expect(browser.lastPage.contains(Self.email))

            // Used once: the second time it signs no one in.
            let thief = WebBrowser(client)
            #expect(try await thief.get(link).status == .badRequest)
            #expect(try await thief.get("/privacy-center").status == .seeOther)
            // Nor does a token changed by a byte, nor a consent receipt signed with the same key.
            let token = String(link.dropFirst("/privacy-center/handoff?token=".count))
            let fresh = try await client.send(.post, "/v1/privacy-center/handoffs", token: center.api.appToken, json: body)
            let freshToken = String(try #require(try fresh.json()["link"] as? String).dropFirst("/privacy-center/handoff?token=".count))
            var bytes = Array(freshToken)
            bytes[bytes.count / 2] = bytes[bytes.count / 2] == "A" ? "B" : "A"
            #expect(try await WebBrowser(client).get("/privacy-center/handoff?token=" + String(bytes)).status == .badRequest)
            let receipt = center.vault.receiptSigner.sign(Data(#"{"sub":"\#(jan.rawValue)","jti":"x","exp":9999999999}"#.utf8))
            #expect(try await WebBrowser(client).get("/privacy-center/handoff?token=" + receipt).status == .badRequest)
            #expect(token != freshToken)
            // Expired after two minutes.
            center.clock.advance(by: 121)
            #expect(try await WebBrowser(client).get("/privacy-center/handoff?token=" + freshToken).status == .badRequest)
        }
        let events = try await center.vault.auditEvents(subject: jan, limit: 100).map(\.entry)
        #expect(events.contains { $0.action == .signIn && $0.reason == "hand-off link issued" && $0.actor.hasPrefix("key_") })
        #expect(events.contains { $0.action == .signIn && $0.reason == "hand-off" && $0.actor == jan.rawValue })
    }

    @Test func theCenterSpeaksTheLanguageAskedForAndThePolicysVoice() async throws {
        var policy = PolicyFixture()
        policy.voice = "informal"
        let center = try await CenterFixture(policy: policy)
        defer { center.api.fixture.directory.remove() }
        try await center.application().test(.router) { client in
            let browser = WebBrowser(client)
            try await browser.get("/privacy-center/sign-in")
            #expect(browser.lastPage.contains("Vul je e-mailadres in"))
            try await browser.get("/privacy-center/sign-in?lang=en")
            #expect(browser.lastPage.contains(#"<html lang="en">"#) && browser.lastPage.contains("type your e-mail address"))
            // Remembered for the session.
            try await browser.get("/privacy-center/sign-in")
            #expect(browser.lastPage.contains(#"<html lang="en">"#))
            #expect(try await browser.get("/privacy-center/assets/center.css").headers[.contentType] == "text/css; charset=utf-8")
        }
    }

    /// The organisation's branding, as on the statement page: its logo (allowed by the policy
    /// of the page, and nothing else from its site), its accent, its link back.
    @Test func theCenterWearsTheOrganisationsBranding() async throws {
        var policy = PolicyFixture()
        policy.extra = """
        branding:
          logo: https://www.voorbeeld.example/logo.svg
          accent: "#1f5e4b"
          link_back:
            url: https://www.voorbeeld.example
            text: {nl: Terug naar voorbeeld.example, en: Back to voorbeeld.example}
        """
        let center = try await CenterFixture(policy: policy)
        defer { center.api.fixture.directory.remove() }
        try await center.application().test(.router) { client in
            let browser = WebBrowser(client)
            let page = try await browser.get("/privacy-center/sign-in")
            #expect(browser.lastPage.contains(#"<img src="https://www.voorbeeld.example/logo.svg" alt="Voorbeeld B.V.">"#))
            #expect(browser.lastPage.contains(#"<a href="https://www.voorbeeld.example">Terug naar voorbeeld.example</a>"#))
            #expect(page.headers[.contentSecurityPolicy]?.contains("img-src 'self' https://www.voorbeeld.example;") == true)
            let style = try await browser.get("/privacy-center/assets/center.css")
            #expect(String(buffer: style.body).contains("--accent: #1f5e4b;"))
            #expect(style.headers[.eTag] != nil)
        }
    }
}
