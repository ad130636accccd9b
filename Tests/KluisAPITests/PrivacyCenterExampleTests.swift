import Foundation
import HTTPTypes
import HummingbirdTesting
import KluisAPI
import KluisCore
import KluisServer
import KluisTesting
import KluisWeb
import NIOCore
import Testing

/// The privacy center for a person of each example policy: the first person of the seed's
/// scenario signs in and every page answers, in the policy's Dutch voice ("u" or "je"), with
/// their data on it and their data to download. Nothing here is written for one organisation.
@Suite struct PrivacyCenterExampleTests {
    static let email = "persoon@voorbeeld.example"

    @Test(arguments: SeedScenarioTests.scenarios)
    func aPersonOfTheExampleUsesThePrivacyCenter(scenario: SeedScenario) async throws {
        let file = Fixtures.examplesDirectory.appendingPathComponent(scenario.policy)
        let fixture = try await VaultFixture(store: .sqlite, clock: FixedClock("2026-11-21T10:00:00Z"), policy: try Fixtures.validPolicy(file))
        defer { fixture.directory.remove() }
        // The scenario's first person with records, found by an e-mail address.
        guard case .create(_, _, let writes)? = scenario.timeline.first(where: {
            if case .create(_, _, let writes) = $0 { return !writes.isEmpty } else { return false }
        }) else { Issue.record("\(scenario.policy) creates no one with records"); return }
        let person = try await fixture.vault.createSubject(
            NewSubject(identifiers: [SubjectIdentifier(kind: .email, value: Self.email)],
                       records: writes.map { NewRecord(category: $0.category, fields: $0.fields, purpose: $0.purpose) }),
            by: VaultFixture.admin)
        let outbox = URL(fileURLWithPath: fixture.directory.path("outbox"))
        let application = KluisApplication.buildApplication(vault: fixture.vault, http: HTTPConfiguration(maximumBodySize: 64 * 1024),
                                                            privacyCenter: PrivacyCenterConfiguration(outbox: FileOutbox(directory: outbox, from: .example)),
                                                            logger: LogCapture().logger())
        let informal = fixture.policy.info.informal
        try await application.test(.router) { client in
            let browser = WebBrowser(client)
            try await browser.get("/privacy-center/sign-in")
            #expect(browser.lastPage.contains(informal ? "Vul je e-mailadres in" : "Vul uw e-mailadres in"), "\(scenario.policy): the voice")
            #expect(browser.lastPage.contains(fixture.policy.controller.name))
            try await browser.post("/privacy-center/sign-in", ["email": Self.email])
            let message = try #require(try FileManager.default.contentsOfDirectory(atPath: outbox.path).first)
            let text = try String(contentsOfFile: outbox.appendingPathComponent(message).path, encoding: .utf8)
            #expect(text.contains(informal ? "Je code om in te loggen" : "Uw code om in te loggen"))
            let code = try #require(text.firstMatch(of: /(?m)^\s+(\d{6})\s*$/).map { String($0.1) })
            try await browser.get("/privacy-center/code")
            #expect(try await browser.post("/privacy-center/code", ["code": code]).status == .seeOther)

            #expect(try await browser.get("/privacy-center").status == .ok)
            let shown = writes.flatMap(\.fields.values).filter { !$0.hasPrefix("@") }
            #expect(shown.contains { browser.lastPage.contains($0) }, "\(scenario.policy): no value of the person on My data")
            for page in ["download", "correct", "delete", "permissions", "history", "requests"] {
                let answer = try await browser.get("/privacy-center/\(page)")
                #expect(answer.status == .ok, "\(scenario.policy): /privacy-center/\(page) answered \(answer.status)")
                #expect(browser.lastPage.contains(#"<html lang="nl">"#) && !browser.lastPage.contains("<script"))
                #expect(!browser.lastPage.contains(informal ? " uw " : " je gegevens"), "\(scenario.policy): /\(page) is not in the policy's voice")
            }
            let json = try await browser.get("/privacy-center/download/data.json")
            #expect(json.status == .ok)
            let package = try #require(try JSONSerialization.jsonObject(with: Data(String(buffer: json.body).utf8)) as? [String: Any])
            #expect(package["subject"] as? String == person.rawValue)
            #expect(try await browser.get("/privacy-center/download/data.csv").status == .ok)
            #expect(try await browser.get("/privacy-center/download/access.html").status == .ok)
        }
    }
}
