import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import KluisCore
import KluisTesting
import Testing

/// A purpose marked `pseudonymised` (research, statistics) reads keyed pseudonyms and
/// generalised values, never a value as stored.
@Suite struct PseudonymisedReadTests {
    static let policy: PolicyFixture = {
        var fixture = PolicyFixture.withRetention()
        for id in ["statistics", "research"] {
            fixture.purposes += """

              - id: \(id)
                name: {nl: Onderzoek \(id), en: Research \(id)}
                legal_basis: legitimate_interest
                interest: {nl: Onze dienst verbeteren., en: Improving our service.}
                subjects: [customers]
                categories: [contact, applications]
                applies_from: [study_joined]
                pseudonymised: true
                retention: {anchor: collected, duration: P1Y, then: delete}
            """
        }
        return fixture
    }()

    @Test(arguments: StoreKind.enabled) func aPseudonymisedReadNeverShowsAValueAsStored(store: StoreKind) async throws {
        let api = try await APIFixture(store: store, policy: Self.policy)
        defer { api.fixture.directory.remove() }
        let vault = api.fixture.vault
        let statistics = try await vault.createAPIKey(name: "stats", purposes: ["statistics"], by: VaultFixture.admin).token
        let research = try await vault.createAPIKey(name: "lab", purposes: ["research"], by: VaultFixture.admin).token
        var people: [SubjectID] = []
        for (email, motivation) in [("anna@voorbeeld.example", "Ik werk graag met mensen."), ("bram@voorbeeld.example", "Ik zoek een nieuwe uitdaging.")] {
            let subject = try await vault.createSubject(NewSubject(identifiers: [], records: [
                NewRecord(category: "contact", fields: ["email": email, "phone": "06 1234 5678"], purpose: "service"),
                NewRecord(category: "applications", fields: ["vacancy": "vac_3", "postcode": "1017 BS", "birth_date": "1990-02-28",
                                                             "motivation": motivation], purpose: "recruitment"),
            ]), by: VaultFixture.admin)
            try await vault.recordEvent("study_joined", at: nil, for: subject, by: VaultFixture.admin)
            people.append(subject)
        }
        let subjects = people
        try await api.application().test(.router) { client in
            func fields(_ subject: SubjectID, _ purpose: String, _ token: String) async throws -> (text: String, contact: [String: String], application: [String: String]) {
                let read = try await client.send(.get, "/v1/subjects/\(subject)?purpose=\(purpose)", token: token)
                #expect(read.status == .ok, "\(read.text)")
                let categories = try #require(try read.json()["categories"] as? [String: [[String: Any]]])
                return (read.text, categories["contact"]?.first?["fields"] as? [String: String] ?? [:],
                        categories["applications"]?.first?["fields"] as? [String: String] ?? [:])
            }
            let anna = try await fields(subjects[0], "statistics", statistics)
            // Generalised where the category says how; a keyed pseudonym everywhere else.
            #expect(anna.application["vacancy"] == "vac_3")
            #expect(anna.application["postcode"] == "1017")
            #expect(anna.application["birth_date"] == "1990")
            #expect(anna.application["motivation"]?.hasPrefix("psd_") == true)
            #expect(anna.contact["email"]?.hasPrefix("psd_") == true)
            for stored in ["anna@voorbeeld.example", "06 1234 5678", "1017 BS", "1990-02-28", "Ik werk graag"] {
                #expect(!anna.text.contains(stored))
            }
            // Stable for the purpose, so equal values can be counted: the same phone, the same pseudonym.
            #expect(try await fields(subjects[0], "statistics", statistics).contact == anna.contact)
            let bram = try await fields(subjects[1], "statistics", statistics)
            #expect(bram.contact["phone"] == anna.contact["phone"])
            #expect(bram.contact["email"] != anna.contact["email"])
            // Another purpose cannot link its pseudonyms to these.
            let elsewhere = try await fields(subjects[0], "research", research)
            #expect(elsewhere.contact["email"] != anna.contact["email"])
            #expect(elsewhere.contact["email"]?.hasPrefix("psd_") == true)
        }
    }
}
