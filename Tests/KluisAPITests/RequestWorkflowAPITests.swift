import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import KluisCore
import KluisAPI
import KluisServer
import KluisTesting
import Testing

/// The request queue and the fulfilments that change data: deadlines and extensions,
/// restriction, rectification, portability, objection and withdrawal, and bad input.
@Suite struct RequestWorkflowAPITests {
    @Test(arguments: StoreKind.enabled) func theQueueShowsOverdueRequestsAndExtensionsAreTimely(store: StoreKind) async throws {
        let fixture = try await RequestFixture(store: store)
        defer { fixture.api.fixture.directory.remove() }
        let api = fixture.api
        let subject = try await fixture.makeCustomer()
        try await fixture.application().test(.router) { client in
            // Received 1 October: four weeks end on Thursday 29 October; the clock stands at 21 November.
            let old = try await client.send(.post, "/v1/requests", token: api.appToken, json: """
                {"type":"access","subject_id":"\(subject)","channel":"post","received_at":"2026-10-01T09:00:00Z","signed_in_session":true}
                """).json()
            let oldID = try #require(old["id"] as? String)
            #expect(old["overdue"] as? Bool == true)
            #expect((old["deadlines"] as? [String: Any])?["due"] as? String == "2026-10-29")
            let recent = try await client.send(.post, "/v1/requests", token: api.appToken, json: """
                {"type":"access","subject_id":"\(subject)","received_at":"2026-11-10T09:00:00Z","signed_in_session":true}
                """).json()
            let recentID = try #require(recent["id"] as? String)

            let overdue = try await client.send(.get, "/v1/requests?filter=overdue", token: api.adminToken).json()
            #expect((overdue["requests"] as? [[String: Any]])?.compactMap { $0["id"] as? String } == [oldID])
            let open = try await client.send(.get, "/v1/requests", token: api.adminToken).json()
            #expect((open["requests"] as? [[String: Any]])?.count == 2)
            #expect(try await client.send(.get, "/v1/requests", token: api.appToken).status == .forbidden)

            // Past the first month, an extension is refused.
            let late = try await client.send(.post, "/v1/requests/\(oldID)/extend", token: api.adminToken, json: #"{"reason":"Many requests."}"#)
            #expect(late.problemCode == "request.extension_too_late")
            // A BSN in the reason is refused, and nothing changes.
            let bsn = try await client.send(.post, "/v1/requests/\(recentID)/extend", token: api.adminToken,
                                            json: #"{"reason":"Complex; requester BSN 123.456.782"}"#)
            #expect(bsn.status == .unprocessableContent)
            #expect(bsn.problemCode == "input.bsn_refused")
            #expect(!bsn.text.contains("782"))
            #expect(try await client.send(.get, "/v1/requests/\(recentID)", token: api.adminToken).json()["state"] as? String == "in_progress")
            let extended = try await client.send(.post, "/v1/requests/\(recentID)/extend", token: api.adminToken,
                                                 json: #"{"reason":"The request covers ten years of records."}"#)
            #expect(extended.status == .ok)
            let body = try extended.json()
            #expect(body["state"] as? String == "extended")
            #expect(body["extension_reason"] as? String == "The request covers ten years of records.")
            #expect((body["deadlines"] as? [String: Any])?["due"] as? String == "2027-02-10")
            let rejected = try await client.send(.post, "/v1/requests/\(oldID)/reject", token: api.adminToken,
                                                 json: #"{"reason":"Answered by letter on 2 November."}"#)
            #expect(try rejected.json()["state"] as? String == "rejected")
            let again = try await client.send(.post, "/v1/requests/\(oldID)/fulfil", token: api.adminToken, json: "{}")
            #expect(again.status == .conflict)
            #expect(again.problemCode == "request.state_invalid")
        }
    }

    @Test(arguments: StoreKind.enabled) func aRestrictionHoldsOnEveryReadUntilLiftedAfterTellingThePerson(store: StoreKind) async throws {
        let fixture = try await RequestFixture(store: store)
        defer { fixture.api.fixture.directory.remove() }
        let api = fixture.api
        let subject = try await fixture.makeCustomer()
        try await fixture.application().test(.router) { client in
            let id = try #require(try await client.send(.post, "/v1/requests", token: api.appToken, json: """
                {"type":"restriction","subject_id":"\(subject)","categories":["contact"],"ground":"accuracy_contested"}
                """).json()["id"] as? String)
            let unverified = try await client.send(.post, "/v1/requests/\(id)/fulfil", token: api.adminToken, json: "{}")
            #expect(unverified.problemCode == "request.state_invalid")
            // Staff attest a shielded ID copy; an application key may not.
            let byApp = try await client.send(.post, "/v1/requests/\(id)/verify", token: api.appToken, json: #"{"method":"id_copy_shielded"}"#)
            #expect(byApp.status == .forbidden)
            let verified = try await client.send(.post, "/v1/requests/\(id)/verify", token: api.adminToken, json: #"{"method":"id_copy_shielded"}"#)
            #expect(verified.status == .ok)
            let notAccepted = try await client.send(.post, "/v1/requests/\(id)/verify", token: api.adminToken, json: #"{"method":"in_person"}"#)
            #expect(notAccepted.problemCode == "request.identity_check_not_accepted")
            #expect(try await client.send(.post, "/v1/requests/\(id)/fulfil", token: api.adminToken, json: "{}").status == .ok)

            let read = try await client.send(.get, "/v1/subjects/\(subject)?purpose=service", token: api.appToken)
            #expect(read.status == .ok)
            #expect(!read.text.contains("jan.jansen"))
            let withheld = try #require(try read.json()["withheld"] as? [[String: Any]])
            #expect(withheld.contains { $0["category"] as? String == "contact" && $0["reason"] as? String == "restricted" })
            // Invoices are not restricted.
            #expect(try await client.send(.get, "/v1/subjects/\(subject)?purpose=bookkeeping", token: api.bookkeepingToken).text.contains("F-2026-0042"))

            let untold = try await client.send(.post, "/v1/subjects/\(subject)/restrictions/lift", token: api.adminToken, json: "{}")
            #expect(untold.status == .conflict)
            #expect(untold.problemCode == "restriction.subject_not_told")
            let lifted = try await client.send(.post, "/v1/subjects/\(subject)/restrictions/lift", token: api.adminToken,
                                               json: #"{"subject_told_at":"2026-11-20T15:00:00Z"}"#)
            #expect(lifted.status == .ok)
            #expect(try await client.send(.get, "/v1/subjects/\(subject)?purpose=service", token: api.appToken).text.contains("jan.jansen"))
        }
        // Applications hear of both (issue 22), from the audit chain.
        let events = try await Self.webhookEvents(api.fixture.vault)
        // The categories the request named, not "all" (an empty list).
        #expect(events.contains { $0.kind == .restricted && $0.subject == subject && $0.categories == ["contact"] }, "\(events.map(\.kind))")
        #expect(events.contains { $0.kind == .restrictionLifted && $0.subject == subject && $0.categories == ["contact"] })
        #expect(events.contains { $0.kind == .requestChanged && $0.requestType == "restriction" && $0.requestState == "fulfilled" })
    }

    /// The webhook events the vault's audit chain makes, oldest first.
    static func webhookEvents(_ vault: Vault) async throws -> [WebhookEvent] {
        try await vault.auditEvents(after: 0, limit: 1000).flatMap(WebhookEvent.events)
    }

    @Test(arguments: StoreKind.enabled) func rectificationCorrectsAndPortabilityExportsJSONAndCSV(store: StoreKind) async throws {
        let fixture = try await RequestFixture(store: store)
        defer { fixture.api.fixture.directory.remove() }
        let api = fixture.api
        let subject = try await fixture.makeCustomer()
        try await fixture.application().test(.router) { client in
            let rectification = try #require(try await client.send(.post, "/v1/requests", token: api.appToken, json: """
                {"type":"rectification","subject_id":"\(subject)","signed_in_session":true}
                """).json()["id"] as? String)
            let empty = try await client.send(.post, "/v1/requests/\(rectification)/fulfil", token: api.adminToken, json: "{}")
            #expect(empty.problemCode == "request.invalid")
            let corrected = try await client.send(.post, "/v1/requests/\(rectification)/fulfil", token: api.adminToken, json: """
                {"corrections":[{"category":"contact","fields":{"email":"jan.jansen@voorbeeld.example","phone":"06 8765 4321"}}]}
                """)
            #expect(corrected.status == .ok)
            #expect(try await client.send(.get, "/v1/subjects/\(subject)?purpose=service", token: api.appToken).text.contains("06 8765 4321"))

            let portability = try #require(try await client.send(.post, "/v1/requests", token: api.appToken, json: """
                {"type":"portability","subject_id":"\(subject)","signed_in_session":true}
                """).json()["id"] as? String)
            let json = try await client.send(.get, "/v1/requests/\(portability)/export", token: api.adminToken)
            let package = try json.json()
            #expect(package["schema"] as? String == "kluis.portability.v1")
            // Contact details serve a contract; invoices are kept under a legal obligation only: not portable.
            #expect((package["categories"] as? [[String: Any]])?.compactMap { $0["category"] as? String } == ["contact"])
            let csv = try await client.send(.get, "/v1/requests/\(portability)/export?format=csv", token: api.adminToken)
            #expect(csv.headers[.contentType] == "text/csv; charset=utf-8; header=present")
            let lines = csv.text.split(separator: "\r\n").map(String.init)
            #expect(lines.first == "category,record_id,field,value,created_at,updated_at")
            #expect(lines.contains { $0.hasPrefix("contact,rec_") && $0.contains(",phone,06 8765 4321,") })
            #expect(lines.count == 3)
            let html = try await client.send(.get, "/v1/requests/\(portability)/export?format=html", token: api.adminToken)
            #expect(html.problemCode == "input.invalid")
        }
        let rectified = try await Self.webhookEvents(api.fixture.vault).filter { $0.kind == .rectified }
        #expect(rectified.map(\.subject) == [subject])
        #expect(rectified.first?.categories == ["contact"])
        // The body names the person by id and the category, never the corrected values.
        let body = String(decoding: try #require(rectified.first).body, as: UTF8.self)
        #expect(body.contains(subject.rawValue) && !body.contains("8765"), "\(body)")
    }

    @Test(arguments: StoreKind.enabled) func objectionAndWithdrawalGoThroughTheConsentStore(store: StoreKind) async throws {
        let fixture = try await RequestFixture(store: store)
        defer { fixture.api.fixture.directory.remove() }
        let vault = fixture.vault
        let subject = try await fixture.makeCustomer()
        _ = try await vault.consents.record(ConsentSubmission(decisions: [ConsentDecision(purpose: "newsletter", kind: .given)],
                                                             birthDate: CalendarDate("1990-05-17")), for: subject, by: VaultFixture.admin)
        let withdrawal = try await vault.requests.submit(RequestSubmission(type: .withdrawal, subject: subject, channel: .email,
                                                                         signedInSession: true), by: VaultFixture.admin)
        let withdrawn = try await vault.requests.fulfil(withdrawal.request.id, by: VaultFixture.admin)
        #expect(withdrawn.consentEvents.map(\.kind) == [.withdrawn])
        #expect(withdrawn.consentEvents.first?.method == .email)
        let objection = try await vault.requests.submit(RequestSubmission(type: .objection, subject: subject, channel: .post,
                                                                        purposes: ["fraud_checks"], signedInSession: true), by: VaultFixture.admin)
        _ = try await vault.requests.fulfil(objection.request.id, by: VaultFixture.admin)
        let fraud = Principal(id: "key_fraud", purposes: ["fraud_checks"])
        await #expect(throws: VaultError(.objected, "the subject objected to 'fraud_checks': it may not use their data")) {
            try await vault.read(subject, for: "fraud_checks", by: fraud)
        }
        let newsletter = Principal(id: "key_news", purposes: ["newsletter"])
        await #expect(throws: VaultError.self) { try await vault.read(subject, for: "newsletter", by: newsletter) }
        let events = try await Self.webhookEvents(vault)
        #expect(events.filter { $0.kind == .consentWithdrawn }.map(\.purpose) == ["newsletter"])
        #expect(events.filter { $0.kind == .objected }.map(\.purpose) == ["fraud_checks"])
        #expect(events.filter { $0.kind == .requestChanged }.map(\.requestState).contains("fulfilled"))
    }

    @Test func badRequestsAreRefusedClearlyAndStoreNothing() async throws {
        let fixture = try await RequestFixture(store: .sqlite)
        defer { fixture.api.fixture.directory.remove() }
        let api = fixture.api
        let subject = try await fixture.makeCustomer()
        try await fixture.application().test(.router) { client in
            // A type, channel or ground the contract does not list is refused before the
            // handler, as input.invalid (400); the rest are the workflow's own refusals.
            let cases: [(String, String)] = [
                (#"{"type":"forget_me","subject_id":"\#(subject)"}"#, "input.invalid"),
                (#"{"type":"access"}"#, "request.invalid"),
                (#"{"type":"access","subject_id":"\#(subject)","channel":"pigeon"}"#, "input.invalid"),
                (#"{"type":"objection","subject_id":"\#(subject)","purposes":["service"]}"#, "consent.not_applicable"),
                (#"{"type":"withdrawal","subject_id":"\#(subject)","purposes":["fraud_checks"]}"#, "consent.not_applicable"),
                (#"{"type":"access","subject_id":"\#(subject)","categories":["contact"]}"#, "request.invalid"),
                (#"{"type":"restriction","subject_id":"\#(subject)","ground":"legal_obligation"}"#, "input.invalid"),
                (#"{"type":"access","subject_id":"\#(subject)","received_at":"2027-01-01T00:00:00Z"}"#, "request.invalid"),
                (#"{"type":"access","subject_id":"sub_aaaaaaaaaaaaaaaaaaaaaaaaaa"}"#, "subject.not_found"),
            ]
            for (body, code) in cases {
                let response = try await client.send(.post, "/v1/requests", token: api.appToken, json: body)
                #expect(response.problemCode == code, "\(body)")
            }
            let list = try await client.send(.get, "/v1/requests?filter=all", token: api.adminToken).json()
            #expect((list["requests"] as? [Any])?.isEmpty == true)
            #expect(try await client.send(.get, "/v1/requests/req_aaaaaaaaaaaaaaaaaaaaaaaaaa", token: api.adminToken).status == .notFound)
            #expect(try await client.send(.get, "/v1/requests/nonsense", token: api.adminToken).problemCode == "request.not_found")
            // Someone unknown: the request is kept and answered that no data is held.
            let unknown = try await client.send(.post, "/v1/requests", token: api.appToken,
                                                json: #"{"type":"access","identifiers":{"email":"nobody@elders.example"}}"#)
            #expect(unknown.status == .created)
            #expect(try unknown.json()["subject_id"] == nil)
            let unknownID = try #require(try unknown.json()["id"] as? String)
            let answered = try await client.send(.post, "/v1/requests/\(unknownID)/fulfil", token: api.adminToken, json: "{}")
            let request = try #require(try answered.json()["request"] as? [String: Any])
            #expect(request["state"] as? String == "fulfilled")
            #expect(request["outcome"] as? String == "no data held")
        }
    }
}
