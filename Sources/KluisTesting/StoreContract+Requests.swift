import Foundation
import KluisCore
import Testing

/// Data-subject requests and the erasure journal (``RequestStore``).
extension StoreContract {
    /// A request is stored, replaced as it moves on, listed while open, found by subject; the
    /// erasure journal comes back in order and outlives the subject it is about.
    public func requestsAndTheErasureJournalRoundTrip() async throws {
        let store = try await prepared()
        let subject = SubjectID.generate()
        var access = DataSubjectRequest(type: .access, subject: subject, channel: .email, receivedAt: Self.t0)
        let erasure = DataSubjectRequest(type: .erasure, subject: subject, channel: .web, receivedAt: Self.t0.addingTimeInterval(60))
        try await store.commit(Self.subject(subject, identifierIndex: 1) + [.putRequest(access, replacing: nil), .putRequest(erasure, replacing: nil)], audit: [])
        #expect(try await store.request(access.id) == access)
        #expect(try await store.requests(includeClosed: false, subject: nil, limit: 10).map(\.id) == [access.id, erasure.id])

        let read = access
        try access.move(to: .inProgress, at: Self.t0.addingTimeInterval(120), by: "key_test", note: nil)
        try access.move(to: .fulfilled, at: Self.t0.addingTimeInterval(180), by: "key_test", note: "package delivered")
        try await store.commit([.putRequest(access, replacing: read)], audit: [])
        #expect(try await store.request(access.id)?.state == .fulfilled)
        #expect(try await store.requests(includeClosed: false, subject: nil, limit: 10).map(\.id) == [erasure.id])
        #expect(try await store.requests(includeClosed: true, subject: subject, limit: 10).map(\.id) == [access.id, erasure.id])

        let first = ErasureRecord(subject: subject, request: erasure.id, erasedAt: Self.t0, erased: ["contact"], kept: [],
                                  maskedRecords: 2, pseudonym: "anon_a")
        let second = ErasureRecord(subject: SubjectID.generate(), request: nil, erasedAt: Self.t0, erased: ["cv"], kept: [],
                                   maskedRecords: 0, pseudonym: "", scope: ErasureRecord.Scope(categories: ["cv"]))
        try await store.commit([.eraseSubject(subject, keeping: []), .journalErasure(first), .journalErasure(second)], audit: [])
        let journal = try await store.erasureJournal(after: 0, limit: 10)
        #expect(journal.map(\.record) == [first, second])
        #expect(try await store.erasureJournal(after: journal[0].sequence, limit: 10).map(\.record) == [second])
        #expect(try await store.snapshot(of: subject) == nil)
        #expect(try await store.request(erasure.id) != nil, "requests outlive the subject they are about")
    }
}
