import Foundation
import KluisCore
import KluisTesting
import Testing

/// A small dataset run forward in time: each sweep loses exactly what the policy says, on every
/// store, and says so in counts in the audit log.
@Suite struct RetentionSweepTests {
    static let admin = VaultFixture.admin
    static let operator_ = Principal(id: "cli", purposes: [], isAdmin: true)

    static func time(_ text: String) -> Date {
        ISO8601DateFormatter().date(from: text)!
    }

    /// The records left in the store, by category.
    static func categories(_ store: any VaultStore, _ subjects: [SubjectID]) async throws -> [String] {
        var categories: [String] = []
        for subject in subjects {
            categories += try await store.snapshot(of: subject)?.records.map(\.category) ?? []
        }
        return categories.sorted()
    }

    @Test(arguments: StoreKind.enabled)
    func aDatasetRunForwardLosesWhatThePolicySays(store kind: StoreKind) async throws {
        let fixture = try await VaultFixture(store: kind, clock: FixedClock("2024-01-15T10:00:00Z"), policy: .withRetention())
        let vault = fixture.vault
        let operator_ = Self.operator_
        let anna = try await vault.createSubject(NewSubject(
            identifiers: [SubjectIdentifier(kind: .email, value: "anna@voorbeeld.example")],
            records: [
                NewRecord(category: "contact", fields: ["email": "anna@voorbeeld.example", "phone": "06 1111 2222"], purpose: "service"),
                NewRecord(category: "invoices", fields: ["number": "F-1", "amount": "120.00", "invoice_date": "2024-01-10"]),
                NewRecord(category: "applications", fields: ["vacancy": "vac_7", "postcode": "1017 BS", "birth_date": "1987-06-15",
                                                             "motivation": "Anna wil graag bij jullie werken."]),
                NewRecord(category: "reports", fields: ["text": "Melding over Anna."]),
            ]), by: Self.admin)
        let bram = try await vault.createSubject(NewSubject(
            identifiers: [SubjectIdentifier(kind: .email, value: "bram@voorbeeld.example")],
            records: [NewRecord(category: "contact", fields: ["email": "bram@voorbeeld.example", "phone": "06 3333 4444"], purpose: "service")]), by: Self.admin)
        let cor = try await vault.createSubject(NewSubject(
            identifiers: [SubjectIdentifier(kind: .email, value: "cor@voorbeeld.example")],
            records: [NewRecord(category: "reports", fields: ["text": "Melding over Cor."])]), by: Self.admin)
        try await vault.retention.placeHold("follow_up", on: cor, by: operator_)
        try await vault.recordEvent("contract_end", at: Self.time("2024-06-30T12:00:00Z"), for: anna, by: operator_)
        try await vault.recordEvent("account_closed", at: Self.time("2024-07-01T09:00:00Z"), for: anna, by: operator_)
        let request = try await vault.requests.submit(RequestSubmission(type: .access, subject: bram, channel: .email), by: operator_)
        _ = try await vault.requests.reject(request.request.id, reason: "Ingetrokken door de aanvrager.", by: operator_)
        let everyone = [anna, bram, cor]

        // Two months after the report, less a day: nothing is due, and a dry run changes nothing.
        fixture.clock.set(Self.time("2024-03-14T10:00:00Z"))
        let early = try await vault.retention.sweep(dryRun: true)
        #expect(early.removed.counts.isEmpty)
        #expect(early.rescheduled == 0, "dates were computed when the records were written")

        // Anna's report is due; Cor's is held. A dry run counts it and leaves it.
        fixture.clock.set(Self.time("2024-03-16T10:00:00Z"))
        let preview = try await vault.retention.sweep(dryRun: true)
        #expect(preview.removed.counts == [SweepTally.Count(purpose: "moderation", category: "reports", action: .delete, records: 1)])
        #expect(try await Self.categories(fixture.store, everyone) == ["applications", "contact", "contact", "invoices", "reports", "reports"])
        let first = try await vault.retention.sweep()
        #expect(first.removed == SweepTally(counts: [SweepTally.Count(purpose: "moderation", category: "reports", action: .delete, records: 1)]))
        #expect(try await Self.categories(fixture.store, everyone) == ["applications", "contact", "contact", "invoices", "reports"])

        // The account closed on 1 July: the application is anonymised.
        fixture.clock.set(Self.time("2024-07-02T10:00:00Z"))
        let second = try await vault.retention.sweep()
        #expect(second.removed.counts == [SweepTally.Count(purpose: "recruitment", category: "applications", action: .anonymise, records: 1)])
        let anonymous = try await vault.retention.anonymousRecords(category: "applications")
        #expect(anonymous == [AnonymousRecord(category: "applications", purpose: "recruitment", anonymisedOn: CalendarDate("2024-07-02")!,
                                              fields: ["vacancy": "vac_7", "postcode": "1017", "birth_date": "1987"])])
        let anonymised = try await vault.auditEvents(limit: 1000).filter { $0.entry.action == .retention }
        #expect(anonymised.contains { $0.entry.purpose == "recruitment" && $0.entry.categories == ["applications"] && $0.entry.reason == "anonymised 1" })

        // Cor's follow-up closes: the report, long past its two months, goes, and Cor with it.
        fixture.clock.set(Self.time("2024-09-01T10:00:00Z"))
        try await vault.retention.releaseHold("follow_up", on: cor, by: operator_)
        let third = try await vault.retention.sweep()
        #expect(third.removed.records == 1)
        #expect(third.removed.subjectsRemoved == 1)
        #expect(try await fixture.store.snapshot(of: cor) == nil)
        #expect(try await fixture.store.identifierBinding(kind: .email, blindIndex: vault.keys.blindIndex(SubjectIdentifier(kind: .email, value: "cor@voorbeeld.example"))) == nil)

        // Two years after Anna's contract ended her contact details go; her invoice stays. The
        // audit events and the closed request older than a year go too.
        fixture.clock.set(Self.time("2026-06-30T11:59:59Z"))
        #expect(try await vault.retention.sweep(dryRun: true).removed.records == 0, "one second before the end of the term")
        fixture.clock.set(Self.time("2026-06-30T12:00:00Z"))
        let fourth = try await vault.retention.sweep()
        #expect(fourth.removed.counts == [SweepTally.Count(purpose: "service", category: "contact", action: .delete, records: 1)])
        #expect(fourth.removed.subjectsRemoved == 0)
        #expect(fourth.requestsDeleted == 1)
        #expect(fourth.auditEventsReduced > 0)
        #expect(try await fixture.store.request(request.request.id) == nil)
        #expect(try await Self.categories(fixture.store, everyone) == ["contact", "invoices"])
        let swept = try await vault.auditEvents(limit: 1000).filter { $0.entry.action == .retention }
        #expect(swept.contains { $0.entry.purpose == "service" && $0.entry.categories == ["contact"] && $0.entry.reason == "deleted 1" })
        #expect(swept.contains { $0.entry.reason == "requests deleted 1" })
        #expect(swept.contains { $0.entry.reason?.hasPrefix("audit events reduced") == true })

        // Seven years after the invoice date, at midnight in Amsterdam, the invoice goes and Anna
        // with it; Bram, whose contract has not ended, keeps everything.
        fixture.clock.set(Self.time("2031-01-09T22:59:59Z"))
        #expect(try await vault.retention.sweep().removed.records == 0)
        fixture.clock.set(Self.time("2031-01-09T23:00:00Z"))
        let fifth = try await vault.retention.sweep()
        #expect(fifth.removed == SweepTally(counts: [SweepTally.Count(purpose: "bookkeeping", category: "invoices", action: .delete, records: 1)],
                                            subjectsRemoved: 1))
        #expect(try await fixture.store.snapshot(of: anna) == nil)
        #expect(try await Self.categories(fixture.store, everyone) == ["contact"])

        // Events older than a year are reduced; the log holds no value, and still verifies.
        let events = try await vault.auditEvents(limit: 1000)
        #expect(events.contains { $0.entry.reason == "subjects removed 1" && !$0.isReduced })
        let reduced = events.filter(\.isReduced)
        #expect(!reduced.isEmpty)
        #expect(reduced.allSatisfy { $0.entry.subject == nil && $0.entry.actor.isEmpty && $0.entry.reason == nil })
        for event in events {
            let text = "\(event.entry)"
            #expect(!text.contains("anna@") && !text.contains("Melding") && !text.contains("1017 BS"))
        }
        #expect(try await vault.verifyAudit().isIntact)
    }

    @Test(arguments: StoreKind.enabled)
    func aChangedPolicyRecomputesEveryDateBeforeTheNextSweep(store kind: StoreKind) async throws {
        let fixture = try await VaultFixture(store: kind, clock: FixedClock("2024-01-15T10:00:00Z"), policy: .withRetention())
        let subject = try await fixture.vault.createSubject(NewSubject(identifiers: [], records: [NewRecord(category: "reports", fields: ["text": "x"])]),
                                                           by: Self.admin)
        _ = try await fixture.vault.retention.sweep(dryRun: true)
        var longer = PolicyFixture.withRetention()
        longer.purposes = longer.purposes.replacingOccurrences(of: "duration: P2M", with: "duration: P6M")
        let reopened = try await fixture.reopened(with: longer)
        fixture.clock.set(Self.time("2024-04-01T10:00:00Z"))
        let report = try await reopened.retention.sweep()
        #expect(report.rescheduled == 1)
        #expect(report.removed.records == 0, "six months now, not two")
        // 11:00 in Amsterdam in winter and in summer: 10:00 and 09:00 UTC.
        #expect(try await fixture.store.snapshot(of: subject)?.records.first?.schedule?.eraseBy == Self.time("2024-07-15T09:00:00Z"))
    }

    @Test func anUnknownHoldIsRefusedAndChangesNothing() async throws {
        let fixture = try await VaultFixture(policy: .withRetention())
        let subject = try await fixture.vault.createSubject(NewSubject(identifiers: [], records: [NewRecord(category: "reports", fields: ["text": "x"])]),
                                                           by: Self.admin)
        let before = try await fixture.store.snapshot(of: subject)
        await #expect(throws: VaultError.self) { try await fixture.vault.retention.placeHold("dispute", on: subject, by: Self.operator_) }
        #expect(try await fixture.store.snapshot(of: subject) == before)
    }
}
