import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import KluisCore
import KluisTesting
import Testing

/// Disclosures are checked before they are logged: the recipient must be named for the purpose
/// and the categories, and the purpose must be one that may use the person's data now.
@Suite struct DisclosureAPITests {
    static let policy: PolicyFixture = {
        var fixture = PolicyFixture.withConsent()
        fixture.recipients = """
          - id: mollie
            name: Mollie B.V.
            role: processor
            country: NL
            purposes: [bookkeeping]
            categories: [invoices]
            agreement: {reference: "DPA 2024", date: 2024-03-01}
          - id: mailer
            name: Verzendhuis B.V.
            role: processor
            country: NL
            purposes: [newsletter]
            agreement: {reference: "DPA 2025", date: 2025-01-01}
          - id: fraudwatch
            name: Fraudewacht B.V.
            role: processor
            country: NL
            purposes: [fraud_checks]
            agreement: {reference: "DPA 2025", date: 2025-01-01}
        """
        return fixture
    }()

    @Test(arguments: StoreKind.enabled) func eachRefusedDisclosureChangesNothingAndEachAllowedOneIsLogged(store: StoreKind) async throws {
        let api = try await APIFixture(store: store, policy: Self.policy)
        defer { api.fixture.directory.remove() }
        let vault = api.fixture.vault
        let subject = try await vault.createSubject(NewSubject(identifiers: [], records: [
            NewRecord(category: "contact", fields: ["email": "jan@voorbeeld.example"], purpose: "service"),
            NewRecord(category: "invoices", fields: ["number": "F-1", "invoice_date": "2026-03-15"]),
        ]), by: VaultFixture.admin)
        try await api.application().test(.router) { client in
            let disclose = { (recipient: String, purpose: String, categories: String) in
                try await client.send(.post, "/v1/subjects/\(subject)/disclosures", token: api.adminToken,
                                      json: #"{"recipient":"\#(recipient)","purpose":"\#(purpose)","categories":[\#(categories)]}"#)
            }
            let consent = { (decision: String) in
                try await client.send(.post, "/v1/subjects/\(subject)/consents", token: api.appToken,
                                      json: #"{"decisions":{"newsletter":"\#(decision)"},"birth_date":"1990-05-17"}"#)
            }
            // Allowed: the payment processor receives invoices for bookkeeping, which applies.
            #expect(try await disclose("mollie", "bookkeeping", #""invoices""#).status == .noContent)
            // The policy names Mollie for invoices only, not for contact details.
            let unlisted = try await disclose("mollie", "bookkeeping", #""contact""#)
            #expect(unlisted.status == .unprocessableContent)
            #expect(unlisted.problemCode == "disclosure.not_listed")
            // The newsletter rests on consent: none yet, then given, then objected to.
            let unconsented = try await disclose("mailer", "newsletter", #""contact""#)
            #expect(unconsented.status == .forbidden)
            #expect(unconsented.problemCode == "consent.required")
            #expect(try await consent("given").status == .created)
            #expect(try await disclose("mailer", "newsletter", #""contact""#).status == .noContent)
            #expect(try await consent("objected").status == .created)
            let objected = try await disclose("mailer", "newsletter", #""contact""#)
            #expect(objected.status == .forbidden)
            #expect(objected.problemCode == "objection.in_force")
            // Fraud checks apply from a contract's start, which has not happened.
            let notApplicable = try await disclose("fraudwatch", "fraud_checks", #""contact""#)
            #expect(notApplicable.status == .forbidden)
            #expect(notApplicable.problemCode == "purpose.not_applicable")
            // A restriction of the contact details (art. 18) stops their disclosure for bookkeeping.
            try await api.fixture.store.commit([
                .setRestrictions(subject, [Restriction(categories: ["contact"], ground: .accuracyContested, since: api.fixture.clock.now())], replacing: []),
            ], audit: [])
            var widened = Self.policy
            widened.recipients = widened.recipients.replacingOccurrences(of: "categories: [invoices]", with: "categories: [invoices, contact]")
            let reopened = try await api.fixture.reopened(with: widened)
            let restricted = try await APIFixture.application(for: reopened, logs: api.logs).test(.router) { other in
                try await other.send(.post, "/v1/subjects/\(subject)/disclosures", token: api.adminToken,
                                     json: #"{"recipient":"mollie","purpose":"bookkeeping","categories":["contact"]}"#)
            }
            #expect(restricted.status == .forbidden)
            #expect(restricted.problemCode == "category.restricted")

            // Only the two allowed disclosures are in the log.
            let events = try await vault.auditEvents(after: 0, subject: subject, limit: 100)
            let disclosures = events.filter { $0.entry.action == .disclosure }
            #expect(disclosures.map { $0.entry.reason } == ["mollie", "mailer"])
            #expect(disclosures.map(\.entry.categories) == [["invoices"], ["contact"]])
        }
    }
}
