import Foundation
import KluisCore
import KluisTesting
import Testing

/// The retention report on both stores: every record dated, or undated with its reason, and the
/// purposes that apply to people, including what an upgrade inherited from data written before
/// Kluis recorded what data is collected for.
@Suite struct RetentionReportTests {
    static func time(_ text: String) -> Date {
        ISO8601DateFormatter().date(from: text)!
    }

    @Test(arguments: StoreKind.enabled) func everyRecordIsDatedOrSaysWhyNot(store: StoreKind) async throws {
        let fixture = try await VaultFixture(store: store, policy: .withRetention())
        defer { fixture.directory.remove() }
        let vault = fixture.vault
        // Anna: a customer with an invoice and a report that is followed up.
        let anna = try await vault.createSubject(NewSubject(identifiers: [], records: [
            NewRecord(category: "contact", fields: ["email": "anna@voorbeeld.example"]),
            NewRecord(category: "invoices", fields: ["number": "F-1", "invoice_date": "2026-03-15"]),
            NewRecord(category: "invoices", fields: ["number": "F-2", "invoice_date": "2026-09-15"]),
            NewRecord(category: "reports", fields: ["text": "Een melding."]),
        ]), by: VaultFixture.admin)
        try await vault.retention.placeHold("follow_up", on: anna, by: VaultFixture.admin)
        // Bram: contact details written before Kluis recorded what data is collected for.
        let bram = SubjectID.generate()
        let now = fixture.clock.now()
        try await fixture.store.commit([
            .createSubject(bram, createdAt: now),
            // A record is part of a read only with its category's key (the bytes are not opened here).
            .addDataKey(StoredDataKey(subject: bram, category: "contact", wrapped: Data([9, 9]), rootKeyID: "legacy")),
            .putRecord(SealedRecord(subject: bram, category: "contact", id: RecordID.generate(), fields: ["email": Data([1])],
                                    createdAt: now, updatedAt: now)),
        ], audit: [])

        let report = try await vault.retention.report(at: Self.time("2033-06-01T00:00:00Z"))
        #expect(report.dated.map { "\($0.category) \($0.purpose ?? "-") \($0.records) \($0.due)" } == ["invoices bookkeeping 2 1"])
        #expect(report.dated.first?.next == Self.time("2033-03-14T23:00:00Z"), "seven years after the first invoice's date, midnight in Amsterdam")
        #expect(report.undated.map { "\($0.category) \($0.purpose ?? "-") \($0.reason) \($0.detail ?? "-") \($0.records)" } == [
            "contact service awaiting_event contract_end 2",
            "reports moderation hold follow_up 1",
        ])
        #expect(report.applications.map { "\($0.purpose) \($0.reason) \($0.subjects)" } == [
            "bookkeeping collected 1", "moderation collected 1", "service collected 1", "service inherited 1",
        ])
        // Counts only: nothing in it names a person.
        let text = String(decoding: try JSONEncoder().encode(report), as: UTF8.self)
        #expect(!text.contains(anna.rawValue) && !text.contains(bram.rawValue) && !text.contains("anna@"))
    }
}
