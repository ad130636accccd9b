import Foundation
import HTTPTypes
import HummingbirdTesting
import KluisCore
import KluisTesting
import NIOCore
import Testing

/// What a signed-in person does in the privacy center, over HTTP, on both stores: see, download,
/// correct, delete, decide permissions, read who used their data, make requests. Each through
/// the vault's own operations, with the person as actor.
@Suite struct PrivacyCenterPagesTests {
    static let email = PrivacyCenterSignInTests.email

    @Test(arguments: StoreKind.enabled) func seeAndDownloadMyData(store: StoreKind) async throws {
        let center = try await CenterFixture(store: store, policy: .withPrivacyCenter())
        defer { center.api.fixture.directory.remove() }
        let jan = try await center.makeJan()
        try await center.application().test(.router) { client in
            let browser = WebBrowser(client)
            try await browser.signIn(Self.email, fixture: center)
            #expect(try await browser.get("/privacy-center").status == .ok)
            let page = browser.lastPage
            for expected in ["Profiel", "Timmerman in Utrecht", "Facturen", "F-2026-0042", "Dienstverlening", "Boekhouding",
                             "Bewaard tot", "15 maart 2033"] {
                #expect(page.contains(expected), "'\(expected)' missing from My data")
            }
            #expect(page.contains(#"aria-current="page">Mijn gegevens"#) && !page.contains("nil"))

            let json = try await browser.get("/privacy-center/download/data.json")
            #expect(json.status == .ok && json.headers[.contentDisposition]?.hasPrefix("attachment;") == true)
            let package = try #require(try JSONSerialization.jsonObject(with: Data(String(buffer: json.body).utf8)) as? [String: Any])
            #expect(package["schema"] as? String == "kluis.portability.v1" && package["subject"] as? String == jan.rawValue)
            let categories = (package["categories"] as? [[String: Any]] ?? []).compactMap { $0["category"] as? String }
            // Provided data on a contract is portable; invoices kept under a legal obligation are not.
            #expect(Set(categories) == ["contact", "profile"])
            let csv = try await browser.get("/privacy-center/download/data.csv")
            #expect(csv.headers[.contentType] == "text/csv; charset=utf-8")
            let lines = String(buffer: csv.body).components(separatedBy: "\r\n")
            #expect(lines.first == "category,record_id,field,value,created_at,updated_at")
            #expect(lines.contains { $0.hasPrefix("profile,") && $0.contains(",headline,Timmerman in Utrecht,") })
            let access = try await browser.get("/privacy-center/download/access.html")
            #expect(access.status == .ok && String(buffer: access.body).contains("Timmerman in Utrecht"))
            #expect(access.headers[.contentSecurityPolicy]?.contains("sandbox") == true)
        }
        let exports = try await center.vault.auditEvents(subject: jan, limit: 200).map(\.entry).filter { $0.action == .export }
        #expect(exports.contains { $0.actor == jan.rawValue && $0.reason == "privacy center portability" })
    }

    @Test(arguments: StoreKind.enabled) func correctAndDelete(store: StoreKind) async throws {
        let center = try await CenterFixture(store: store, policy: .withPrivacyCenter())
        defer { center.api.fixture.directory.remove() }
        let jan = try await center.makeJan()
        try await center.application().test(.router) { client in
            let browser = WebBrowser(client)
            try await browser.signIn(Self.email, fixture: center)
            try await browser.get("/privacy-center/correct")
            let profile = try #require(try await center.vault.ownAccessPackage(of: jan, by: .person(jan)).data.first { $0.category == "profile" }?.records.first)
            let contact = try #require(try await center.vault.ownAccessPackage(of: jan, by: .person(jan)).data.first { $0.category == "contact" }?.records.first)
            // Nothing changed: said, nothing written.
            let unchanged = try await browser.post("/privacy-center/correct", ["category": "profile", "record": profile.id.rawValue,
                                                                              "field.headline": "Timmerman in Utrecht", "field.bio": "Twintig jaar ervaring."])
            #expect(unchanged.status == .unprocessableContent && browser.lastPage.contains(#"role="alert""#))
            // The profile is the person's own to correct: at once.
            let saved = try await browser.post("/privacy-center/correct", ["category": "profile", "record": profile.id.rawValue,
                                                                          "field.headline": "Timmerman in Amersfoort", "field.bio": "Twintig jaar ervaring."])
            #expect(saved.status == .seeOther)
            try await browser.get("/privacy-center")
            #expect(browser.lastPage.contains("Timmerman in Amersfoort") && !browser.lastPage.contains("Timmerman in Utrecht"))
            // Contact details are corrected by request: the proposal is filed, sealed; the record stays.
            try await browser.get("/privacy-center/correct")
            let proposed = try await browser.post("/privacy-center/correct", ["category": "contact", "record": contact.id.rawValue,
                                                                             "field.email": Self.email, "field.phone": "06 8765 4321"])
            #expect(proposed.status == .seeOther)
            let requests = try await center.vault.requests.list(.all, subject: jan)
            let rectification = try #require(requests.first { $0.request.type == .rectification })
            #expect(rectification.request.state == .inProgress && rectification.request.identity?.method == .registeredEmail)
            #expect(try await center.vault.requests.proposedValues(of: rectification.request.id, by: VaultFixture.admin)
                == [.init(category: "contact", record: contact.id, field: "phone", value: "06 8765 4321")])
            #expect(!String(decoding: rectification.request.encoded(), as: UTF8.self).contains("8765"), "a proposed value stored in the clear")
            try await browser.get("/privacy-center")
            #expect(browser.lastPage.contains("06 1234 5678"))
            try await browser.get("/privacy-center/requests")
            #expect(browser.lastPage.contains("Mijn gegevens verbeteren") && browser.lastPage.contains("Antwoord uiterlijk"))

            // Delete: what a legal obligation keeps is said before anything is deleted.
            try await browser.get("/privacy-center/delete")
            #expect(browser.lastPage.contains("Dit moeten wij bewaren voor Boekhouding"))
            let unconfirmed = try await browser.post("/privacy-center/delete", ["category": "profile"])
            #expect(unconfirmed.status == .unprocessableContent && browser.lastPage.contains(#"aria-invalid="true""#))
            let deleted = try await browser.post("/privacy-center/delete", ["category": "profile", "confirm": "yes"])
            #expect(deleted.status == .seeOther)
            try await browser.get("/privacy-center/delete")
            #expect(browser.lastPage.contains("Verwijderd.") && browser.lastPage.contains("Dit moeten wij bewaren voor Boekhouding"))
            try await browser.get("/privacy-center")
            #expect(!browser.lastPage.contains("Timmerman"))
            // Contact details by request; and everything.
            try await browser.get("/privacy-center/delete")
            #expect(try await browser.post("/privacy-center/delete", ["category": "contact"]).status == .seeOther)
            try await browser.get("/privacy-center/delete")
            #expect(try await browser.post("/privacy-center/delete", ["category": ""]).status == .seeOther)
            let erasures = try await center.vault.requests.list(.all, subject: jan).filter { $0.request.type == .erasure }
            #expect(Set(erasures.map(\.request.categories)) == [["contact"], []])
        }
        let events = try await center.vault.auditEvents(subject: jan, limit: 200).map(\.entry)
        #expect(events.contains { $0.action == .write && $0.actor == jan.rawValue && $0.categories == ["profile"] })
        #expect(events.contains { $0.action == .erasure && $0.actor == jan.rawValue && $0.categories == ["profile"] })
        #expect(!center.api.logs.text.contains("Amersfoort") && !center.api.logs.text.contains("8765"))
    }

    @Test(arguments: StoreKind.enabled) func permissionsTakeEffectAtOnceAndShowInTheHistory(store: StoreKind) async throws {
        let center = try await CenterFixture(store: store, policy: .withPrivacyCenter())
        defer { center.api.fixture.directory.remove() }
        let jan = try await center.makeJan()
        let mailer = try await center.vault.createAPIKey(name: "mailer", purposes: ["newsletter"], by: VaultFixture.admin).token
        try await center.application().test(.router) { client in
            #expect(try await client.send(.get, "/v1/subjects/\(jan)?purpose=newsletter", token: mailer).status == .ok)
            let glass = try await client.send(.get, "/v1/subjects/\(jan)?purpose=service", token: center.api.adminToken,
                                              headers: [HTTPField.Name("Kluis-Break-Glass-Reason")!: "melding 12: adres klopt niet"])
            #expect(glass.status == .ok)

            let browser = WebBrowser(client)
            try await browser.signIn(Self.email, fixture: center)
            try await browser.get("/privacy-center/permissions")
            #expect(browser.lastPage.contains("Nieuwsbrief") && browser.lastPage.contains("Toestemming intrekken"))
            #expect(browser.lastPage.contains("Fraudecontrole") && browser.lastPage.contains("Bezwaar maken"))
            let withdrawn = try await browser.post("/privacy-center/permissions", ["purpose": "newsletter", "decision": "withdrawn"])
            #expect(withdrawn.status == .seeOther)
            // At once: the mailer's next read for the newsletter is refused.
            let refused = try await client.send(.get, "/v1/subjects/\(jan)?purpose=newsletter", token: mailer)
            #expect(refused.status == .forbidden)
            try await browser.get("/privacy-center/permissions")
            #expect(browser.lastPage.contains("Toestemming geven") && browser.lastPage.contains(#"role="status""#))
            let receipt = String(buffer: try await browser.get("/privacy-center/permissions/receipt.jws").body)
            #expect(try center.vault.receiptSigner.verify(receipt).get().count > 0)
            // A decision the page does not offer changes nothing.
            #expect(try await browser.post("/privacy-center/permissions", ["purpose": "service", "decision": "withdrawn"]).status == .badRequest)
            #expect(try await browser.post("/privacy-center/permissions", ["purpose": "fraud_checks", "decision": "objected"]).status == .seeOther)

            // Who used my data: the mailer's read and its refusal, the break-glass reason as written.
            try await browser.get("/privacy-center/history")
            let history = browser.lastPage
            #expect(history.contains("mailer") && history.contains("Nieuwsbrief") && history.contains("geweigerd"))
            #expect(history.contains("melding 12: adres klopt niet") && history.contains("Noodtoegang"))
            #expect(history.contains("<td>u</td>") && !history.contains("uw gegevens bekeken"), "the person's own looks bury the rest")
            // Paged, 25 a page, newest first.
            for _ in 0..<30 { _ = try await client.send(.get, "/v1/subjects/\(jan)?purpose=service", token: center.api.appToken) }
            try await browser.get("/privacy-center/history")
            #expect(browser.lastPage.contains("Pagina 1 van 2") && browser.lastPage.contains("page=2"))
            #expect(!browser.lastPage.contains("melding 12"), "the oldest entries on the first page")
            try await browser.get("/privacy-center/history?page=2")
            #expect(browser.lastPage.contains("Pagina 2 van 2") && browser.lastPage.contains("melding 12"))

            // A request made here is verified by the sign-in, and its due date is shown.
            try await browser.get("/privacy-center/requests")
            #expect(try await browser.post("/privacy-center/requests", ["type": "access"]).status == .seeOther)
            try await browser.get("/privacy-center/requests")
            #expect(browser.lastPage.contains("Een kopie van mijn gegevens") && browser.lastPage.contains("Antwoord uiterlijk"))
            #expect(browser.lastPage.contains("Uw verzoek is verstuurd. Wij antwoorden uiterlijk op"))
        }
        let consents = try await center.vault.consents.of(jan, by: VaultFixture.admin).state
        #expect(consents.first { $0.purpose == "newsletter" }?.status == .withdrawn)
        #expect(consents.first { $0.purpose == "fraud_checks" }?.objected == true)
        let access = try #require(try await center.vault.requests.list(.all, subject: jan).first { $0.request.type == .access })
        #expect(access.request.state == .inProgress)
    }
}
