import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import KluisCore
import KluisAPI
import KluisServer
import KluisSQLite
import KluisTesting
import Testing

/// Records that concern several people. Seed 002 (matching-platform.yaml): a reported member
/// does not learn who reported them; seed 001 (freelance-platform.yaml): when a freelancer is
/// erased, the client keeps the record of the response, masked ("Hierdoor weten andere partijen
/// wel wát er is gebeurd, maar zonder dat dit naar u te herleiden is").
@Suite struct SharedRecordAPITests {
    struct Platform {
        let fixture: VaultFixture
        let admin: String
        let app: String
        let application: any ApplicationProtocol

        init(_ policy: String, store: StoreKind, purposes: [String]) async throws {
            let file = Fixtures.examplesDirectory.appendingPathComponent(policy)
            fixture = try await VaultFixture(store: store, clock: FixedClock("2026-01-10T10:00:00Z"), policy: try Fixtures.validPolicy(file))
            admin = try await fixture.vault.createAPIKey(name: "desk", purposes: [], isAdmin: true, by: VaultFixture.admin).token
            app = try await fixture.vault.createAPIKey(name: "platform", purposes: purposes, by: VaultFixture.admin).token
            application = KluisApplication.buildApplication(vault: fixture.vault, http: HTTPConfiguration(maximumBodySize: 64 * 1024),
                                                 logger: LogCapture().logger())
        }

        func create(_ client: some TestClientProtocol, _ category: String, _ fields: String, for purpose: String) async throws -> SubjectID {
            let created = try await client.send(.post, "/v1/subjects", token: admin, json: """
                {"records": [{"category": "\(category)", "purpose": "\(purpose)", "fields": \(fields)}]}
                """)
            #expect(created.status == .created, "\(created.text)")
            return try #require(SubjectID(rawValue: try created.json()["id"] as? String ?? ""))
        }

        func write(_ client: some TestClientProtocol, _ subject: SubjectID, _ category: String, _ fields: String,
                   for purpose: String) async throws -> TestResponse {
            try await client.send(.put, "/v1/subjects/\(subject)/\(category)", token: app, json: #"{"purpose": "\#(purpose)", "fields": \#(fields)}"#)
        }

        func verifiedRequest(_ client: some TestClientProtocol, _ type: String, for subject: SubjectID) async throws -> String {
            // The platform vouches that the person is signed in: verified at once.
            let submitted = try await client.send(.post, "/v1/requests", token: admin, json: """
                {"type": "\(type)", "subject_id": "\(subject)", "channel": "web", "signed_in_session": true}
                """)
            #expect(submitted.status == .created, "\(submitted.text)")
            return try #require(try submitted.json()["id"] as? String)
        }

        func records(of subject: SubjectID, _ category: String) async throws -> [SealedRecord] {
            try await fixture.store.snapshot(of: subject)?.records.filter { $0.category == category } ?? []
        }
    }

    @Test(arguments: StoreKind.enabled) func aReportedMemberDoesNotLearnWhoReportedThem(store: StoreKind) async throws {
        let platform = try await Platform("matching-platform.yaml", store: store, purposes: ["matching", "messaging", "abuse_prevention"])
        defer { platform.fixture.directory.remove() }
        try await platform.application.test(.router) { client in
            let joost = try await platform.create(client, "name", #"{"first_name": "Joost", "last_name": "Visser"}"#, for: "matching")
            let mila = try await platform.create(client, "name", #"{"first_name": "Mila", "last_name": "Hendriks"}"#, for: "matching")

            // A reference is a subject id of someone in the vault; anything else changes nothing.
            let named = try await platform.write(client, mila, "abuse_reports", #"{"reporter": "Joost", "description": "Spam"}"#, for: "abuse_prevention")
            #expect(named.status == .unprocessableContent)
            #expect(named.problemCode == "reference.invalid")
            let unknown = try await platform.write(client, mila, "abuse_reports", #"{"reporter": "\#(SubjectID.generate())", "description": "Spam"}"#,
                                                   for: "abuse_prevention")
            #expect(unknown.status == .unprocessableContent)
            #expect(unknown.problemCode == "reference.unknown")
            #expect(try await platform.records(of: mila, "abuse_reports").isEmpty)

            let report = try await platform.write(client, mila, "abuse_reports",
                                                  #"{"reported_at": "2026-01-09", "reporter": "\#(joost)", "description": "Intimiderende berichten"}"#,
                                                  for: "abuse_prevention")
            #expect(report.status == .ok, "\(report.text)")
            let message = try await platform.write(client, mila, "messages",
                                                   #"{"sender": "\#(joost)", "recipient": "\#(mila)", "sent_at": "2026-01-08", "body": "Ik weet waar je woont"}"#,
                                                   for: "messaging")
            #expect(message.status == .ok, "\(message.text)")
            let own = try await platform.write(client, mila, "messages",
                                               #"{"sender": "\#(mila)", "recipient": "\#(joost)", "sent_at": "2026-01-08", "body": "Laat me met rust"}"#,
                                               for: "messaging")
            #expect(own.status == .ok, "\(own.text)")

            // The organisation, for its purpose, still sees who reported.
            let read = try await client.send(.get, "/v1/subjects/\(mila)?purpose=abuse_prevention", token: platform.app)
            #expect(read.status == .ok, "\(read.text)")
            #expect(read.text.contains(joost.rawValue))

            // Mila's own copy leaves out the reporter, Joost's message to her, and who she wrote
            // to, saying so; her own message stays.
            let access = try await platform.verifiedRequest(client, "access", for: mila)
            let export = try await client.send(.get, "/v1/requests/\(access)/export?format=json&lang=nl", token: platform.admin)
            #expect(export.status == .ok, "\(export.text)")
            #expect(!export.text.contains(joost.rawValue), "the reporter's id is not in the package")
            #expect(!export.text.contains("Ik weet waar je woont"))
            let data = try #require(try export.json()["data"] as? [[String: Any]])
            let reports = try #require(data.first { $0["category"] as? String == "abuse_reports" })
            #expect(reports["redacted_fields"] as? [String] == ["reporter"])
            let reportRecord = try #require((reports["records"] as? [[String: Any]])?.first)
            #expect((reportRecord["fields"] as? [String: String])?["description"] == "Intimiderende berichten")
            #expect((reportRecord["fields"] as? [String: String])?["reporter"] == nil)
            let redaction = try #require((reportRecord["redacted"] as? [[String: Any]])?.first)
            #expect(redaction["role"] as? String == "melder")
            #expect((redaction["reason"] as? String)?.contains("art. 15 lid 4") == true)
            let messages = try #require(data.first { $0["category"] as? String == "messages" }?["records"] as? [[String: Any]])
            let bodies = messages.compactMap { ($0["fields"] as? [String: String])?["body"] }
            #expect(bodies == ["Laat me met rust"])
            #expect(messages.allSatisfy { ($0["fields"] as? [String: String])?.values.contains(joost.rawValue) == false })
            let page = try await client.send(.get, "/v1/requests/\(access)/export?format=html&lang=en", token: platform.admin)
            #expect(page.status == .ok)
            #expect(!page.text.contains(joost.rawValue))
            #expect(page.text.contains("Left out: reporter. This part is about someone else (reporter)"))

            // The portability package leaves Joost's part out too.
            let portability = try await platform.verifiedRequest(client, "portability", for: mila)
            let csv = try await client.send(.get, "/v1/requests/\(portability)/export?format=csv", token: platform.admin)
            #expect(csv.status == .ok, "\(csv.text)")
            #expect(csv.text.contains("Laat me met rust"))
            #expect(!csv.text.contains(joost.rawValue) && !csv.text.contains("Ik weet waar je woont"))
        }
    }

    @Test(arguments: StoreKind.enabled) func anErasedFreelancerIsMaskedInTheClientsRecord(store: StoreKind) async throws {
        let platform = try await Platform("freelance-platform.yaml", store: store, purposes: ["applications", "account_profile"])
        defer { platform.fixture.directory.remove() }
        try await platform.application.test(.router) { client in
            let freelancer = try await platform.create(client, "applications",
                                                       #"{"assignment_id": "A-17", "motivation": "Ik bouw al tien jaar apps."}"#, for: "applications")
            let client_ = try await platform.create(client, "contact", #"{"name": "Bouwbedrijf De Vries", "email": "info@devries.example"}"#,
                                                    for: "account_profile")
            let response = try await platform.write(client, client_, "responses_received", """
                {"assignment_id": "A-17", "freelancer": "\(freelancer)", "freelancer_name": "Fleur Jansen",
                 "motivation": "Ik bouw al tien jaar apps.", "received_at": "2026-01-09", "status": "invited"}
                """, for: "applications")
            #expect(response.status == .ok, "\(response.text)")
            let before = try #require(try await platform.records(of: client_, "responses_received").first)
            #expect(before.mentions.count == 1)

            let erasure = try await platform.verifiedRequest(client, "erasure", for: freelancer)
            let fulfilled = try await client.send(.post, "/v1/requests/\(erasure)/fulfil", token: platform.admin, json: "{}")
            #expect(fulfilled.status == .ok, "\(fulfilled.text)")
            let record = try #require(try fulfilled.json()["erasure"] as? [String: Any])
            #expect(record["masked_records"] as? Int == 1)
            let pseudonym = try #require(record["pseudonym"] as? String)
            #expect(pseudonym.hasPrefix("anon_"))
            // The certificate says the same, signed.
            let certificate = try #require(try fulfilled.json()["certificate"] as? String)
            let claims = try #require(try ConsentAPITests.payload(of: certificate))
            #expect(claims["masked_records"] as? Int == 1 && claims["pseudonym"] as? String == pseudonym)
            #expect(try await platform.fixture.store.snapshot(of: freelancer) == nil)

            // The client still reads what happened, without who it was.
            let read = try await client.send(.get, "/v1/subjects/\(client_)?purpose=applications", token: platform.app)
            #expect(read.status == .ok, "\(read.text)")
            let categories = try #require(try read.json()["categories"] as? [String: [[String: Any]]])
            let fields = try #require(categories["responses_received"]?.first?["fields"] as? [String: String])
            #expect(fields["assignment_id"] == "A-17" && fields["status"] == "invited" && fields["received_at"] == "2026-01-09")
            #expect(fields["freelancer"] == pseudonym && fields["freelancer_name"] == pseudonym && fields["motivation"] == pseudonym)
            #expect(!read.text.contains(freelancer.rawValue) && !read.text.contains("Fleur"))

            // Nothing leads back: no mention is left, and the masked fields were sealed again.
            let mention = try #require(try await platform.records(of: client_, "responses_received").first)
            #expect(mention.mentions.isEmpty)
            for field in ["freelancer", "freelancer_name", "motivation"] {
                #expect(mention.fields[field] != before.fields[field])
            }
            #expect(mention.fields["assignment_id"] == before.fields["assignment_id"], "the client's own part is untouched")
            if store == .sqlite {
                let directory = platform.fixture.directory.url
                for file in try FileManager.default.contentsOfDirectory(atPath: directory.path) {
                    let bytes = try Data(contentsOf: directory.appendingPathComponent(file))
                    for field in ["freelancer", "freelancer_name", "motivation"] {
                        #expect(bytes.range(of: try #require(before.fields[field])) == nil, "the old \(field) is gone from \(file)")
                    }
                }
            }

            // Audited, against the client whose record changed.
            let audited = try await platform.fixture.vault.auditEvents(after: 0, subject: client_, limit: 100)
            #expect(audited.contains { $0.entry.action == .write && $0.entry.reason?.hasPrefix("masked another person's part") == true })
        }
    }

    /// A restore of a backup from before the erasure brings the unmasked record back; replaying
    /// the erasure journal masks it again, under the same pseudonym.
    @Test func aReplayedErasureMasksAgain() async throws {
        let platform = try await Platform("freelance-platform.yaml", store: .sqlite, purposes: ["applications", "account_profile"])
        defer { platform.fixture.directory.remove() }
        let vault = platform.fixture.vault
        let freelancer = try await vault.createSubject(NewSubject(identifiers: [], records: [
            NewRecord(category: "applications", fields: ["assignment_id": "A-17"], purpose: "applications"),
        ]), by: VaultFixture.admin)
        let client = try await vault.createSubject(NewSubject(identifiers: [], records: [
            NewRecord(category: "responses_received", fields: ["assignment_id": "A-17", "freelancer": freelancer.rawValue,
                                                               "motivation": "Tien jaar apps"], purpose: "applications"),
        ]), by: VaultFixture.admin)
        // The backup: a copy of the database file, taken while nothing writes.
        let backup = platform.fixture.directory.path("backup.sqlite")
        try await #require(platform.fixture.store as? SQLiteVaultStore).backup(to: backup)

        let request = try await vault.requests.submit(RequestSubmission(type: .erasure, subject: freelancer, channel: .web, signedInSession: true),
                                                    by: VaultFixture.admin)
        let fulfilment = try await vault.requests.fulfil(request.request.id, by: VaultFixture.admin)
        let pseudonym = fulfilment.erasure?.pseudonym ?? ""
        #expect(pseudonym.hasPrefix("anon_"))

        let restoredStore = try SQLiteVaultStore(path: backup)
        try await restoredStore.prepare()
        let restored = try await Vault.open(store: restoredStore, root: platform.fixture.root, policy: platform.fixture.policy,
                                            clock: platform.fixture.clock)
        let desk = Principal(id: "desk", purposes: ["applications"], isAdmin: true)
        let unmasked = try await restored.read(client, for: "applications", by: desk)
        #expect(unmasked.records.first { $0.category == "responses_received" }?.fields["motivation"] == "Tien jaar apps")
        #expect(try await restored.requests.replayErasures(try await vault.requests.erasureJournal()) == 1)
        let masked = try await restored.read(client, for: "applications", by: desk)
        let fields = try #require(masked.records.first { $0.category == "responses_received" }?.fields)
        #expect(fields["freelancer"] == pseudonym && fields["motivation"] == pseudonym)
        #expect(try await restoredStore.snapshot(of: freelancer) == nil)
    }
}
