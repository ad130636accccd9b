import Foundation
import HTTPTypes
import HummingbirdTesting
import KluisCore
import KluisTesting
import KluisWeb
import NIOCore
import Testing

/// The owner's pages: API keys made and revoked, staff added, their roles changed, reset and
/// disabled; and Today, with what needs doing.
@Suite struct ConsoleOfficeTests {
    @Test(arguments: StoreKind.enabled) func theOwnerMakesAndRevokesAnAPIKey(store: StoreKind) async throws {
        let console = try await ConsoleFixture(store: store)
        let subject = try await console.api.fixture.makeSubject()
        try await console.application().test(.router) { client in
            let owner = WebBrowser(client)
            try await console.enrol(.owner, email: "fleur@example.nl", name: "Fleur", in: owner)
            try await owner.get("/console/keys")
            let invalid = try await owner.post("/console/keys", ["name": "website", "expires_in_days": "0"])
            #expect(invalid.status == .unprocessableContent && String(buffer: invalid.body).contains("1 tot 3650"))
            let created = try await owner.post("/console/keys", ["name": "website", "purpose.service": "on", "expires_in_days": "30"])
            #expect(created.status == .created)
            let page = String(buffer: created.body)
            let token = try #require(page.firstMatch(of: /kluis_key_[a-z2-7]+_[0-9a-f]{64}/).map { String($0.output) })
            let read = "/v1/subjects/\(subject)?purpose=service"
            #expect(try await client.send(.get, read, token: token).status == .ok)
            // Listed with its last use; never with its token again.
            let listed = String(buffer: try await owner.get("/console/keys").body)
            #expect(listed.contains("website") && !listed.contains(token))
            let id = "key_" + token.split(separator: "_")[2]
            let revoked = try await owner.post("/console/keys/\(id)/revoke", [:])
            #expect(revoked.status == .seeOther)
            #expect(String(buffer: try await owner.get("/console/keys").body).contains("De sleutel website is ingetrokken."))
            #expect(try await client.send(.get, read, token: token).status == .unauthorized, "a revoked key was let in")
        }
        let events = try await console.vault.auditEvents(limit: 1000).map(\.entry)
        #expect(events.contains { $0.action == .apiKeyCreated && $0.actor.hasPrefix("staff_") })
        #expect(events.contains { $0.action == .apiKeyRevoked && $0.actor.hasPrefix("staff_") })
    }

    @Test func theOwnerAddsAMemberWhoEnrolsWithTheCodeShown() async throws {
        let console = try await ConsoleFixture()
        try await console.application().test(.router) { client in
            let owner = WebBrowser(client)
            try await console.enrol(.owner, email: "fleur@example.nl", name: "Fleur", in: owner)
            try await owner.get("/console/staff")
            let added = try await owner.post("/console/staff", ["name": "Anne", "email": "anne@example.nl", "role": "desk"])
            #expect(added.status == .created)
            let code = try #require(String(buffer: added.body).firstMatch(of: /([a-z2-9]{4}-){3}[a-z2-9]{4}/).map { String($0.output.0) })
            let twice = try await owner.post("/console/staff", ["name": "Anne", "email": "anne@example.nl", "role": "desk"])
            #expect(twice.status == .unprocessableContent)

            let anne = WebBrowser(client)
            try await anne.get("/console/enrol")
            let short = try await anne.post("/console/enrol", ["email": "anne@example.nl", "enrolment_code": code, "password": "short", "password_again": "short"])
            #expect(short.status == .unprocessableContent && String(buffer: short.body).contains("te kort"))
            let enrolment = try await anne.post("/console/enrol", ["email": "anne@example.nl", "enrolment_code": code,
                                                                  "password": ConsoleFixture.password, "password_again": ConsoleFixture.password])
            let html = String(buffer: enrolment.body)
            #expect(html.contains("otpauth://totp/") && html.components(separatedBy: "<li><code>").count - 1 == StaffService.recoveryCodeCount)
            let uri = try #require(html.firstMatch(of: /otpauth:\/\/totp\/[^<"]+/).map { String($0.output).replacingOccurrences(of: "&amp;", with: "&") })
            let wrong = try await anne.post("/console/enrol/confirm", ["code": "000000"])
            #expect(wrong.status == .unprocessableContent)
            // The same enrolment code again makes a new secret, which then confirms.
            try await anne.get("/console/enrol")
            let again = String(buffer: try await anne.post("/console/enrol", ["email": "anne@example.nl", "enrolment_code": code,
                                                                              "password": ConsoleFixture.password, "password_again": ConsoleFixture.password]).body)
            let secondURI = try #require(again.firstMatch(of: /otpauth:\/\/totp\/[^<"]+/).map { String($0.output).replacingOccurrences(of: "&amp;", with: "&") })
            #expect(secondURI != uri)
            let second = ReferenceTOTP(base32: try #require(ReferenceTOTP.secret(of: secondURI)))
            #expect(try await anne.post("/console/enrol/confirm", ["code": second.code(at: console.clock.now())]).status == .seeOther)
            let today = String(buffer: try await anne.get("/console").body)
            #expect(today.contains("Anne (privacybalie)"))

            // The owner makes Anne an auditor, then disables her.
            let id = try #require(try await console.staff.members().first { $0.name == "Anne" }?.id)
            try await owner.get("/console/staff")
            #expect(try await owner.post("/console/staff/\(id)/role", ["role": "auditor"]).status == .seeOther)
            #expect(String(buffer: try await anne.get("/console").body).contains("Anne (auditor)"), "the new role took effect at once")
            try await owner.get("/console/staff")
            #expect(try await owner.post("/console/staff/\(id)/disable", [:]).status == .seeOther)
            #expect(try await anne.get("/console").status == .seeOther)
            // Not their own account.
            let me = try #require(try await console.staff.members().first { $0.name == "Fleur" }?.id)
            try await owner.get("/console/staff")
            #expect(try await owner.post("/console/staff/\(me)/disable", [:]).status == .badRequest)
            #expect(try await console.staff.member(me).isActive)
        }
    }

    @Test func todayShowsWhatNeedsDoingWithoutAPersonalValue() async throws {
        let console = try await ConsoleFixture()
        let subject = try await console.api.fixture.makeSubject(email: "marker.today@voorbeeld.example", phone: "06 5555 0001")
        // An access request received 26 days ago: due soon.
        console.clock.advance(by: -26 * 86_400)
        _ = try await console.vault.requests.submit(RequestSubmission(type: .access, subject: subject), by: VaultFixture.admin)
        console.clock.advance(by: 26 * 86_400)
        // A break-glass read by a key with a reason.
        let breakGlass = Principal(id: "key_helpdesk", purposes: [], mayBreakGlass: true)
        _ = try await console.vault.read(subject, for: "service", by: breakGlass, breakGlassReason: "customer called about a delivery")
        try await console.application().test(.router) { client in
            let auditor = WebBrowser(client)
            try await console.enrol(.auditor, email: "audit@example.nl", name: "Aud", in: auditor)
            let page = String(buffer: try await auditor.get("/console?lang=en").body)
            #expect(page.contains("Requests due soon or overdue") && page.contains("access"))
            #expect(page.contains("customer called about a delivery"))
            #expect(page.contains("Events in the chain"))
            #expect(!page.contains("marker.today") && !page.contains("5555"), "a personal value on Today")
            // An auditor sees the request, without a link into the desk's pages.
            #expect(!page.contains("/console/requests/"))
        }
    }
}

extension ConsoleOfficeTests {
    @Test func theOwnerRunsASweepAndSeesWhatItRemoved() async throws {
        let console = try await ConsoleFixture()
        let subject = try await console.api.fixture.makeSubject()
        // The contract ended three years ago: the service's two years are over.
        try await console.vault.recordEvent("contract_end", at: console.clock.now() - 3 * 365 * 86_400, for: subject, by: VaultFixture.admin)
        try await console.application().test(.router) { client in
            let owner = WebBrowser(client)
            try await console.enrol(.owner, email: "fleur@example.nl", name: "Fleur", in: owner)
            func finished(_ location: String) async throws -> String {
                for _ in 0..<100 {
                    let page = String(buffer: try await owner.get(location).body)
                    if !page.contains("Nog bezig") { return page }
                    try await Task.sleep(for: .milliseconds(50))
                }
                return ""
            }
            let dry = try await owner.post("/console/sweep", ["dry_run": "on"])
            let counted = try await finished(try #require(dry.headers[.location]))
            #expect(counted.contains("Een opschoning nu zou 1 gegevens"), "\(counted.firstMatch(of: /role="(status|alert)">[^<]*/).map { String($0.output.0) } ?? "")")
            #expect(try await console.vault.store.snapshot(of: subject) != nil, "a dry run removed something")
            try await owner.get("/console")
            let run = try await owner.post("/console/sweep", [:])
            #expect(try await finished(try #require(run.headers[.location])).contains("Klaar: 1 gegevens verwijderd"))
            let today = String(buffer: try await owner.get("/console").body)
            #expect(today.contains("Laatste opschoning") && today.contains("subjects removed 1"))
        }
    }
}
