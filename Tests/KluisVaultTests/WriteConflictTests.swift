import Foundation
import KluisCore
import KluisTesting
import Testing

/// Work prepared on a person as read, while another transaction takes the last record of a
/// category and its data key: a write's commit finds its key gone, is prepared again under a new
/// key, and lands readable; a proposal sealed under the key is refused.
@Suite struct WriteConflictTests {
    static let moderator = Principal(id: "key_moderation", purposes: ["moderation"])

    @Test(arguments: StoreKind.enabled)
    func aWritePreparedBeforeItsKeyWentIsPreparedAgain(store kind: StoreKind) async throws {
        let fixture = try await VaultFixture(store: kind, clock: FixedClock("2024-01-15T10:00:00Z"), policy: .withRetention())
        let vault = fixture.vault
        let person = try await vault.createSubject(NewSubject(
            identifiers: [SubjectIdentifier(kind: .email, value: "anna@voorbeeld.example")],
            records: [
                NewRecord(category: "contact", fields: ["email": "anna@voorbeeld.example"], purpose: "service"),
                NewRecord(category: "reports", fields: ["text": "Eerste melding."]),
            ]), by: VaultFixture.admin)
        // What a sweep does to the category, held open: the write reads the person with the
        // key, then waits for this transaction to commit before its own.
        let holder = try await HeldTransaction.begin(on: fixture, [
            "DELETE FROM records WHERE subject_id = '\(person.rawValue)' AND category = 'reports'",
            "DELETE FROM data_keys WHERE subject_id = '\(person.rawValue)' AND category = 'reports'",
        ])
        let write = Task {
            try await vault.write(NewRecord(category: "reports", fields: ["text": "Tweede melding."]), for: person, by: Self.moderator)
        }
        try await holder.commitOnceWaitedFor()
        _ = try await write.value

        let read = try await vault.read(person, for: "moderation", by: Self.moderator)
        #expect(read.records.map { $0.fields["text"] } == ["Tweede melding."], "the report opens with the key it was sealed under")
        let writes = try await vault.auditEvents(limit: 100).filter { $0.entry.action == .write && $0.entry.subject == person }
        #expect(writes.count == 1, "the refused attempt left nothing in the audit log")
    }

    /// A correction proposed in the privacy center is sealed under the key of the record it
    /// corrects: when a sweep takes record and key before the request commits, the request is
    /// refused as a conflict and nothing is stored; filed again, it finds no record to correct.
    @Test(arguments: StoreKind.enabled)
    func aProposalSealedUnderAKeyThatWentIsRefused(store kind: StoreKind) async throws {
        let fixture = try await VaultFixture(store: kind)
        let vault = fixture.vault
        // SQLite shows no sign of a writer waiting, so the held transaction commits after a
        // while; on a loaded machine the request may not have read the person by then, and
        // finds no record. Each round waits longer, until the request read first.
        for (round, settle) in [0.5, 2, 8].enumerated() {
            let person = try await fixture.makeSubject(email: "persoon\(round)@voorbeeld.example")
            let record = try #require(try await fixture.store.snapshot(of: person)?.records.first { $0.category == "contact" })
            let proposal = RequestService.ProposedValue(category: "contact", record: record.id, field: "phone", value: "06 3333 4444")
            let holder = try await HeldTransaction.begin(on: fixture, [
                "DELETE FROM records WHERE subject_id = '\(person.rawValue)' AND category = 'contact'",
                "DELETE FROM data_keys WHERE subject_id = '\(person.rawValue)' AND category = 'contact'",
            ])
            let filing = Task {
                try await vault.requests.submitOwn(.rectification, proposing: [proposal], signedInBy: .registeredEmail, by: .person(person))
            }
            try await holder.commitOnceWaitedFor(orAfter: .seconds(settle))
            let refusal = await #expect(throws: VaultError.self) { _ = try await filing.value }
            let requests = try await vault.auditEvents(limit: 100).filter { $0.entry.action == .request && $0.entry.subject == person }
            #expect(requests.isEmpty, "the refused request left nothing behind")
            if refusal?.code == .recordNotFound, kind == .sqlite { continue } // read after the commit: wait longer
            #expect(refusal == VaultError.keyChanged)
            let again = await #expect(throws: VaultError.self) {
                _ = try await vault.requests.submitOwn(.rectification, proposing: [proposal], signedInBy: .registeredEmail, by: .person(person))
            }
            #expect(again?.code == .recordNotFound)
            return
        }
        Issue.record("the request never read the person before the held transaction committed")
    }
}
