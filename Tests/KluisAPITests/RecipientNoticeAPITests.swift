import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import KluisCore
import KluisAPI
import KluisServer
import KluisTesting
import Testing

/// Art. 19: when data is erased, rectified or restricted, the recipients it went to are listed,
/// and told through the outbox when the policy gives them an address.
@Suite struct RecipientNoticeAPITests {
    static let policy: PolicyFixture = {
        var fixture = PolicyFixture.withRequests()
        fixture.recipients = """
          - id: mailer
            name: Verzendhuis B.V.
            role: processor
            country: NL
            purposes: [service]
            categories: [contact]
            agreement: {reference: "DPA 2025", date: 2025-01-01}
            notify: privacy@verzendhuis.example
          - id: helpdesk
            name: {nl: Onze helpdesk, en: Our help desk}
            role: processor
            country: NL
            purposes: [service]
            categories: [contact]
            agreement: {reference: "DPA 2025", date: 2025-01-01}
        """
        return fixture
    }()

    @Test(arguments: StoreKind.enabled) func anErasureTellsTheRecipientsWithAnAddress(store: StoreKind) async throws {
        let api = try await APIFixture(store: store, policy: Self.policy)
        defer { api.fixture.directory.remove() }
        let outbox = URL(fileURLWithPath: api.fixture.directory.path("outbox"))
        let withOutbox = APIFixture.application(for: api.fixture.vault, logs: api.logs,
                                                configuration: HTTPConfiguration(maximumBodySize: 64 * 1024, outbox: FileOutbox(directory: outbox, from: .example)))
        let withoutOutbox = api.application()
        let subject = try await api.fixture.vault.createSubject(NewSubject(identifiers: [], records: [
            NewRecord(category: "contact", fields: ["email": "jan@voorbeeld.example"], purpose: "service"),
            NewRecord(category: "invoices", fields: ["number": "F-1", "amount": "99.95", "invoice_date": "2026-03-15"]),
        ]), by: VaultFixture.admin)
        try await withoutOutbox.test(.router) { client in
            let disclosed = try await client.send(.post, "/v1/subjects/\(subject)/disclosures", token: api.adminToken,
                                                  json: #"{"recipient":"mailer","purpose":"service","categories":["contact"]}"#)
            #expect(disclosed.status == .noContent, "\(disclosed.text)")
            let submitted = try await client.send(.post, "/v1/requests", token: api.adminToken, json: """
                {"type": "erasure", "subject_id": "\(subject)", "channel": "web", "signed_in_session": true, "categories": ["contact"]}
                """)
            #expect(submitted.status == .created, "\(submitted.text)")
            let request = try #require(try submitted.json()["id"] as? String)
            // A server without an outbox cannot tell anyone: refused before anything changes.
            let refused = try await client.send(.post, "/v1/requests/\(request)/fulfil", token: api.adminToken, json: #"{"notify_recipients": true}"#)
            #expect(refused.status == .unprocessableContent)
            #expect(refused.problemCode == "request.invalid")
            #expect(try await api.fixture.store.snapshot(of: subject)?.records.contains { $0.category == "contact" } == true)
        }
        try await withOutbox.test(.router) { client in
            let whole = try await client.send(.post, "/v1/requests", token: api.adminToken, json: """
                {"type": "erasure", "subject_id": "\(subject)", "channel": "web", "signed_in_session": true}
                """)
            let id = try #require(try whole.json()["id"] as? String)
            let fulfilled = try await client.send(.post, "/v1/requests/\(id)/fulfil", token: api.adminToken, json: #"{"notify_recipients": true}"#)
            #expect(fulfilled.status == .ok, "\(fulfilled.text)")
            let notices = try #require(try fulfilled.json()["recipients_to_notify"] as? [[String: Any]])
            let byID = Dictionary(uniqueKeysWithValues: notices.map { ($0["recipient"] as? String ?? "", $0) })
            #expect(byID["mailer"]?["disclosed"] as? Bool == true)
            #expect(byID["mailer"]?["notified"] as? Bool == true)
            // The help desk has no address: listed, to be told by hand.
            #expect(byID["helpdesk"]?["notified"] as? Bool == false)
        }
        let files = try FileManager.default.contentsOfDirectory(atPath: outbox.path)
        #expect(files.count == 1)
        let message = try String(contentsOfFile: outbox.appendingPathComponent(try #require(files.first)).path, encoding: .utf8)
        #expect(message.contains("To: privacy@verzendhuis.example"))
        #expect(message.contains(subject.rawValue) && message.contains("contact"))
        for value in ["F-1", "99.95", "jan@voorbeeld.example"] {
            #expect(!message.contains(value), "the notice holds no personal value")
        }
        let audited = try await api.fixture.vault.auditEvents(after: 0, subject: subject, limit: 100)
        #expect(audited.contains { $0.entry.reason?.contains("recipients told (art. 19): mailer") == true })
    }
}
