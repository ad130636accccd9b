import Foundation
import HTTPTypes
import HummingbirdTesting
import KluisCore
import KluisTesting
import KluisWeb
import NIOCore
import Testing

/// The desk answers requests from the console: from the queue through every step to the package
/// and the letter; a correction as the person proposed it; refusals that change nothing.
@Suite struct ConsoleRequestsTests {
    @Test(arguments: StoreKind.enabled) func theDeskAnswersAnAccessRequestFromTheQueue(store: StoreKind) async throws {
        let console = try await ConsoleFixture(store: store)
        let subject = try await console.api.fixture.makeSubject(email: "marker.request@voorbeeld.example")
        let submitted = try await console.vault.requests.submit(RequestSubmission(type: .access, subject: subject, channel: .email),
                                                                by: VaultFixture.admin)
        let id = submitted.request.id.rawValue
        try await console.application().test(.router) { client in
            let desk = WebBrowser(client)
            try await console.enrol(.desk, email: "desk@example.nl", name: "Anne", in: desk)
            let queue = String(buffer: try await desk.get("/console/requests").body)
            #expect(queue.contains(#"href="/console/requests/\#(id)""#) && queue.contains("inzage"))
            var page = String(buffer: try await desk.get("/console/requests/\(id)").body)
            #expect(page.contains("Wij hebben uw verzoek om inzage op"), "the acknowledgement letter")
            #expect(!page.contains("access.html"), "a package before the identity check")

            // A reason with personal data is refused, and nothing changes.
            let bad = try await desk.post("/console/requests/\(id)", ["step": "extend", "reason": "mail jan@voorbeeld.example"])
            #expect(bad.status == .unprocessableContent)
            #expect(try await console.vault.requests.status(of: submitted.request.id).request.state == .received)

            // A check the policy does not accept is refused.
            let notAccepted = try await desk.post("/console/requests/\(id)", ["step": "verify", "method": "in_person"])
            #expect(notAccepted.status == .unprocessableContent)
            try await desk.post("/console/requests/\(id)", ["step": "identification"])
            page = desk.lastPage
            #expect(page.contains("Om identificatie gevraagd") && page.contains("Laat ons daarom weten dat u het bent"))
            try await desk.post("/console/requests/\(id)", ["step": "send_code"])
            #expect(desk.lastPage.contains("De code is verstuurd."))
            let code = try #require(try console.lastCode())
            let wrong = try await desk.post("/console/requests/\(id)", ["step": "verify", "method": "registered_email", "code": code == "000000" ? "111111" : "000000"])
            #expect(wrong.status == .unprocessableContent)
            let verified = try await desk.post("/console/requests/\(id)", ["step": "verify", "method": "registered_email", "code": code])
            #expect(verified.status == .ok && String(buffer: verified.body).contains("access.html"), "\(String(buffer: verified.body).firstMatch(of: /role="alert">[^<]*/).map { String($0.output) } ?? "")")
            let package = try await desk.get("/console/requests/\(id)/access.html")
            #expect(package.status == .ok && String(buffer: package.body).contains("marker.request@voorbeeld.example"))
            try await desk.get("/console/requests/\(id)")
            let fulfilled = try await desk.post("/console/requests/\(id)", ["step": "fulfil"])
            #expect(String(buffer: fulfilled.body).contains("Het verzoek is uitgevoerd."))
            #expect(String(buffer: fulfilled.body).contains("In de bijlage staat welke gegevens wij van u hebben"))
        }
        let status = try await console.vault.requests.status(of: submitted.request.id)
        #expect(status.request.state == .fulfilled && status.request.identity?.verifiedBy.hasPrefix("staff_") == true)
        let events = try await console.vault.auditEvents(subject: subject, limit: 100).map(\.entry)
        #expect(events.contains { $0.action == .export && $0.actor.hasPrefix("staff_") }, "the package was not audited as the desk's")
    }

    @Test func aCorrectionIsCarriedOutAsProposed() async throws {
        let console = try await ConsoleFixture()
        let subject = try await console.api.fixture.makeSubject(phone: "06 1111 2222")
        let record = try #require(try await console.vault.read(subject, for: "service", by: VaultFixture.admin).records.first { $0.category == "contact" })
        let request = try await console.vault.requests.submitOwn(
            .rectification, proposing: [.init(category: "contact", record: record.id, field: "phone", value: "06 3333 4444")],
            signedInBy: .registeredEmail, by: .person(subject))
        try await console.application().test(.router) { client in
            let desk = WebBrowser(client)
            try await console.enrol(.desk, email: "desk@example.nl", name: "Anne", in: desk)
            let id = request.request.id.rawValue
            try await desk.get("/console/requests/\(id)")
            if request.request.identity == nil {
                Issue.record("the privacy center's sign-in did not verify the request")
            }
            let done = try await desk.post("/console/requests/\(id)", ["step": "fulfil"])
            #expect(String(buffer: done.body).contains("Het verzoek is uitgevoerd."), "\(String(buffer: done.body))")
        }
        let after = try #require(try await console.vault.read(subject, for: "service", by: VaultFixture.admin).records.first { $0.category == "contact" })
        #expect(after.fields["phone"] == "06 3333 4444" && after.fields["email"] == record.fields["email"], "the other fields were lost")
    }
}
