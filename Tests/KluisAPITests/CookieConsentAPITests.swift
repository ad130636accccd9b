import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import KluisCore
import KluisTesting
import Testing

/// Cookie choices: stored per category, answered with Google Consent Mode v2 signals, public
/// and callable from any origin, with the drop-in banner served beside them.
@Suite struct CookieConsentAPITests {
    @Test(arguments: StoreKind.enabled) func aChoiceIsStoredAndAnsweredWithConsentModeSignals(store: StoreKind) async throws {
        let api = try await ConsentFixture(store: store)
        defer { api.fixture.fixture.directory.remove() }
        try await api.fixture.application().test(.router) { client in
            let configuration = try await client.send(.get, "/v1/cookie-consent/config?lang=en", token: nil)
            #expect(configuration.status == .ok)
            let categories = try #require(try configuration.json()["categories"] as? [[String: Any]])
            #expect(categories.compactMap { $0["id"] as? String } == ["essential", "statistics", "marketing"])
            #expect(categories.first?["required"] as? Bool == true)
            #expect(categories.last?["name"] as? String == "Marketing cookies")

            let chosen = try await client.send(.post, "/v1/cookie-consent", token: nil,
                                               json: #"{"choices":{"statistics":true,"marketing":false},"language":"nl"}"#)
            #expect(chosen.status == .created)
            let body = try chosen.json()
            let visitor = try #require(VisitorID(rawValue: body["visitor_id"] as? String ?? ""))
            #expect(body["choices"] as? [String: Bool] == ["essential": true, "statistics": true, "marketing": false])
            #expect(body["consent_mode"] as? [String: String] == [
                "security_storage": "granted", "functionality_storage": "denied", "personalization_storage": "denied",
                "analytics_storage": "granted", "ad_storage": "denied", "ad_user_data": "denied", "ad_personalization": "denied",
            ])
            #expect(body["expires_at"] as? String == "2027-11-21T10:00:00Z")
            #expect(body["policy_version"] as? String == "1.0")

            // The same visitor changes their mind; both choices are kept, in order.
            let changed = try await client.send(.post, "/v1/cookie-consent", token: nil,
                                                json: #"{"visitor_id":"\#(visitor)","choices":{"statistics":false,"marketing":true}}"#)
            #expect((try changed.json()["consent_mode"] as? [String: String])?["ad_user_data"] == "granted")
            let stored = try await api.fixture.fixture.vault.consents.cookieChoices(of: visitor)
            #expect(stored.map { $0.allowed["statistics"] } == [true, false])
            #expect(stored.map { $0.allowed["marketing"] } == [false, true])
        }
        let audit = try await api.fixture.fixture.vault.auditEvents(after: 0, subject: nil, limit: 100)
        #expect(audit.filter { $0.entry.action == .cookieChoice }.count == 2)
    }

    @Test func theGlobalPrivacyControlSignalKeepsAdvertisingDenied() async throws {
        let api = try await ConsentFixture(store: .sqlite)
        defer { api.fixture.fixture.directory.remove() }
        try await api.fixture.application().test(.router) { client in
            let chosen = try await client.send(.post, "/v1/cookie-consent", token: nil,
                                               json: #"{"choices":{"statistics":true,"marketing":true}}"#,
                                               headers: [HTTPField.Name("Sec-GPC")!: "1"])
            let body = try chosen.json()
            #expect(body["gpc"] as? Bool == true)
            #expect((body["choices"] as? [String: Bool])?["marketing"] == false)
            let signals = try #require(body["consent_mode"] as? [String: String])
            #expect(signals["ad_storage"] == "denied" && signals["ad_personalization"] == "denied")
            #expect(signals["analytics_storage"] == "granted")
        }
    }

    @Test func badChoicesAreRefusedAndNothingIsStored() async throws {
        let api = try await ConsentFixture(store: .sqlite)
        defer { api.fixture.fixture.directory.remove() }
        let subject = try await api.fixture.fixture.makeSubject()
        try await api.fixture.application().test(.router) { client in
            let unknown = try await client.send(.post, "/v1/cookie-consent", token: nil, json: #"{"choices":{"tracking":true}}"#)
            #expect(unknown.status == .unprocessableContent)
            #expect(unknown.problemCode == "cookie.choice_invalid")
            let essential = try await client.send(.post, "/v1/cookie-consent", token: nil, json: #"{"choices":{"essential":false}}"#)
            #expect(essential.problemCode == "cookie.choice_invalid")
            let badVisitor = try await client.send(.post, "/v1/cookie-consent", token: nil,
                                                   json: #"{"visitor_id":"someone@example.com","choices":{}}"#)
            #expect(badVisitor.problemCode == "input.invalid")
            #expect(!badVisitor.text.contains("someone@example.com"))
            // A value the contract does not list, in a body or a query, is input.invalid too.
            let badLanguage = try await client.send(.post, "/v1/cookie-consent", token: nil, json: #"{"choices":{},"language":"de"}"#)
            #expect(badLanguage.status == .badRequest)
            #expect(badLanguage.problemCode == "input.invalid")
            #expect(try badLanguage.json()["detail"] as? String == "'language' is not a value the contract allows; see /openapi.json")
            let badQuery = try await client.send(.get, "/v1/cookie-consent/config?lang=de", token: nil)
            #expect(badQuery.status == .badRequest)
            #expect(badQuery.problemCode == "input.invalid")
            // Only an application may say whose choice it is.
            let claimed = try await client.send(.post, "/v1/cookie-consent", token: nil,
                                                json: #"{"subject_id":"\#(subject)","choices":{"statistics":true}}"#)
            #expect(claimed.status == .unauthorized)
            let linked = try await client.send(.post, "/v1/cookie-consent", token: api.fixture.appToken,
                                               json: #"{"subject_id":"\#(subject)","choices":{"statistics":true}}"#)
            #expect(linked.status == .created)
        }
        let audit = try await api.fixture.fixture.vault.auditEvents(after: 0, subject: nil, limit: 100)
        let choices = audit.filter { $0.entry.action == .cookieChoice }
        #expect(choices.count == 1)
        #expect(choices.first?.entry.subject == subject)
    }

    @Test func theBannerAndThePublicRoutesAnswerAnyOrigin() async throws {
        let api = try await ConsentFixture(store: .sqlite)
        defer { api.fixture.fixture.directory.remove() }
        try await api.fixture.application().test(.router) { client in
            let preflight = try await client.execute(uri: "/v1/cookie-consent", method: .options, headers: [
                .origin: "https://www.koersvast.example", .accessControlRequestMethod: "POST",
                .accessControlRequestHeaders: "content-type",
            ])
            #expect(preflight.headers[.accessControlAllowOrigin] == "*")
            #expect(preflight.headers[.accessControlAllowMethods]?.contains("POST") == true)
            #expect(preflight.headers[.accessControlAllowCredentials] == nil)

            let post = try await client.send(.post, "/v1/cookie-consent", token: nil, json: #"{"choices":{}}"#,
                                             headers: [.origin: "https://www.koersvast.example"])
            #expect(post.status == .created)
            #expect(post.headers[.accessControlAllowOrigin] == "*")

            let script = try await client.send(.get, "/banner/kluis-banner.js", token: nil)
            #expect(script.status == .ok)
            #expect(script.headers[.contentType] == "text/javascript; charset=utf-8")
            #expect(script.text.contains("'consent'") || script.text.contains("\"consent\""))
            let style = try await client.send(.get, "/banner/kluis-banner.css", token: nil)
            #expect(style.headers[.contentType] == "text/css; charset=utf-8")
            #expect(style.text.contains("focus-visible"))

            // The authenticated API does not answer other origins.
            let subjects = try await client.execute(uri: "/v1/subjects", method: .options, headers: [
                .origin: "https://evil.example", .accessControlRequestMethod: "POST",
            ])
            #expect(subjects.headers[.accessControlAllowOrigin] == nil)
        }
    }
}
