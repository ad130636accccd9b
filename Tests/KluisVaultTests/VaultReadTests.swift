import Foundation
import KluisCore
import KluisTesting
import Testing

@Suite struct VaultReadTests {
    @Test(arguments: StoreKind.enabled) func readReturnsExactlyThePurposesCategories(store: StoreKind) async throws {
        let fixture = try await VaultFixture(store: store)
        defer { fixture.directory.remove() }
        let subject = try await fixture.makeSubject()
        try await fixture.vault.write(NewRecord(category: "invoices", fields: ["number": "F-1", "amount": "12.50", "invoice_date": "2026-11-01"]),
                                      for: subject, by: VaultFixture.admin)
        let read = try await fixture.vault.read(subject, for: "service", by: VaultFixture.serviceApp)
        #expect(read.records.map(\.category) == ["contact"])
        #expect(read.records.first?.fields == ["email": "jan.jansen@voorbeeld.example", "phone": "06 1234 5678"])
        #expect(read.withheld == ["invoices": .outsidePurpose])
        #expect(!read.breakGlass)
    }

    @Test(arguments: StoreKind.enabled) func expiredRetentionIsWithheldWithItsReason(store: StoreKind) async throws {
        let fixture = try await VaultFixture(store: store)
        defer { fixture.directory.remove() }
        let subject = try await fixture.makeSubject()
        // service keeps contact data until 2 years after the contract ends.
        try await fixture.vault.recordEvent("contract_end", at: fixture.clock.now(), for: subject, by: VaultFixture.admin)
        fixture.clock.advance(by: 2 * 365 * 86_400 - 86_400)
        #expect(try await fixture.vault.read(subject, for: "service", by: VaultFixture.serviceApp).records.count == 1)
        fixture.clock.advance(by: 2 * 86_400)
        let late = try await fixture.vault.read(subject, for: "service", by: VaultFixture.serviceApp)
        #expect(late.records.isEmpty)
        #expect(late.withheld == ["contact": .retentionExpired])
        let events = try await fixture.vault.auditEvents(subject: subject)
        #expect(events.last?.entry.outcome == .partial)
    }

    @Test(arguments: StoreKind.enabled) func aKeyCannotReadForAPurposeItIsNotBoundTo(store: StoreKind) async throws {
        let fixture = try await VaultFixture(store: store)
        defer { fixture.directory.remove() }
        let subject = try await fixture.makeSubject()
        do {
            _ = try await fixture.vault.read(subject, for: "bookkeeping", by: VaultFixture.serviceApp)
            Issue.record("read for an unbound purpose succeeded")
        } catch let error as VaultError {
            #expect(error.code == .purposeNotAllowed)
        }
        let last = try #require(try await fixture.vault.auditEvents(subject: subject).last)
        #expect(last.entry.outcome == .denied)
        #expect(last.entry.purpose == "bookkeeping")
        #expect(last.entry.actor == "key_service")
    }

    @Test(arguments: StoreKind.enabled) func breakGlassNeedsAReasonAndIsFlagged(store: StoreKind) async throws {
        let fixture = try await VaultFixture(store: store)
        defer { fixture.directory.remove() }
        let subject = try await fixture.makeSubject()
        await #expect(throws: VaultError(.breakGlassNeedsReason, "this key is not bound to 'service'; a break-glass read needs a written reason")) {
            _ = try await fixture.vault.read(subject, for: "service", by: VaultFixture.staff, breakGlassReason: "  ")
        }
        let read = try await fixture.vault.read(subject, for: "service", by: VaultFixture.staff, breakGlassReason: "ticket 4711: login fails")
        #expect(read.breakGlass)
        #expect(read.records.count == 1)
        let last = try #require(try await fixture.vault.auditEvents(subject: subject).last)
        #expect(last.entry.breakGlass)
        #expect(last.entry.reason == "ticket 4711: login fails")
        // An application key may not break glass at all.
        await #expect(throws: VaultError.self) {
            _ = try await fixture.vault.read(subject, for: "bookkeeping", by: VaultFixture.serviceApp, breakGlassReason: "curious")
        }
    }

    @Test(arguments: StoreKind.enabled) func lookupFindsTheSubjectByANormalisedIdentifier(store: StoreKind) async throws {
        let fixture = try await VaultFixture(store: store)
        defer { fixture.directory.remove() }
        let subject = try await fixture.makeSubject(email: "Jan.Jansen@Voorbeeld.example")
        let found = try await fixture.vault.lookup(SubjectIdentifier(kind: .email, value: " jan.jansen@voorbeeld.EXAMPLE "), by: VaultFixture.serviceApp)
        #expect(found == subject)
        await #expect(throws: VaultError.self) {
            _ = try await fixture.vault.lookup(SubjectIdentifier(kind: .email, value: "nobody@voorbeeld.example"), by: VaultFixture.serviceApp)
        }
    }

    @Test(arguments: StoreKind.enabled) func aSecondSubjectWithTheSameIdentifierIsRefused(store: StoreKind) async throws {
        let fixture = try await VaultFixture(store: store)
        defer { fixture.directory.remove() }
        _ = try await fixture.makeSubject(email: "same@voorbeeld.example")
        do {
            _ = try await fixture.makeSubject(email: "SAME@voorbeeld.example")
            Issue.record("duplicate identifier accepted")
        } catch let error as VaultError {
            #expect(error.code == .identifierInUse)
            #expect(!error.description.contains("same@"))
        }
    }

    @Test(arguments: StoreKind.enabled) func writesAreValidatedAgainstThePolicy(store: StoreKind) async throws {
        let fixture = try await VaultFixture(store: store)
        defer { fixture.directory.remove() }
        let subject = try await fixture.makeSubject()
        let cases: [(NewRecord, VaultError.Code)] = [
            (NewRecord(category: "photos", fields: ["photo": "x"]), .categoryUnknown),
            (NewRecord(category: "contact", fields: ["bsn": "123456782"]), .fieldUnknown),
            (NewRecord(category: "invoices", id: RecordID.generate(), fields: ["number": "1"]), .recordNotFound),
            (NewRecord(category: "contact", fields: ["email": String(repeating: "a", count: Vault.maximumValueSize + 1)], purpose: "service"), .inputInvalid),
            // The purpose of a write: named when several could be meant, known, and one that uses the category.
            (NewRecord(category: "contact", fields: ["email": "a@voorbeeld.example"], purpose: "marketing"), .purposeUnknown),
            (NewRecord(category: "invoices", fields: ["number": "1"], purpose: "service"), .purposeCategoryUnused),
        ]
        for (record, code) in cases {
            do {
                try await fixture.vault.write(record, for: subject, by: VaultFixture.admin)
                Issue.record("accepted \(record.category)")
            } catch let error as VaultError {
                #expect(error.code == code)
            }
        }
        // A new record must say what it is collected for when several purposes could be meant.
        await #expect(throws: VaultError(.purposeRequired, "")) {
            do {
                _ = try await fixture.vault.createSubject(NewSubject(identifiers: [], records: [NewRecord(category: "contact", fields: ["email": "c@voorbeeld.example"])]),
                                                          by: VaultFixture.admin)
            } catch let error as VaultError {
                throw VaultError(error.code, "")
            }
        }
        // The service key may not write bookkeeping data, nor collect contact details for bookkeeping.
        for record in [NewRecord(category: "invoices", fields: ["number": "1"]),
                       NewRecord(category: "contact", fields: ["email": "b@voorbeeld.example"], purpose: "bookkeeping")] {
            await #expect(throws: VaultError(.purposeNotAllowed, "")) {
                do { try await fixture.vault.write(record, for: subject, by: VaultFixture.serviceApp) } catch let error as VaultError {
                    throw VaultError(error.code, "")
                }
            }
        }
        // Nothing of the refused writes was stored, and bookkeeping, for which nothing was
        // collected, does not apply to the person.
        let read = try await fixture.vault.read(subject, for: "service", by: VaultFixture.admin)
        #expect(read.records.map(\.category) == ["contact"])
        #expect(read.records.first?.fields["email"] == "jan.jansen@voorbeeld.example")
        await #expect(throws: VaultError(.purposeNotApplicable, "")) {
            do { _ = try await fixture.vault.read(subject, for: "bookkeeping", by: VaultFixture.admin) } catch let error as VaultError {
                throw VaultError(error.code, "")
            }
        }
    }

    @Test(arguments: StoreKind.enabled) func correctionsReplaceTheOneRecord(store: StoreKind) async throws {
        let fixture = try await VaultFixture(store: store)
        defer { fixture.directory.remove() }
        let subject = try await fixture.makeSubject()
        let first = try #require(try await fixture.vault.read(subject, for: "service", by: VaultFixture.serviceApp).records.first)
        let id = try await fixture.vault.write(NewRecord(category: "contact", fields: ["email": "nieuw@voorbeeld.example"]),
                                               for: subject, by: VaultFixture.serviceApp)
        #expect(id == first.id)
        let records = try await fixture.vault.read(subject, for: "service", by: VaultFixture.serviceApp).records
        #expect(records.map(\.fields) == [["email": "nieuw@voorbeeld.example"]])
    }
}
