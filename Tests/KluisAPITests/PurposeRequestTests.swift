import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import KluisCore
import KluisAPI
import KluisServer
import KluisTesting
import Testing

/// Requests follow the purposes that apply to each person (seed 003, coaching.yaml): an erasure
/// keeps only what a legal obligation that applies to the person must keep, and the access
/// package lists exactly the purposes that apply, with the dates the sweep acts on.
@Suite struct PurposeRequestTests {
    struct Coaching {
        let fixture: VaultFixture
        let admin: String
        let application: any ApplicationProtocol

        init(store: StoreKind) async throws {
            let file = Fixtures.examplesDirectory.appendingPathComponent("coaching.yaml")
            fixture = try await VaultFixture(store: store, clock: FixedClock("2025-01-08T09:00:00Z"), policy: try Fixtures.validPolicy(file))
            admin = try await fixture.vault.createAPIKey(name: "coach", purposes: [], mayBreakGlass: true, isAdmin: true,
                                                         by: VaultFixture.admin).token
            application = KluisApplication.buildApplication(vault: fixture.vault, http: HTTPConfiguration(maximumBodySize: 64 * 1024),
                                                 logger: LogCapture().logger())
        }

        /// A person with a name and an e-mail address collected for `questions`.
        func enquirer(_ client: some TestClientProtocol, email: String) async throws -> String {
            let created = try await client.send(.post, "/v1/subjects", token: admin, json: """
                {"identifiers": {"email": "\(email)"}, "purpose": "questions",
                 "records": [{"category": "name", "fields": {"first_name": "Piet"}}, {"category": "email", "fields": {"email": "\(email)"}}]}
                """)
            #expect(created.status == .created, "\(created.text)")
            return try #require(try created.json()["id"] as? String)
        }

        /// A verified request of `type` for `subject`, checked with a shielded ID copy.
        func verifiedRequest(_ client: some TestClientProtocol, _ type: String, for subject: String) async throws -> String {
            let submitted = try await client.send(.post, "/v1/requests", token: admin, json: #"{"type":"\#(type)","subject_id":"\#(subject)","channel":"email"}"#)
            #expect(submitted.status == .created, "\(submitted.text)")
            let id = try #require(try submitted.json()["id"] as? String)
            let verified = try await client.send(.post, "/v1/requests/\(id)/verify", token: admin, json: #"{"method":"id_copy_shielded"}"#)
            #expect(verified.status == .ok, "\(verified.text)")
            return id
        }
    }

    @Test(arguments: StoreKind.enabled) func anErasureKeepsOnlyWhatALegalObligationThatAppliesMustKeep(store: StoreKind) async throws {
        let coaching = try await Coaching(store: store)
        defer { coaching.fixture.directory.remove() }
        try await coaching.application.test(.router) { client in
            let piet = try await coaching.enquirer(client, email: "piet@voorbeeld.example")
            let jan = try await coaching.enquirer(client, email: "jan@voorbeeld.example")
            let invoice = try await client.send(.put, "/v1/subjects/\(jan)/invoices", token: coaching.admin,
                                                json: #"{"purpose": "billing", "fields": {"invoice_number": "2025-001", "amount": "450.00"}}"#)
            #expect(invoice.status == .ok, "\(invoice.text)")

            // Piet only asked a question: billing does not apply to him, and nothing of his stays.
            let pietErasure = try await coaching.verifiedRequest(client, "erasure", for: piet)
            let erased = try await client.send(.post, "/v1/requests/\(pietErasure)/fulfil", token: coaching.admin, json: "{}")
            #expect(erased.status == .ok, "\(erased.text)")
            #expect(((try erased.json()["erasure"] as? [String: Any])?["kept"] as? [Any])?.isEmpty == true)
            #expect(try await coaching.fixture.store.snapshot(of: #require(SubjectID(rawValue: piet))) == nil)

            // Jan had an invoice: billing keeps it and his name and e-mail, and says why.
            let janErasure = try await coaching.verifiedRequest(client, "erasure", for: jan)
            let partly = try await client.send(.post, "/v1/requests/\(janErasure)/fulfil", token: coaching.admin, json: "{}")
            let kept = try #require((try partly.json()["erasure"] as? [String: Any])?["kept"] as? [[String: Any]])
            #expect(kept.map { $0["category"] as? String } == ["email", "invoices", "name"])
            #expect(kept.allSatisfy { $0["purpose"] as? String == "billing" && $0["until"] as? String == "2032-12-31T22:59:59Z" })
            let questions = try await client.send(.get, "/v1/subjects/\(jan)?purpose=billing", token: coaching.admin,
                                                  headers: [HTTPField.Name("Kluis-Break-Glass-Reason")!: "erasure check"])
            #expect(questions.status == .ok)
        }
    }

    @Test(arguments: StoreKind.enabled) func theAccessPackageListsExactlyThePurposesThatApply(store: StoreKind) async throws {
        let coaching = try await Coaching(store: store)
        defer { coaching.fixture.directory.remove() }
        try await coaching.application.test(.router) { client in
            let jan = try await coaching.enquirer(client, email: "jan@voorbeeld.example")
            coaching.fixture.clock.set(ISO8601DateFormatter().date(from: "2025-01-10T10:00:00Z")!)
            let started = try await client.send(.post, "/v1/subjects/\(jan)/events", token: coaching.admin, json: #"{"name": "contract_start"}"#)
            #expect(started.status == .noContent)
            let file = try await client.send(.put, "/v1/subjects/\(jan)/coaching_file", token: coaching.admin,
                                             json: #"{"purpose": "coaching", "fields": {"intake_notes": "Intake."}}"#)
            #expect(file.status == .ok, "\(file.text)")
            let contact = try await client.send(.post, "/v1/subjects/\(jan)/events", token: coaching.admin,
                                                json: #"{"name": "last_contact", "at": "2025-09-30T14:00:00Z"}"#)
            #expect(contact.status == .noContent)

            let request = try await coaching.verifiedRequest(client, "access", for: jan)
            let export = try await client.send(.get, "/v1/requests/\(request)/export?format=json&lang=en", token: coaching.admin)
            #expect(export.status == .ok, "\(export.text)")
            let package = try export.json()
            let purposes = try #require(package["purposes"] as? [[String: Any]])
            // Not billing (no invoice), quotes, the newsletter, reviews or advertising.
            #expect(purposes.compactMap { $0["purpose"] as? String } == ["questions", "coaching", "service_updates"])
            let byID = Dictionary(uniqueKeysWithValues: purposes.compactMap { purpose in (purpose["purpose"] as? String).map { ($0, purpose) } })
            #expect(byID["questions"]?["reasons"] as? [String] == ["collected"])
            #expect(byID["questions"]?["since"] as? String == "2025-01-08T09:00:00Z")
            #expect(byID["coaching"]?["reasons"] as? [String] == ["collected", "event:contract_start"])
            #expect(byID["coaching"]?["groups"] as? [String] == ["clients"])
            #expect(byID["service_updates"]?["reasons"] as? [String] == ["event:contract_start"])

            // The dates are the sweep's: one year after the last contact, for every category.
            let retention = try #require(package["retention"] as? [[String: Any]])
            #expect(retention.map { $0["category"] as? String } == ["name", "email", "coaching_file"])
            #expect(retention.allSatisfy { $0["erase_by"] as? String == "2026-09-30T14:00:00Z" })
            let swept = try await coaching.fixture.vault.retention.sweep(at: ISO8601DateFormatter().date(from: "2026-09-30T13:59:59Z")!)
            #expect(swept.removed.records == 0)
            let gone = try await coaching.fixture.vault.retention.sweep(at: ISO8601DateFormatter().date(from: "2026-09-30T14:00:00Z")!)
            #expect(gone.removed.records == 3)
            #expect(gone.removed.subjectsRemoved == 1)
        }
    }
}
