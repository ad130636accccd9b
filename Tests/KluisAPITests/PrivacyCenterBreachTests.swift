import Foundation
import HTTPTypes
import HummingbirdTesting
import KluisCore
import KluisServer
import KluisTesting
import NIOCore
import Testing

/// A person told of a breach sees it in the privacy center and in their access package; the
/// language they use there is the one letters reach them in.
@Suite struct PrivacyCenterBreachTests {
    @Test(arguments: StoreKind.enabled) func aPersonToldOfABreachSeesItInTheirLanguage(store: StoreKind) async throws {
        let center = try await CenterFixture(store: store, policy: .withPrivacyCenter())
        defer { center.api.fixture.directory.remove() }
        let jan = try await center.makeJan()
        let vault = center.vault
        try await center.application().test(.router) { client in
            // Jan signs in in English: that is the language he uses with us from now on.
            let browser = WebBrowser(client)
            try await browser.get("/privacy-center/sign-in?lang=en")
            try await browser.signIn(PrivacyCenterSignInTests.email, fixture: center)
            #expect(try await vault.store.snapshot(of: jan)?.language == .en)
            #expect(!browser.lastPage.contains("Data breaches"), "a breach shown before there was one")

            let clock = center.api.fixture.clock
            let breach = try await vault.breaches.open(BreachReport(
                summary: "An invoice run went to the wrong customers.", incident: .misdirectedMail, nature: [.reading],
                timeline: Breach.Timeline(discoveredAt: clock.now() - 3600, awareAt: clock.now() - 3600),
                reporter: Breach.Contact(name: "Fleur", jobTitle: "Eigenaar", phone: "020 123 4567"), categories: ["invoices"],
                consequences: "Others may have seen your invoice amount."), by: VaultFixture.admin)
            let letters = URL(fileURLWithPath: center.api.fixture.directory.path("letters"))
            let round = try await vault.breaches.tell(breach.id, exposure: BreachExposure(categories: ["invoices"]), outbox: FileOutbox(directory: letters, from: .example),
                                                      by: VaultFixture.admin)
            #expect(round.told == 1)
            let letter = try String(contentsOfFile: letters.appendingPathComponent(try FileManager.default.contentsOfDirectory(atPath: letters.path)[0]).path,
                                    encoding: .utf8)
            #expect(letter.contains("What happened") && letter.contains("Which of your data"), "the letter was not in Jan's language")

            let page = String(buffer: try await browser.get("/privacy-center?lang=en").body)
            #expect(page.contains("Data breaches") && page.contains("An invoice run went to the wrong customers.")
                    && page.contains("Others may have seen your invoice amount.") && page.contains(breach.id))
            let package = try await vault.ownAccessPackage(of: jan, in: .en, by: .person(jan))
            #expect(package.breaches.map(\.breach) == [breach.id])
            #expect(package.document(policy: vault.policy, in: .en).plainText.contains("We told you of these data breaches"))
        }
    }
}
