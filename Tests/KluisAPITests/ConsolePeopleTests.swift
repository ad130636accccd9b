import Foundation
import HTTPTypes
import HummingbirdTesting
import KluisCore
import KluisTesting
import KluisWeb
import NIOCore
import Testing

/// The desk looks after a person's file: found through the blind index by a form (the address
/// never in a URL), what is held and why without a value, values read for a purpose and audited,
/// an event that moves the erase-by dates, a correction, a disclosure.
@Suite struct ConsolePeopleTests {
    @Test(arguments: StoreKind.enabled) func theDeskRecordsAContractEndAndSeesTheNewDates(store: StoreKind) async throws {
        let console = try await ConsoleFixture(store: store)
        let subject = try await console.api.fixture.makeSubject(email: "marker.person@voorbeeld.example", phone: "06 4444 0001")
        try await console.application().test(.router) { client in
            let desk = WebBrowser(client)
            try await console.enrol(.desk, email: "desk@example.nl", name: "Anne", in: desk)
            try await desk.get("/console/people")
            let nobody = try await desk.post("/console/people", ["kind": "email", "value": "nobody@voorbeeld.example"])
            #expect(nobody.status == .notFound && String(buffer: nobody.body).contains("Niemand is hieronder bekend."))
            let found = try await desk.post("/console/people", ["kind": "email", "value": "Marker.Person@voorbeeld.example"])
            #expect(found.status == .seeOther && found.headers[.location] == "/console/people/\(subject)")
            var file = String(buffer: try await desk.get("/console/people/\(subject)").body)
            #expect(file.contains("Wat we hebben") && file.contains("21 november 2036"), "the latest date the service keeps contact details")
            #expect(!file.contains("marker.person") && !file.contains("4444"), "a value in the file before any read")

            // Values only when read for a purpose.
            let read = String(buffer: try await desk.get("/console/people/\(subject)?purpose=service").body)
            #expect(read.contains("marker.person@voorbeeld.example") && read.contains("06 4444 0001"))
            let record = try #require(try await console.vault.read(subject, for: "service", by: VaultFixture.admin).records.first?.id)
            let form = try await desk.get("/console/people/\(subject)/record?category=contact&record=\(record)&purpose=service")
            #expect(String(buffer: form.body).contains(#"value="06 4444 0001""#))
            let corrected = try await desk.post("/console/people/\(subject)", ["step": "record", "category": "contact", "record": record.rawValue,
                                                                               "field.email": "marker.person@voorbeeld.example",
                                                                               "field.phone": "06 4444 0002"])
            #expect(String(buffer: corrected.body).contains("Het gegeven is opgeslagen."))
            #expect(try await console.vault.read(subject, for: "service", by: VaultFixture.admin).records.first?.fields["phone"] == "06 4444 0002")
            // A new invoice, for the bookkeeping: that purpose now applies, and may be disclosed for.
            try await desk.get("/console/people/\(subject)/record?category=invoices")
            let added = try await desk.post("/console/people/\(subject)", ["step": "record", "category": "invoices", "purpose": "bookkeeping",
                                                                           "field.number": "F-2026-0099", "field.amount": "60.50",
                                                                           "field.invoice_date": "2026-11-01"])
            #expect(String(buffer: added.body).contains("Het gegeven is opgeslagen."))
            let disclosed = try await desk.post("/console/people/\(subject)", ["step": "disclosure", "recipient": "mollie", "purpose": "bookkeeping",
                                                                               "category.invoices": "on"])
            #expect(String(buffer: disclosed.body).contains("De verstrekking is vastgelegd."), "\(String(buffer: disclosed.body).firstMatch(of: /role="alert">[^<]*/).map { String($0.output) } ?? "")")

            // The contract ended a year ago.
            let badDate = try await desk.post("/console/people/\(subject)", ["step": "event", "event": "contract_end", "date": "20-11-2025"])
            #expect(badDate.status == .unprocessableContent)
            let recorded = try await desk.post("/console/people/\(subject)", ["step": "event", "event": "contract_end", "date": "2025-11-20"])
            file = String(buffer: recorded.body)
            #expect(file.contains("De gebeurtenis is vastgelegd"))
            // The service keeps the contact details two years after the contract, no longer ten years
            // from their collection; the bookkeeping keeps them with the invoice, seven years from its date.
            #expect(!file.contains("21 november 2036"), "the erase-by date did not move")
            #expect(file.matches(of: /<td>1 november 2033<\/td>/).count == 2, "the contact details and the invoice go together")
        }
        let events = try await console.vault.auditEvents(subject: subject, limit: 100).map(\.entry)
        #expect(events.contains { $0.action == .lookup && $0.actor.hasPrefix("staff_") })
        #expect(events.contains { $0.action == .read && $0.purpose == "service" && $0.actor.hasPrefix("staff_") }, "the read was not the member's")
        #expect(events.contains { $0.action == .event && $0.actor.hasPrefix("staff_") })
        #expect(events.contains { $0.action == .disclosure && $0.actor.hasPrefix("staff_") })
    }

    @Test func anAuditorCannotReachAPerson() async throws {
        let console = try await ConsoleFixture()
        let subject = try await console.api.fixture.makeSubject()
        try await console.application().test(.router) { client in
            let auditor = WebBrowser(client)
            try await console.enrol(.auditor, email: "audit@example.nl", name: "Aud", in: auditor)
            #expect(try await auditor.get("/console/people").status == .forbidden)
            #expect(try await auditor.get("/console/people/\(subject)?purpose=service").status == .forbidden)
            #expect(try await auditor.get("/console/requests").status == .forbidden)
        }
    }
}
