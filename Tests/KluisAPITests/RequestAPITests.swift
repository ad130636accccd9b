import Crypto
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import KluisCore
import KluisAPI
import KluisServer
import KluisTesting
import Testing

/// Data-subject requests end to end over the HTTP application, on both stores: intake, identity
/// checks, deadlines, and each kind of fulfilment.
@Suite struct RequestAPITests {
    @Test(arguments: StoreKind.enabled) func anAccessRequestFromIntakeToTheArticle15Package(store: StoreKind) async throws {
        let fixture = try await RequestFixture(store: store)
        defer { fixture.api.fixture.directory.remove() }
        let api = fixture.api
        let subject = try await fixture.makeCustomer()
        try await fixture.application().test(.router) { client in
            // History to show: a read for the service, and a disclosure to the payment processor.
            #expect(try await client.send(.get, "/v1/subjects/\(subject)?purpose=service", token: api.appToken).status == .ok)
            let disclosed = try await client.send(.post, "/v1/subjects/\(subject)/disclosures", token: api.bookkeepingToken,
                                                  json: #"{"recipient":"mollie","purpose":"bookkeeping","categories":["invoices"]}"#)
            #expect(disclosed.status == .noContent)

            let submitted = try await client.send(.post, "/v1/requests", token: api.appToken, json: """
                {"type":"access","identifiers":{"email":"Jan.Jansen@voorbeeld.example"},"channel":"email"}
                """)
            #expect(submitted.status == .created)
            let request = try submitted.json()
            let id = try #require(request["id"] as? String)
            #expect(request["subject_id"] as? String == subject.rawValue)
            #expect(request["state"] as? String == "received")
            #expect(!submitted.text.contains("voorbeeld.example"))
            let deadlines = try #require(request["deadlines"] as? [String: Any])
            // Received Saturday 21 November 2026; four weeks is 19 December, a Saturday.
            #expect(deadlines["target"] as? String == "2026-12-19")
            #expect(deadlines["deadline"] as? String == "2026-12-21")
            #expect(deadlines["extended_deadline"] as? String == "2027-02-22")

            // No package before the identity is verified.
            let early = try await client.send(.get, "/v1/requests/\(id)/export", token: api.adminToken)
            #expect(early.problemCode == "request.state_invalid")

            let sent = try await client.send(.post, "/v1/requests/\(id)/verification-code", token: api.appToken)
            #expect(sent.status == .ok)
            #expect(try sent.json()["state"] as? String == "awaiting_identification")
            #expect(try sent.json()["code_outstanding"] as? Bool == true)
            let code = try #require(try fixture.lastCode())
            let wrong = code == "000000" ? "111111" : "000000"
            let refused = try await client.send(.post, "/v1/requests/\(id)/verify", token: api.appToken,
                                                json: #"{"method":"registered_email","code":"\#(wrong)"}"#)
            #expect(refused.status == .unprocessableContent)
            #expect(refused.problemCode == "request.code_wrong")
            let verified = try await client.send(.post, "/v1/requests/\(id)/verify", token: api.appToken,
                                                 json: #"{"method":"registered_email","code":"\#(code)"}"#)
            #expect(verified.status == .ok)
            let verifiedBody = try verified.json()
            #expect(verifiedBody["state"] as? String == "in_progress")
            #expect((verifiedBody["identity"] as? [String: Any])?["method"] as? String == "registered_email")
            #expect(!verified.text.contains(code))

            let export = try await client.send(.get, "/v1/requests/\(id)/export?format=json&lang=en", token: api.adminToken)
            #expect(export.status == .ok)
            let package = try export.json()
            #expect(package["processed"] as? Bool == true)
            let data = try #require(package["data"] as? [[String: Any]])
            #expect(Set(data.compactMap { $0["category"] as? String }) == ["contact", "invoices"])
            #expect(export.text.contains("jan.jansen@voorbeeld.example"))
            #expect(export.text.contains("F-2026-0042"))
            // Exactly the purposes that apply: data was collected for them. Not the newsletter
            // (no consent) nor fraud checks (no contract started), although both use contact details.
            let purposes = try #require(package["purposes"] as? [[String: Any]])
            #expect(purposes.compactMap { $0["purpose"] as? String } == ["service", "bookkeeping"])
            #expect(purposes.allSatisfy { $0["reasons"] as? [String] == ["collected"] && $0["since"] as? String == "2026-11-21T10:00:00Z" })
            #expect(purposes.first?["groups"] as? [String] == ["customers"])
            let disclosures = try #require(package["disclosures"] as? [[String: Any]])
            #expect(disclosures.map { $0["recipient"] as? String } == ["mollie"])
            #expect((package["recipients"] as? [[String: Any]])?.isEmpty == false)
            let retention = try #require(package["retention"] as? [[String: Any]])
            let invoices = try #require(retention.first { $0["category"] as? String == "invoices" })
            // Seven years after the invoice date (bookkeeping) is the latest of its purposes.
            #expect(invoices["erase_by"] as? String == "2033-03-14T23:00:00Z")
            let contact = try #require(retention.first { $0["category"] as? String == "contact" })
            // The contract has not ended, so its clock has not started: at most ten years after collection.
            #expect(contact["erase_by"] as? String == "2036-11-21T10:00:00Z")
            let rights = try #require(package["rights"] as? [String: Any])
            #expect((rights["rights"] as? [String])?.count ?? 0 >= 4)
            #expect(rights["authority"] as? String == "Autoriteit Persoonsgegevens")
            #expect(package["automated_decisions"] as? [Any] != nil)
            #expect(package["transfers"] as? [Any] != nil)
            #expect(package["sources"] as? [Any] != nil)
            let history = try #require(package["access_history"] as? [[String: Any]])
            #expect(history.contains { $0["action"] as? String == "read" && $0["actor"] as? String == "app" && $0["purpose"] as? String == "service" })
            #expect(history.contains { $0["action"] as? String == "disclosure" && $0["reason"] as? String == "mollie" })

            let page = try await client.send(.get, "/v1/requests/\(id)/export?format=html&lang=nl", token: api.adminToken)
            #expect(page.headers[.contentType] == "text/html; charset=utf-8")
            for text in ["Inzage in uw gegevens", "jan.jansen@voorbeeld.example", "Mollie B.V.", "Wie uw gegevens inzag", "Autoriteit Persoonsgegevens"] {
                #expect(page.text.contains(text))
            }

            let fulfilled = try await client.send(.post, "/v1/requests/\(id)/fulfil", token: api.adminToken, json: "{}")
            #expect(fulfilled.status == .ok)
            #expect((try fulfilled.json()["request"] as? [String: Any])?["state"] as? String == "fulfilled")
            let history2 = try await client.send(.get, "/v1/requests/\(id)", token: api.adminToken)
            #expect((try history2.json()["history"] as? [[String: Any]])?.compactMap { $0["state"] as? String }
                == ["received", "awaiting_identification", "in_progress", "fulfilled"])
        }
        let requestEvents = try await fixture.vault.auditEvents(after: 0, subject: subject, limit: 100)
            .filter { $0.entry.action == AuditAction.request }
        #expect(requestEvents.count == 5)
        #expect(try await fixture.vault.verifyAudit().isIntact)
        #expect(!fixture.api.logs.text.contains("jan.jansen"))
    }

    @Test(arguments: StoreKind.enabled) func erasureKeepsWhatTheLawRequiresRestrictedAndIsCertified(store: StoreKind) async throws {
        let fixture = try await RequestFixture(store: store)
        defer { fixture.api.fixture.directory.remove() }
        let api = fixture.api
        let subject = try await fixture.makeCustomer()
        try await fixture.application().test(.router) { client in
            let submitted = try await client.send(.post, "/v1/requests", token: api.appToken, json: """
                {"type":"erasure","subject_id":"\(subject)","channel":"web","signed_in_session":true}
                """)
            #expect(submitted.status == .created)
            let id = try #require(try submitted.json()["id"] as? String)
            #expect(try submitted.json()["state"] as? String == "in_progress")

            let fulfilled = try await client.send(.post, "/v1/requests/\(id)/fulfil", token: api.adminToken, json: "{}")
            #expect(fulfilled.status == .ok)
            let body = try fulfilled.json()
            let erasure = try #require(body["erasure"] as? [String: Any])
            #expect(Set(erasure["erased"] as? [String] ?? []).isSuperset(of: ["contact", "_identity"]))
            let kept = try #require(erasure["kept"] as? [[String: Any]])
            #expect(kept.map { $0["category"] as? String } == ["invoices"])
            #expect(kept.first?["purpose"] as? String == "bookkeeping")
            #expect(kept.first?["until"] as? String == "2033-03-14T23:00:00Z")
            // Mollie receives invoices only, and those are kept: it has nothing to be told.
            #expect((body["recipients_to_notify"] as? [[String: Any]])?.contains { $0["recipient"] as? String == "mollie" } == false)

            // The certificate is an ES256 JWS over the journal entry, checked against the published key.
            let certificate = try #require(body["certificate"] as? String)
            let keys = try await client.send(.get, "/v1/consent-receipts/keys", token: nil).json()
            let jwk = try #require((keys["keys"] as? [[String: Any]])?.first)
            let x = try #require(Data(base64URL: jwk["x"] as? String ?? "")), y = try #require(Data(base64URL: jwk["y"] as? String ?? ""))
            let key = try P256.Signing.PublicKey(x963Representation: Data([4]) + x + y)
            let parts = certificate.split(separator: ".").map(String.init)
            #expect(parts.count == 3)
            let signature = try P256.Signing.ECDSASignature(rawRepresentation: try #require(Data(base64URL: parts[2])))
            #expect(key.isValidSignature(signature, for: Data("\(parts[0]).\(parts[1])".utf8)))
            let payload = try #require(Data(base64URL: parts[1]))
            let content = String(decoding: payload, as: UTF8.self)
            #expect(content.contains("\"contact\""))
            #expect(content.contains("\"erased_at\":\"2026-11-21T10:00:00Z\""))
            #expect(!content.contains("voorbeeld.example"))
            #expect(!content.contains("F-2026-0042"))

            // Contact details are gone for every purpose, and with them the reason the service
            // applied to the person; invoices stay for bookkeeping only.
            let service = try await client.send(.get, "/v1/subjects/\(subject)?purpose=service", token: api.appToken)
            #expect(service.status == .forbidden)
            #expect(try service.json()["code"] as? String == "purpose.not_applicable")
            let books = try await client.send(.get, "/v1/subjects/\(subject)?purpose=bookkeeping", token: api.bookkeepingToken)
            #expect(books.text.contains("F-2026-0042"))
            #expect(!books.text.contains("jan.jansen"))
            let lookup = try await client.send(.post, "/v1/subjects/lookup", token: api.appToken,
                                               json: #"{"kind":"email","value":"jan.jansen@voorbeeld.example"}"#)
            #expect(lookup.status == .notFound)
        }
        let snapshot = try #require(try await fixture.api.fixture.store.snapshot(of: subject))
        #expect(Set(snapshot.records.map(\.category)) == ["invoices"])
        #expect(snapshot.dataKeys.map(\.category) == ["invoices"])
        #expect(snapshot.identifiers.isEmpty)
        #expect(snapshot.restrictions.map(\.ground) == [.legalObligation])
        #expect(snapshot.restrictions.first?.allowedPurposes == ["bookkeeping"])
        let journal = try await fixture.vault.requests.erasureJournal()
        #expect(journal.map(\.record.subject) == [subject])
        #expect(try await fixture.vault.verifyAudit().isIntact)
    }

    @Test(arguments: StoreKind.enabled) func anErasureWithNothingToKeepRemovesTheSubject(store: StoreKind) async throws {
        let fixture = try await RequestFixture(store: store)
        defer { fixture.api.fixture.directory.remove() }
        let subject = try await fixture.api.fixture.makeSubject()
        let request = try await fixture.vault.requests.submit(RequestSubmission(type: .erasure, subject: subject, signedInSession: true),
                                                            by: VaultFixture.admin)
        let done = try await fixture.vault.requests.fulfil(request.request.id, by: VaultFixture.admin)
        #expect(done.erasure?.kept.isEmpty == true)
        #expect(try await fixture.api.fixture.store.snapshot(of: subject) == nil)
        await #expect(throws: VaultError.self) {
            try await fixture.vault.lookup(SubjectIdentifier(kind: .email, value: "jan.jansen@voorbeeld.example"), by: VaultFixture.admin)
        }
        // The request outlives the subject, without personal values.
        #expect(try await fixture.vault.requests.status(of: request.request.id).request.state == .fulfilled)
    }
}

extension Data {
    /// Decodes base64url without padding.
    init?(base64URL text: String) {
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while base64.count % 4 != 0 { base64 += "=" }
        self.init(base64Encoded: base64)
    }
}
