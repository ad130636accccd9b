import Foundation
import HTTPTypes
import HummingbirdTesting
import KluisAPI
import KluisCore
import KluisServer
import KluisTesting
import Testing

/// The breach register over the admin API, as the contract describes it: a breach opened with
/// its clock, refused input that stores nothing, the assessment, a late notification refused
/// without its reason, the AP's text, the people counted and told, the register; admin only.
@Suite struct BreachAPITests {
    static func body(aware: Date, summary: String = "A laptop with the customer list was stolen from a car.") -> String {
        let time = { (date: Date) in date.formatted(Date.ISO8601FormatStyle()) }
        return """
            {"summary": "\(summary)", "incident": "stolen_device", "nature": ["theft", "reading"],
             "timeline": {"discovered_at": "\(time(aware - 3600))", "aware_at": "\(time(aware))"},
             "reporter": {"name": "Fleur de Vries", "job_title": "Eigenaar", "phone": "06 1234 5678"},
             "categories": ["contact"], "people": {"minimum": 1, "maximum": 2}, "groups": ["Klanten"], "encrypted": false}
            """
    }

    @Test(arguments: StoreKind.enabled) func aBreachIsRegisteredAssessedNotifiedAndThePeopleTold(store: StoreKind) async throws {
        let api = try await APIFixture(store: store)
        defer { api.fixture.directory.remove() }
        let outbox = URL(fileURLWithPath: api.fixture.directory.path("outbox"))
        _ = try await api.fixture.makeSubject()
        let clock = api.fixture.clock
        let application = APIFixture.application(for: api.fixture.vault, logs: api.logs,
                                                 configuration: HTTPConfiguration(maximumBodySize: 64 * 1024, outbox: FileOutbox(directory: outbox, from: .example)))
        try await application.test(.router) { client in
            let token = api.adminToken
            #expect(try await client.send(.post, "/v1/breaches", token: api.appToken, json: Self.body(aware: clock.now())).status == .forbidden)
            let leaky = try await client.send(.post, "/v1/breaches", token: token, json: Self.body(aware: clock.now(), summary: "Mail to jan@voorbeeld.example"))
            #expect(leaky.status == .badRequest && leaky.problemCode == "input.invalid")
            let bsn = try await client.send(.post, "/v1/breaches", token: token, json: Self.body(aware: clock.now(), summary: "The file of 111222333 was read"))
            #expect(bsn.status == .unprocessableContent && bsn.problemCode == "input.bsn_refused")
            let unknownKind = try await client.send(.post, "/v1/breaches", token: token,
                                                    json: Self.body(aware: clock.now()).replacingOccurrences(of: "stolen_device", with: "burglary"))
            #expect(unknownKind.status == .badRequest)
            #expect(try await api.fixture.vault.breaches.all().isEmpty)

            let opened = try await client.send(.post, "/v1/breaches", token: token, json: Self.body(aware: clock.now() - 80 * 3600))
            #expect(opened.status == .created)
            let entry = try opened.json()
            let breach = try #require(entry["breach"] as? [String: Any])
            let id = try #require(breach["id"] as? String)
            #expect(entry["late"] as? Bool == true && breach["data_kinds"] as? [String] == ["email"], "\(entry)")
            #expect((breach["reporter"] as? [String: Any])?["job_title"] as? String == "Eigenaar")

            let assessed = try await client.send(.post, "/v1/breaches/\(id)/assessment", token: token, json: """
                {"factors": {"easily_identified": true}, "severity": {"context": 2, "identification": 0.5},
                 "tell_authority": {"yes": true, "reason": "Customers' addresses were readable"},
                 "tell_people": {"yes": true, "reason": "They may receive phishing mail"}}
                """)
            #expect(assessed.status == .ok)
            let assessment = try #require((try assessed.json()["breach"] as? [String: Any])?["assessment"] as? [String: Any])
            #expect((assessment["tell_people"] as? [String: Any])?["yes"] as? Bool == true)

            let text = try await client.send(.get, "/v1/breaches/\(id)/authority-text?phase=first", token: token)
            let sections = try #require(try text.json()["sections"] as? [[String: Any]])
            #expect(sections.compactMap { $0["title"] as? String }.first == "1. Over de melding" && sections.count == 9)
            #expect((try text.json()["markdown"] as? String)?.contains("Reden van de late melding") == true)

            // An application gives the language a person uses when it creates them.
            let anna = try await client.send(.post, "/v1/subjects", token: api.appToken, json: """
                {"identifiers": {"email": "anna@voorbeeld.example"}, "language": "en", "purpose": "service",
                 "records": [{"category": "contact", "fields": {"email": "anna@voorbeeld.example"}}]}
                """)
            #expect(anna.status == .created)
            let count = try await client.send(.post, "/v1/breaches/\(id)/people/count", token: token, json: #"{"categories": ["contact"]}"#)
            let audience = try count.json()
            #expect(audience["selected"] as? Int == 2 && audience["languages"] as? [String: Int] == ["nl": 1, "en": 1], "\(audience)")
            let told = try await client.send(.post, "/v1/breaches/\(id)/people/notices", token: token,
                                             json: #"{"exposure": {"categories": ["contact"]}, "texts": {"nl": {"advice": "Let op phishing."}}}"#)
            #expect(told.status == .ok)
            #expect(try told.json()["told"] as? Int == 2)
            let mails = try FileManager.default.contentsOfDirectory(atPath: outbox.path)
                .map { try String(contentsOfFile: outbox.appendingPathComponent($0).path, encoding: .utf8) }
            #expect(mails.contains { $0.contains("To: jan.jansen@voorbeeld.example") && $0.contains("Let op phishing.") })
            #expect(mails.contains { $0.contains("To: anna@voorbeeld.example") && $0.contains("What happened") && !$0.contains("Let op") })

            let late = try await client.send(.post, "/v1/breaches/\(id)/notifications", token: token, json: #"{"phase": "first"}"#)
            #expect(late.status == .badRequest && late.problemCode == "input.invalid")
            let notified = try await client.send(.post, "/v1/breaches/\(id)/notifications", token: token,
                                                 json: #"{"phase": "first", "reference": "AP-1", "late_reason": "Known only on Monday"}"#)
            #expect(try notified.json()["notified_at"] as? String == clock.now().formatted(Date.ISO8601FormatStyle()))

            let list = try await client.send(.get, "/v1/breaches", token: token)
            #expect((try list.json()["breaches"] as? [[String: Any]])?.count == 1)
            #expect(try await client.send(.get, "/v1/breaches/brc_nothing", token: token).problemCode == "breach.not_found")
            #expect(try await client.send(.post, "/v1/breaches/\(id)/close", token: token).status == .ok)
            #expect(try await api.fixture.vault.breaches.breach(id).state == .closed)
        }
    }

    /// Two admins amend the same breach from what each read: the `ETag` of the first answer,
    /// sent back as `If-Match`, refuses the second amendment that would undo the first unseen,
    /// and changes nothing; steps that are no amendment leave the `ETag` as it was.
    @Test(arguments: StoreKind.enabled) func anAmendmentFromAnEarlierVersionIsRefused(store: StoreKind) async throws {
        let api = try await APIFixture(store: store)
        defer { api.fixture.directory.remove() }
        let clock = api.fixture.clock
        try await api.application().test(.router) { client in
            let token = api.adminToken
            let opened = try await client.send(.post, "/v1/breaches", token: token, json: Self.body(aware: clock.now()))
            let id = try #require((try opened.json()["breach"] as? [String: Any])?["id"] as? String)
            let read = try await client.send(.get, "/v1/breaches/\(id)", token: token)
            let first = try #require(read.headers[.eTag])
            let stored = try await api.fixture.vault.breaches.breach(id).reportFingerprint
            #expect(first == "\"\(stored)\"")

            // Amends the breach's summary, sending `ifMatch` as `If-Match` when there is one.
            func amend(_ summary: String, ifMatch: String? = nil) async throws -> TestResponse {
                try await client.send(.put, "/v1/breaches/\(id)", token: token, json: Self.body(aware: clock.now(), summary: summary),
                                      headers: ifMatch.map { [.ifMatch: $0] } ?? [:])
            }

            // An assessment between reading and amending is no amendment: the ETag still holds.
            let assessed = try await client.send(.post, "/v1/breaches/\(id)/assessment", token: token, json: """
                {"tell_authority": {"yes": false, "reason": "Encrypted laptop"}, "tell_people": {"yes": false, "reason": "No risk"}}
                """)
            #expect(assessed.status == .ok)
            let fleurs = try await amend("The laptop was found again.", ifMatch: first)
            #expect(fleurs.status == .ok, "\(fleurs.text)")
            let second = try #require(fleurs.headers[.eTag])
            let amended = try await api.fixture.vault.breaches.breach(id).reportFingerprint
            #expect(second != first && second == "\"\(amended)\"")

            // Anne read before Fleur's amendment: hers is refused and nothing changes.
            let annes = try await amend("A laptop was stolen.", ifMatch: first)
            #expect(annes.status == .preconditionFailed && annes.problemCode == "breach.changed", "\(annes.text)")
            #expect(try await api.fixture.vault.breaches.breach(id).summary == "The laptop was found again.")
            // A weak tag never matches; a header naming no tag is refused as input.
            let weak = try await amend("Weak.", ifMatch: "W/\(second)")
            #expect(weak.status == .preconditionFailed)
            let garbled = try await amend("Garbled.", ifMatch: "version-two")
            #expect(garbled.status == .badRequest && garbled.problemCode == "input.invalid")
            #expect(try await api.fixture.vault.breaches.breach(id).summary == "The laptop was found again.")

            // One of several tags, or `*`, matches; without the header the amendment replaces what is there.
            let listed = try await amend("Listed.", ifMatch: "\(first), \(second)")
            #expect(listed.status == .ok)
            let any = try await amend("Any.", ifMatch: "*")
            #expect(any.status == .ok)
            let unconditional = try await amend("Last.")
            #expect(unconditional.status == .ok)
            #expect(try await api.fixture.vault.breaches.breach(id).summary == "Last.")
        }
    }
}
