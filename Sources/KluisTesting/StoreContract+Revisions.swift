import Foundation
import KluisCore
import Testing

/// A subject's revision (``SubjectRevisions``): counted up by every commit that changes the
/// person after the one that created them, and expected by what was computed from the person
/// as read.
extension StoreContract {
    public func aCommitPreparedOnAChangedPersonIsRefused() async throws {
        let store = try await prepared()
        let (person, other) = (SubjectID.generate(), SubjectID.generate())
        try await store.commit(Self.subject(person, identifierIndex: 1) + Self.subject(other, identifierIndex: 2), audit: [])
        #expect(try await store.snapshot(of: person)?.revision == 0, "the commit that creates a person does not count")

        try await store.commit([.expectSubject(person, revision: 0), .recordEvent(subject: person, name: "account_closed", at: Self.t0)],
                               audit: [Self.entry(person, .event)])
        #expect(try await store.snapshot(of: person)?.revision == 1)
        let head = try await store.auditHead()
        await Self.expectConflict("prepared on the person before the event") {
            try await store.commit([.expectSubject(person, revision: 0), .recordEvent(subject: person, name: "last_contact", at: Self.t0),
                                    .setLanguage(other, .en)], audit: [Self.entry(person, .event)])
        }
        await Self.expectConflict("two operations prepared on the same person in one commit") {
            try await store.commit([.expectSubject(person, revision: 1), .recordEvent(subject: person, name: "last_contact", at: Self.t0),
                                    .expectSubject(person, revision: 1)], audit: [])
        }
        await Self.expectConflict("a person who is not there") {
            try await store.commit([.expectSubject(SubjectID.generate(), revision: 0)], audit: [])
        }
        let unchanged = try #require(try await store.snapshot(of: person))
        #expect(unchanged.events["last_contact"] == nil && unchanged.revision == 1, "a refused commit writes nothing")
        #expect(try await store.snapshot(of: other)?.language == nil)
        #expect(try await store.auditHead()?.sequence == head?.sequence, "no refused commit is audited")

        // Changes without an expectation count too, once per commit; what belongs to no person does not.
        try await store.commit([.setLanguage(person, .nl), .recordEvent(subject: person, name: "last_contact", at: Self.t0)], audit: [])
        #expect(try await store.snapshot(of: person)?.revision == 2)
        let request = DataSubjectRequest(type: .access, subject: person, channel: .email, receivedAt: Self.t0)
        try await store.commit([.putRequest(request, replacing: nil)], audit: [Self.entry(person, .request)])
        #expect(try await store.snapshot(of: person)?.revision == 2)
        #expect(try await store.snapshot(of: other)?.revision == 0)
        try await store.commit([.expectSubject(person, revision: 2)], audit: [])
        #expect(try await store.snapshot(of: person)?.revision == 3, "an expectation met counts the person up")
    }
}
