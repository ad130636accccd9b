import Foundation
import KluisCore
import KluisTesting
import Testing

/// What is computed from a person's whole state, a record's erase-by date above all, is
/// committed only on the person as read: another node's change in between makes the commit fail,
/// and the operation is prepared again on the person as they now are.
@Suite struct SubjectRevisionTests {
    static let service = Principal(id: "key_service", purposes: ["service"])

    /// Another node records the end of the person's contract while a write of their contact
    /// details, prepared before it, waits to commit: the write is prepared again, and the record
    /// is due two years after the contract's end, as the policy says, instead of never.
    @Test(arguments: StoreKind.enabled)
    func aWritePreparedBeforeAnEventIsDatedFromIt(store kind: StoreKind) async throws {
        let fixture = try await VaultFixture(store: kind, clock: FixedClock("2024-01-15T10:00:00Z"), policy: .withRetention())
        let vault = fixture.vault
        let person = try await vault.createSubject(NewSubject(
            identifiers: [SubjectIdentifier(kind: .email, value: "anna@voorbeeld.example")],
            records: [NewRecord(category: "contact", fields: ["email": "anna@voorbeeld.example"], purpose: "service")]),
            by: VaultFixture.admin)
        let contractEnd = fixture.clock.now() - 86_400
        let id = fixture.postgresLocation == nil ? "id" : "subject_id"
        // What `recordEvent` commits on another node: the event, and the person counted up.
        let holder = try await HeldTransaction.begin(on: fixture, [
            "INSERT INTO events (subject_id, name, at) VALUES ('\(person.rawValue)', 'contract_end', \(contractEnd.timeIntervalSince1970))",
            "UPDATE subjects SET revision = revision + 1 WHERE \(id) = '\(person.rawValue)'",
        ])
        let write = Task {
            try await vault.write(NewRecord(category: "contact", fields: ["email": "anna@voorbeeld.example", "phone": "06 1111 2222"],
                                            purpose: "service"), for: person, by: Self.service)
        }
        try await holder.commitOnceWaitedFor(orAfter: .seconds(0.5))
        _ = try await write.value

        let snapshot = try #require(try await fixture.store.snapshot(of: person))
        let contact = try #require(snapshot.records.first { $0.category == "contact" })
        let eraseBy = try #require(contact.schedule?.eraseBy, "the record has an erase-by date once the contract has ended")
        let twoYears = eraseBy.timeIntervalSince(contractEnd) / 86_400
        #expect(twoYears >= 729 && twoYears <= 732, "due about two years after the contract's end, not \(twoYears) days")
        #expect(snapshot.revision == 2, "the event and the write each counted the person up once")
    }
}
