import Foundation
import KluisCore
import KluisTesting
import Testing

/// The k-anonymous dataset of jobs-marketplace.yaml's statistics purpose (seed 000: "op basis
/// van geanonimiseerde gegevens statistieken maken"), on both stores. The test counts the
/// combinations of quasi-identifiers itself, from the CSV.
@Suite struct DatasetTests {
    @Test(arguments: StoreKind.enabled) func everyCombinationOfQuasiIdentifiersIsSharedByAtLeastK(store: StoreKind) async throws {
        let file = Fixtures.examplesDirectory.appendingPathComponent("jobs-marketplace.yaml")
        let fixture = try await VaultFixture(store: store, clock: FixedClock("2026-06-01T10:00:00Z"), policy: try Fixtures.validPolicy(file))
        defer { fixture.directory.remove() }
        let vault = fixture.vault
        // Twelve clients who had their bathroom tiled in 1017 in March, ten gardens in 3511 in
        // April, three roofs in 9711 (too few), and one client whose kind of job is unique.
        let groups: [(category: String, area: String, day: String, count: Int)] = [
            ("tiling", "1017", "2026-03-0", 12), ("gardening", "3511", "2026-04-1", 10), ("roofing", "9711", "2026-05-1", 3),
            ("piano_moving", "1017", "2026-03-1", 1),
        ]
        var emails: [String] = []
        var people: [SubjectID] = []
        for group in groups {
            for index in 0..<group.count {
                let email = "klant\(people.count)@voorbeeld.example"
                emails.append(email)
                let subject = try await vault.createSubject(NewSubject(identifiers: [SubjectIdentifier(kind: .email, value: email)], records: [
                    NewRecord(category: "contact", fields: ["name": "Klant \(people.count)", "email": email], purpose: "services"),
                    NewRecord(category: "job_descriptions", fields: ["title": "Klus \(people.count)", "job_category": group.category,
                                                                     "postcode_area": group.area, "posted_on": "\(group.day)\(index % 9 + 1)"],
                              purpose: "services"),
                    NewRecord(category: "reviews", fields: ["rating": "\(index % 5 + 1)", "text": "Tekst \(people.count)"], purpose: "reviews"),
                ]), by: VaultFixture.admin)
                try await vault.recordEvent("account_created", at: nil, for: subject, by: VaultFixture.admin)
                people.append(subject)
            }
        }
        // An objection takes a tiler out: eleven tilers remain, still at least ten.
        _ = try await vault.consents.record(ConsentSubmission(decisions: [ConsentDecision(purpose: "anonymisation", kind: .objected)]),
                                           for: people[0], by: VaultFixture.admin)

        let dataset = try await vault.dataset(for: "anonymisation", by: VaultFixture.admin)
        #expect(dataset.columns == ["job_descriptions.job_category", "job_descriptions.postcode_area", "job_descriptions.posted_on", "reviews.rating"])
        let lines = dataset.csv.split(separator: "\r\n").map(String.init)
        #expect(lines.first == dataset.columns.joined(separator: ","))
        var combinations: [String: Int] = [:]
        for line in lines.dropFirst() {
            let values = line.split(separator: ",", omittingEmptySubsequences: false)
            #expect(values.count == 4)
            combinations[values.prefix(3).joined(separator: ","), default: 0] += 1
        }
        // Counted here, not by Kluis: every combination is shared by at least k = 10 rows.
        #expect(combinations == ["tiling,1017,2026-03": 11, "gardening,3511,2026-04": 10])
        #expect(combinations.values.allSatisfy { $0 >= 10 })
        #expect(dataset.k == 10 && dataset.reachedK == 10)
        #expect(dataset.considered == 25 && dataset.suppressed == 4)
        for value in emails + people.map(\.rawValue) + ["Klant", "Tekst", "Klus "] {
            #expect(!dataset.csv.contains(value), "no identifier or text in the dataset")
        }
        let audited = try await vault.auditEvents(after: 0, subject: nil, limit: 1000).last
        #expect(audited?.entry.action == .export && audited?.entry.purpose == "anonymisation")
        #expect(audited?.entry.reason == "dataset: 21 rows, 4 suppressed, k 10 (asked 10)")

        // A purpose without a dataset, or a key not bound to the purpose, gets none.
        await #expect(throws: VaultError.self) { try await vault.dataset(for: "services", by: VaultFixture.admin) }
        let other = Principal(id: "key_other", purposes: ["services"])
        await #expect(throws: VaultError.self) { try await vault.dataset(for: "anonymisation", by: other) }
    }
}
