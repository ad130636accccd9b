import Foundation
import HTTPTypes
import HummingbirdTesting
import KluisCore
import KluisTesting
@testable import KluisWeb
import NIOCore
import Testing

/// Signing in to the console: enrolment through its pages, password and authenticator code,
/// lockout, roles enforced per route, forms safe against forgery, disabled accounts out at once.
@Suite struct ConsoleSignInTests {
    @Test(arguments: StoreKind.enabled) func anOwnerEnrolsSignsInAndOut(store: StoreKind) async throws {
        let console = try await ConsoleFixture(store: store)
        try await console.application().test(.router) { client in
            let browser = WebBrowser(client)
            #expect(try await browser.get("/console").status == .seeOther, "Today without signing in")
            let totp = try await console.enrol(.owner, email: "fleur@example.nl", name: "Fleur", in: browser)
            let today = try await browser.get("/console")
            #expect(today.status == .ok)
            #expect(String(buffer: today.body).contains("Fleur (eigenaar)"))
            let page = String(buffer: today.body)
            #expect(page.contains("Fleur (eigenaar)"))
            #expect(page.contains(#"href="/console/keys""#) && page.contains(#"href="/console/staff""#))
            #expect(today.headers[.contentSecurityPolicy]?.contains("default-src 'none'") == true)
            #expect(today.headers[.cacheControl] == "no-store")

            #expect(try await browser.post("/console/sign-out", [:]).status == .seeOther)
            #expect(try await browser.get("/console").status == .seeOther)
            // Signing in again: a wrong code is refused with the same words as a wrong password.
            console.clock.advance(by: 30)
            try await browser.get("/console/sign-in")
            let wrong = try await browser.post("/console/sign-in", ["email": "fleur@example.nl", "password": ConsoleFixture.password,
                                                                    "code": "000000"])
            #expect(wrong.status == .unprocessableContent)
            #expect(String(buffer: wrong.body).contains("Het e-mailadres, het wachtwoord of de code klopt niet."))
            let right = try await console.signIn("fleur@example.nl", totp: totp, in: browser)
            #expect(right.status == .seeOther && right.headers[.location] == "/console")
            #expect(try await browser.get("/console").status == .ok)
        }
        let events = try await console.vault.auditEvents(limit: 1000).map(\.entry)
        #expect(events.filter { $0.action == .signIn && $0.outcome == .allowed && $0.actor.hasPrefix("staff_") }.count == 1)
        #expect(events.contains { $0.action == .signIn && $0.outcome == .denied && $0.actor.hasPrefix("staff_") })
    }

    @Test func repeatedFailuresLockTheAccount() async throws {
        let console = try await ConsoleFixture()
        try await console.application().test(.router) { client in
            let browser = WebBrowser(client)
            let totp = try await console.enrol(.desk, email: "anne@example.nl", name: "Anne", in: browser)
            try await browser.post("/console/sign-out", [:])
            try await browser.get("/console/sign-in")
            for attempt in 0..<5 {
                let wrong = try await browser.post("/console/sign-in", ["email": "anne@example.nl", "password": "wrong \(attempt)", "code": "123456"])
                #expect(wrong.status == .unprocessableContent)
            }
            let locked = try await console.signIn("anne@example.nl", totp: totp, in: browser)
            #expect(locked.status == .tooManyRequests && locked.headers[.retryAfter] != nil, "the right password got through")
            #expect(String(buffer: locked.body).contains("geblokkeerd"))
        }
    }

    @Test func rolesAreEnforcedPerRoute() async throws {
        let console = try await ConsoleFixture()
        try await console.application().test(.router) { client in
            let auditor = WebBrowser(client)
            try await console.enrol(.auditor, email: "audit@example.nl", name: "Aud", in: auditor)
            let today = String(buffer: try await auditor.get("/console").body)
            #expect(!today.contains(#"href="/console/keys""#) && !today.contains(#"href="/console/staff""#))
            for path in ["/console/keys", "/console/staff"] {
                #expect(try await auditor.get(path).status == .forbidden, "\(path) for an auditor")
            }
            let forged = try await auditor.post("/console/keys", ["name": "sneaky", "admin": "on"])
            #expect(forged.status == .forbidden)

            let desk = WebBrowser(client)
            try await console.enrol(.desk, email: "desk@example.nl", name: "Desk", in: desk)
            #expect(try await desk.get("/console/staff").status == .forbidden)
            #expect(try await desk.post("/console/staff", ["name": "X", "email": "x@example.nl", "role": "owner"]).status == .forbidden)
        }
        #expect(try await console.vault.apiKeys(by: VaultFixture.admin).allSatisfy { $0.name != "sneaky" })
        #expect(try await console.staff.members().count == 2)
    }

    @Test func formsWithoutTheTokenOrFromAnotherSiteChangeNothing() async throws {
        let console = try await ConsoleFixture()
        try await console.application().test(.router) { client in
            let owner = WebBrowser(client)
            try await console.enrol(.owner, email: "fleur@example.nl", name: "Fleur", in: owner)
            try await owner.get("/console/keys")
            let noToken = try await owner.post("/console/keys", ["name": "forged"], withToken: false)
            #expect(noToken.status == .forbidden)
            let wrongToken = try await owner.post("/console/keys", ["name": "forged", "csrf": "not-the-token"])
            #expect(wrongToken.status == .forbidden)
            try await owner.get("/console/keys")
            let crossSite = try await owner.post("/console/keys", ["name": "forged"], headers: [HTTPField.Name("Sec-Fetch-Site")!: "cross-site"])
            #expect(crossSite.status == .forbidden)
        }
        #expect(try await console.vault.apiKeys(by: VaultFixture.admin).allSatisfy { $0.name != "forged" })
    }

    @Test func aDisabledMemberIsSignedOutAtTheirNextRequest() async throws {
        let console = try await ConsoleFixture()
        try await console.application().test(.router) { client in
            let desk = WebBrowser(client)
            try await console.enrol(.desk, email: "desk@example.nl", name: "Desk", in: desk)
            #expect(try await desk.get("/console").status == .ok)
            let id = try #require(try await console.staff.members().first?.id)
            try await console.staff.disable(id, by: "cli")
            let after = try await desk.get("/console")
            #expect(after.status == .seeOther && after.headers[.location] == "/console/sign-in?ended=1")
        }
    }

    @Test func theTextsOfBothLanguagesHaveTheSameKeys() {
        #expect(Set(ConsoleTexts.english.keys) == Set(ConsoleTexts.dutch.keys))
    }
}
