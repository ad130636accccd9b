import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import KluisCore
import KluisAPI
import KluisServer
import KluisTesting
import Testing

/// Deleting a piece of a person's data on freelance-platform.yaml (seed 001: "U kunt de informatie
/// die wij over u hebben grotendeels zelf aanpassen of verwijderen"): one record, one category,
/// an erasure request scoped to categories, and what a legal obligation keeps.
@Suite struct DeletionAPITests {
    @Test(arguments: StoreKind.enabled) func aPieceGoesWithTheGuaranteesOfAWholeErasure(store: StoreKind) async throws {
        let file = Fixtures.examplesDirectory.appendingPathComponent("freelance-platform.yaml")
        let fixture = try await VaultFixture(store: store, clock: FixedClock("2026-03-02T10:00:00Z"), policy: try Fixtures.validPolicy(file))
        defer { fixture.directory.remove() }
        let vault = fixture.vault
        let admin = try await vault.createAPIKey(name: "desk", purposes: [], isAdmin: true, by: VaultFixture.admin).token
        let app = try await vault.createAPIKey(name: "platform", purposes: ["account_profile", "correspondence", "tax"], by: VaultFixture.admin).token
        let application = KluisApplication.buildApplication(vault: vault, http: HTTPConfiguration(maximumBodySize: 64 * 1024),
                                                 logger: LogCapture().logger())
        let anna = try await vault.createSubject(NewSubject(identifiers: [SubjectIdentifier(kind: .email, value: "anna@voorbeeld.example")], records: [
            NewRecord(category: "contact", fields: ["name": "Anna Bakker", "email": "anna@voorbeeld.example"], purpose: "account_profile"),
            NewRecord(category: "profile_photo", fields: ["photo": "foto-van-anna.jpg"], purpose: "account_profile"),
            NewRecord(category: "cv", fields: ["skills": "Kotlin"], purpose: "account_profile"),
            NewRecord(category: "settings", fields: ["language": "nl"], purpose: "account_profile"),
            NewRecord(category: "correspondence", fields: ["subject": "Vraag 1"], purpose: "correspondence"),
            NewRecord(category: "correspondence", fields: ["subject": "Vraag 2"], purpose: "correspondence"),
            NewRecord(category: "invoices", fields: ["invoice_number": "F-2026-001", "invoice_date": "2026-03-01"], purpose: "tax"),
        ]), by: VaultFixture.admin)
        try await vault.recordEvent("account_created", at: nil, for: anna, by: VaultFixture.admin)
        let original = try #require(try await fixture.store.snapshot(of: anna))
        @Sendable func held() async throws -> [String: Int] {
            var counts: [String: Int] = [:]
            for record in try await fixture.store.snapshot(of: anna)?.records ?? [] { counts[record.category, default: 0] += 1 }
            return counts
        }
        @Sendable func keyCategories() async throws -> Set<String> {
            Set(try await fixture.store.snapshot(of: anna)?.dataKeys.map(\.category) ?? [])
        }

        try await application.test(.router) { client in
            // The photo: the person may delete it themselves, through the platform's key.
            let photo = try await client.send(.delete, "/v1/subjects/\(anna)/profile_photo", token: app)
            #expect(photo.status == .ok, "\(photo.text)")
            #expect(try photo.json()["erased"] as? [String] == ["profile_photo"])
            #expect(try await held()["profile_photo"] == nil)
            #expect(try await !keyCategories().contains("profile_photo"), "its key is destroyed")

            // Account settings only through an erasure request: the platform's key is refused.
            let settings = try await client.send(.delete, "/v1/subjects/\(anna)/settings", token: app)
            #expect(settings.status == .forbidden)
            #expect(settings.problemCode == "erasure.request_only")
            #expect(try await held()["settings"] == 1)

            // One message of two: the other stays, and so does the key that seals it.
            let snapshot = try #require(try await fixture.store.snapshot(of: anna))
            let first = try #require(snapshot.records.first { $0.category == "correspondence" })
            let one = try await client.send(.delete, "/v1/subjects/\(anna)/correspondence/\(first.id)", token: admin)
            #expect(one.status == .ok, "\(one.text)")
            #expect(try await held()["correspondence"] == 1)
            #expect(try await keyCategories().contains("correspondence"))
            let again = try await client.send(.delete, "/v1/subjects/\(anna)/correspondence/\(first.id)", token: admin)
            #expect(again.status == .notFound)

            // The invoice: tax law keeps it, so deleting it is refused and changes nothing.
            let invoice = try #require(snapshot.records.first { $0.category == "invoices" })
            let kept = try await client.send(.delete, "/v1/subjects/\(anna)/invoices/\(invoice.id)", token: admin)
            #expect(kept.status == .conflict)
            #expect(kept.problemCode == "erasure.kept")
            #expect(kept.text.contains("tax") && kept.text.contains("until 2033-12-31"))
            #expect(try await held()["invoices"] == 1)

            // An erasure request for the CV and the invoices: the CV goes, the invoices stay
            // restricted to tax, and Anna stays with the rest of her data.
            let submitted = try await client.send(.post, "/v1/requests", token: admin, json: """
                {"type": "erasure", "subject_id": "\(anna)", "channel": "web", "signed_in_session": true, "categories": ["cv", "invoices"]}
                """)
            #expect(submitted.status == .created, "\(submitted.text)")
            let request = try #require(try submitted.json()["id"] as? String)
            let fulfilled = try await client.send(.post, "/v1/requests/\(request)/fulfil", token: admin, json: "{}")
            #expect(fulfilled.status == .ok, "\(fulfilled.text)")
            let erasure = try #require(try fulfilled.json()["erasure"] as? [String: Any])
            #expect(erasure["erased"] as? [String] == ["cv"])
            #expect((erasure["kept"] as? [[String: Any]])?.map { $0["category"] as? String } == ["invoices"])
            #expect(try await held() == ["contact": 1, "settings": 1, "correspondence": 1, "invoices": 1])
            let restrictions = try #require(try await fixture.store.snapshot(of: anna)?.restrictions)
            #expect(restrictions.map(\.categories) == [["invoices"]])
            #expect(restrictions.first?.allowedPurposes == ["tax"])
            #expect(try await vault.lookup(SubjectIdentifier(kind: .email, value: "anna@voorbeeld.example"), by: VaultFixture.admin) == anna)
        }

        // Each deletion is journalled and audited; a restore of an older copy loses them again.
        let journal = try await vault.requests.erasureJournal()
        #expect(journal.map(\.record.erased) == [["profile_photo"], [], ["cv"]])
        #expect(journal[1].record.scope?.records.count == 1)
        #expect(journal.allSatisfy { $0.record.scope != nil })
        let audited = try await vault.auditEvents(after: 0, subject: anna, limit: 100).filter { $0.entry.action == .erasure }
        #expect(audited.map(\.entry.categories) == [["profile_photo"], ["correspondence"], ["cv"]])

        let restored = try await VaultFixture(store: store, clock: fixture.clock, policy: fixture.policy)
        defer { restored.directory.remove() }
        try await restored.store.commit([.createSubject(anna, createdAt: original.createdAt)]
                                        + original.identifiers.map(StoreChange.addIdentifier) + original.dataKeys.map(StoreChange.addDataKey)
                                        + original.records.map(StoreChange.putRecord), audit: [])
        #expect(try await restored.vault.requests.replayErasures(journal) == 3)
        let replayed = try #require(try await restored.store.snapshot(of: anna))
        var counts: [String: Int] = [:]
        for record in replayed.records { counts[record.category, default: 0] += 1 }
        #expect(counts == ["contact": 1, "settings": 1, "correspondence": 1, "invoices": 1])
        #expect(!replayed.dataKeys.contains { ["profile_photo", "cv"].contains($0.category) })
        #expect(replayed.restrictions.first?.allowedPurposes == ["tax"])
    }
}
