import Foundation
import KluisCore
import Testing

/// Commits prepared on a person as read (``StoreChange/expectDataKey(_:)``): a record never
/// lands without the key that opens it, whatever a sweep or erasure did in between.
extension StoreContract {
    /// A record sealed under a key a sweep has since destroyed, or that was destroyed and made
    /// anew, is refused with `store.conflict` and nothing of its commit is written; under the key
    /// still in place it is written. A second key for a pair that has one, and a record for a
    /// person removed meanwhile, are conflicts as well.
    public func recordsUnderAChangedKeyAreRefused() async throws {
        let store = try await prepared()
        let (person, removed) = (SubjectID.generate(), SubjectID.generate())
        let now = Self.t0.addingTimeInterval(86_400)
        let first = StoredDataKey(subject: person, category: "notes", wrapped: Data([1, 1]), rootKeyID: "root-a")
        try await store.commit(Self.subject(person, identifierIndex: 1) + [
            .addDataKey(first), .putRecord(Self.notes(person, dueBy: Self.t0)),
            .createSubject(removed, createdAt: Self.t0), Self.key(removed, "notes"), .putRecord(Self.notes(removed, dueBy: Self.t0)),
        ], audit: [])
        _ = try await store.sweep(dueBy: now, limit: 100, anonymise: { _ in nil }, audit: { _ in [Self.entry(nil, .retention)] })
        #expect(try await store.snapshot(of: person)?.dataKeys.map(\.category) == ["contact"], "the sweep took the emptied key")
        #expect(try await store.snapshot(of: removed) == nil)
        let head = try await store.auditHead()

        let late = Self.notes(person, dueBy: nil)
        await Self.expectConflict { try await store.commit([.expectDataKey(first), .putRecord(late)], audit: [Self.entry(person, .write)]) }
        let second = StoredDataKey(subject: person, category: "notes", wrapped: Data([2, 2]), rootKeyID: "root-a")
        let other = Self.notes(person, dueBy: nil)
        try await store.commit([.addDataKey(second), .expectDataKey(second), .putRecord(other)], audit: [])
        await Self.expectConflict("a key destroyed and made anew is not the key the record was sealed under") {
            try await store.commit([.expectDataKey(first), .putRecord(late)], audit: [Self.entry(person, .write)])
        }
        await Self.expectConflict("a second key for a pair that has one") {
            try await store.commit([.addDataKey(first), .putRecord(late)], audit: [Self.entry(person, .write)])
        }
        await Self.expectConflict("a record of a person the sweep removed") {
            try await store.commit([.putRecord(Self.notes(removed, dueBy: nil))], audit: [Self.entry(removed, .write)])
        }
        let snapshot = try #require(try await store.snapshot(of: person))
        #expect(snapshot.records.filter { $0.category == "notes" }.map(\.id) == [other.id], "a refused commit writes nothing")
        #expect(snapshot.dataKeys.first { $0.category == "notes" }?.wrapped == second.wrapped)
        #expect(try await store.snapshot(of: removed) == nil)
        #expect(try await store.auditHead()?.sequence == head?.sequence, "no refused commit is audited")

        try await store.commit([.expectDataKey(second), .putRecord(late)], audit: [Self.entry(person, .write)])
        #expect(try await store.snapshot(of: person)?.records.contains { $0.id == late.id } == true)
        #expect(try await store.auditHead()?.sequence == head.map { $0.sequence + 1 })
    }

    /// Rounds of a sweep or an erasure that empties a person's category and, at the same moment
    /// from another handle, a write into that category under the key it read: either the write
    /// lands with its key, or it is refused and the category is gone with its key. Never a record
    /// without the key that opens it. And a write that gives a person a new category while a
    /// sweep takes their last record: either the person stays with it, or the write is refused.
    public func writesRacingARemovalNeverLoseTheirKey() async throws {
        let open = try await makeDatabase()
        let (remover, writer) = try await (open(), open())
        try await remover.prepare()
        for round in 0..<36 {
            let person = SubjectID.generate()
            let key = StoredDataKey(subject: person, category: "notes", wrapped: Data([UInt8(round), 7]), rootKeyID: "root-a")
            let now = Self.t0.addingTimeInterval(Double(round + 1) * 86_400)
            let due = Self.notes(person, dueBy: now.addingTimeInterval(-1))
            let wholePerson = round % 3 == 2
            try await remover.commit((wholePerson ? [.createSubject(person, createdAt: Self.t0)] : Self.subject(person, identifierIndex: UInt8(round)))
                                     + [.addDataKey(key), .putRecord(due)], audit: [])
            let written: SealedRecord
            let writing: [StoreChange]
            if wholePerson {
                written = SealedRecord(subject: person, category: "contact", id: RecordID.generate(), fields: ["email": Data([4])],
                                       createdAt: Self.t0, updatedAt: Self.t0)
                writing = [Self.key(person, "contact"), .putRecord(written)]
            } else {
                written = Self.notes(person, dueBy: nil)
                writing = [.expectDataKey(key), .putRecord(written)]
            }
            async let removal: Void = {
                if round % 3 == 1 {
                    try await remover.commit([.eraseRecords(person, categories: [], records: [due.id])], audit: [])
                } else {
                    _ = try await remover.sweep(dueBy: now, limit: 100, anonymise: { _ in nil }, audit: { _ in [] })
                }
            }()
            async let write: VaultError? = {
                do {
                    try await writer.commit(writing, audit: [])
                    return nil
                } catch let error as VaultError { return error }
            }()
            let refusal = try await (removal, write).1
            let snapshot = try await remover.snapshot(of: person)
            let kept = snapshot?.records.filter { $0.category == written.category } ?? []
            let keptKey = snapshot?.dataKeys.first { $0.category == written.category }
            #expect(snapshot?.records.contains { $0.id == due.id } != true, "round \(round): the due record went")
            if let refusal {
                #expect(refusal.code == .storeConflict, "round \(round)")
                #expect(kept.isEmpty && keptKey == nil, "round \(round): refused, the category went with its key")
                #expect(wholePerson == (snapshot == nil), "round \(round): a person with nothing left goes")
            } else {
                #expect(kept.map(\.id) == [written.id], "round \(round): the write landed")
                #expect(keptKey != nil && (wholePerson || keptKey?.wrapped == key.wrapped),
                        "round \(round): a record that landed has the key it was sealed under")
            }
        }
    }

    /// A `notes` record of `subject`, due for deletion at `dueBy`.
    static func notes(_ subject: SubjectID, dueBy: Date?) -> SealedRecord {
        SealedRecord(subject: subject, category: "notes", id: RecordID.generate(), fields: ["text": Data([1])],
                     createdAt: t0, updatedAt: t0,
                     schedule: dueBy.map { ErasureSchedule(eraseBy: $0, action: .delete, purpose: "service") })
    }

    /// Checks that `commit` is refused as a conflict.
    static func expectConflict(_ comment: Comment? = nil, sourceLocation: SourceLocation = #_sourceLocation,
                               _ commit: () async throws -> [AuditEvent]) async {
        do {
            _ = try await commit()
            Issue.record("committed: \(comment?.description ?? "a conflict expected")", sourceLocation: sourceLocation)
        } catch let error as VaultError {
            #expect(error.code == .storeConflict, comment, sourceLocation: sourceLocation)
        } catch {
            Issue.record("failed otherwise: \(error)", sourceLocation: sourceLocation)
        }
    }
}
