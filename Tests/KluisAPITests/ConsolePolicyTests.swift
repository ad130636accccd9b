import Foundation
import HTTPTypes
import HummingbirdTesting
import KluisCore
import KluisTesting
import KluisWeb
import NIOCore
import Testing

/// The policy page: the register as published, and what a new version would change for the
/// people stored, worked out before it is loaded.
@Suite struct ConsolePolicyTests {
    @Test(arguments: StoreKind.enabled) func theOwnerSeesWhatANewVersionWouldChange(store: StoreKind) async throws {
        let console = try await ConsoleFixture(store: store, policy: .withConsent())
        let jan = try await console.api.fixture.makeSubject()
        _ = try await console.vault.consents.record(ConsentSubmission(decisions: [ConsentDecision(purpose: "newsletter", kind: .given)],
                                                                      birthDate: CalendarDate(year: 1980, month: 5, day: 17)),
                                                    for: jan, by: VaultFixture.admin)
        // Piet's contract ended eighteen months ago: the service keeps his contact details two years.
        let piet = try await console.api.fixture.makeSubject(email: "piet@voorbeeld.example", phone: "06 1111 1111")
        try await console.vault.recordEvent("contract_end", at: console.clock.now() - 548 * 86_400, for: piet, by: VaultFixture.admin)
        var next = PolicyFixture.withConsent(version: "2.0", newsletterText: "Our weekly newsletter with offers and news.")
        next.purposes = next.purposes.replacingOccurrences(of: "{anchor: contract_end, duration: P2Y, then: delete, at_most: P10Y}",
                                                          with: "{anchor: contract_end, duration: P1Y, then: delete, at_most: P10Y}")
        let nextText = next.yaml
        try await console.application().test(.router) { client in
            let owner = WebBrowser(client)
            try await console.enrol(.owner, email: "fleur@example.nl", name: "Fleur", in: owner)
            let page = String(buffer: try await owner.get("/console/policy?lang=en").body)
            #expect(page.contains("Register of processing activities") && page.contains("Service"))
            let invalid = try await owner.post("/console/policy/preview", ["policy": "kluis: 1\npolicy: {}\n"])
            #expect(invalid.status == .unprocessableContent && String(buffer: invalid.body).contains("<li>"))

            let started = String(buffer: try await owner.post("/console/policy/preview", ["policy": nextText]).body)
            let job = try #require(started.firstMatch(of: /href="(\/console\/jobs\/[^"]+)"/).map { String($0.output.1) })
            var result = ""
            for _ in 0..<100 {
                result = String(buffer: try await owner.get(job).body)
                if !result.contains("Still running") && !result.contains("Nog bezig") { break }
                try await Task.sleep(for: .milliseconds(50))
            }
            #expect(result.contains("2 people, 2 records"), "\(result)")
            #expect(result.contains("Erase-by dates earlier: 1, of which due at once: 1"))
            #expect(result.contains("Consents that would go stale: newsletter (1)"))
            #expect(!result.contains("role=\"alert\""), "a failure shown for a job that did not fail")

            let auditor = WebBrowser(client)
            try await console.enrol(.auditor, email: "audit@example.nl", name: "Aud", in: auditor)
            let read = String(buffer: try await auditor.get("/console/policy").body)
            #expect(read.contains("Verwerkingsregister") && !read.contains("policy/preview"))
            #expect(try await auditor.post("/console/policy/preview", ["policy": nextText]).status == .forbidden)
        }
        // Nothing changed: the vault still serves the first version.
        #expect(console.vault.policy.info.version == "1.0")
    }
}
