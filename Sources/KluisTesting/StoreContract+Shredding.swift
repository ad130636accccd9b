import Foundation
import KluisCore
import Testing

/// Erasures in two steps (``StoreChange/eraseSubject(_:keeping:)``): the commit destroys keys
/// and hides what they sealed at once; the purge deletes the ciphertext after, in batches, and
/// the person's row with the last of it.
extension StoreContract {
    /// A person with records in three categories, one due for retention, erased whole: gone for
    /// every read at the commit, their shredded records left out of sweeps and tallies, purged in
    /// batches, their row removed with the last batch; a person beside them keeps everything.
    public func aWholeErasureShredsAndThePurgeRemovesTheRest() async throws {
        let store = try await prepared()
        let (person, bystander) = (SubjectID.generate(), SubjectID.generate())
        let mention = Data(repeating: 5, count: 32)
        var changes = Self.subject(person, identifierIndex: 1) + Self.subject(bystander, identifierIndex: 2)
        changes += [Self.key(person, "visits"), Self.key(person, "notes")]
        for number in 0..<5 {
            changes.append(.putRecord(SealedRecord(subject: person, category: "visits", id: RecordID.generate(), fields: ["page": Data([UInt8(number)])],
                                                   createdAt: Self.t0, updatedAt: Self.t0,
                                                   schedule: ErasureSchedule(eraseBy: Self.t0, action: .delete, purpose: "service"))))
        }
        changes.append(.putRecord(SealedRecord(subject: person, category: "notes", id: RecordID.generate(), fields: ["text": Data([1])],
                                               createdAt: Self.t0, updatedAt: Self.t0, mentions: [mention])))
        try await store.commit(changes, audit: [])
        let now = Self.t0.addingTimeInterval(60)
        #expect(try await store.dueTally(dueBy: now).records == 5)

        try await store.commit([.eraseSubject(person, keeping: [])], audit: [])
        #expect(try await store.snapshot(of: person) == nil, "unreadable from the erasure's commit")
        #expect(try await store.snapshot(of: person, recordsIn: ["visits"]) == nil)
        #expect(try await store.identifierBinding(kind: .email, blindIndex: Data([1])) == nil)
        #expect(try await store.subjects(after: nil, limit: 10) == [bystander])
        #expect(try await store.dueTally(dueBy: now).records == 0, "shredded records are the purge's, not the sweep's")
        let swept = try await store.sweep(dueBy: now, limit: 100, anonymise: { _ in nil }, audit: { _ in [] })
        #expect(swept.records == 0)

        let first = try await store.purgeShredded(limit: 4)
        #expect(first == PurgeTally(records: 4, subjectsRemoved: 0), "a batch takes no more than its limit")
        let second = try await store.purgeShredded(limit: 4)
        // Seven in all: five visits, a note and the contact record every test person has.
        #expect(second == PurgeTally(records: 3, subjectsRemoved: 1), "the person's row goes with their last record")
        #expect(try await store.subjects(mentioning: mention).isEmpty)
        #expect(try await store.purgeShredded(limit: 4) == PurgeTally(), "nothing is left to purge")
        #expect(try await store.snapshot(of: bystander)?.records.count == 1)
        #expect(try await store.identifierBinding(kind: .email, blindIndex: Data([2]))?.subject == bystander.rawValue)
    }

    /// A person with nothing to purge goes in the erasure's own commit.
    public func aWholeErasureWithoutRecordsRemovesThePersonAtOnce() async throws {
        let store = try await prepared()
        let person = SubjectID.generate()
        try await store.commit([.createSubject(person, createdAt: Self.t0), Self.key(person, "contact")], audit: [])
        try await store.commit([.eraseSubject(person, keeping: [])], audit: [])
        #expect(try await store.snapshot(of: person) == nil)
        #expect(try await store.purgeShredded(limit: 10) == PurgeTally())
    }

    /// Erased keeping a category, and a category erased on its own: what was erased is out of
    /// view at once, what is kept stays readable, and the purge leaves the person.
    public func partialErasuresShredOnlyWhatGoes() async throws {
        let store = try await prepared()
        let person = SubjectID.generate()
        func record(_ category: String) -> SealedRecord {
            SealedRecord(subject: person, category: category, id: RecordID.generate(), fields: ["v": Data([1])], createdAt: Self.t0, updatedAt: Self.t0)
        }
        let (invoice, visit, note) = (record("invoices"), record("visits"), record("notes"))
        try await store.commit(Self.subject(person, identifierIndex: 1) + [
            Self.key(person, "invoices"), Self.key(person, "visits"), Self.key(person, "notes"),
            .putRecord(invoice), .putRecord(visit), .putRecord(note),
        ], audit: [])

        try await store.commit([.eraseRecords(person, categories: ["notes"], records: [])], audit: [])
        var snapshot = try #require(try await store.snapshot(of: person))
        #expect(Set(snapshot.records.map(\.category)) == ["contact", "invoices", "visits"])
        #expect(!snapshot.dataKeys.contains { $0.category == "notes" })

        try await store.commit([.eraseSubject(person, keeping: ["invoices"])], audit: [])
        snapshot = try #require(try await store.snapshot(of: person), "the person stays for what is kept")
        #expect(snapshot.records.map(\.id) == [invoice.id])
        #expect(snapshot.dataKeys.map(\.category) == ["invoices"])
        #expect(snapshot.identifiers.isEmpty)
        let limited = try #require(try await store.snapshot(of: person, recordsIn: ["visits"]))
        #expect(limited.records.isEmpty, "only the categories asked for, and nothing shredded")
        #expect(limited.dataKeys.map(\.category) == ["invoices"], "every key, whatever the categories asked for")

        #expect(try await store.purgeShredded(limit: 10) == PurgeTally(records: 3, subjectsRemoved: 0))
        #expect(try await store.snapshot(of: person)?.records.map(\.id) == [invoice.id])
    }

    /// A category whose key was destroyed starts again empty under a new key: what the old key
    /// sealed never comes back into view, and is gone before the new key is written.
    public func aShreddedCategoryComesBackEmptyUnderANewKey() async throws {
        let store = try await prepared()
        let person = SubjectID.generate()
        let old = SealedRecord(subject: person, category: "notes", id: RecordID.generate(), fields: ["v": Data([1])], createdAt: Self.t0, updatedAt: Self.t0)
        try await store.commit(Self.subject(person, identifierIndex: 1) + [Self.key(person, "notes"), .putRecord(old)], audit: [])
        try await store.commit([.eraseRecords(person, categories: ["notes"], records: [])], audit: [])

        var fresh = old
        fresh.id = RecordID.generate()
        fresh.createdAt = Self.t0.addingTimeInterval(60)
        try await store.commit([Self.key(person, "notes", wrapped: Data([8, 8])), .putRecord(fresh)], audit: [])
        let snapshot = try #require(try await store.snapshot(of: person))
        #expect(snapshot.records.filter { $0.category == "notes" }.map(\.id) == [fresh.id])
        #expect(snapshot.dataKeys.first { $0.category == "notes" }?.wrapped == Data([8, 8]))
        #expect(try await store.purgeShredded(limit: 10) == PurgeTally(), "the old records went with the new key's commit")
        #expect(try await store.snapshot(of: person)?.records.filter { $0.category == "notes" }.map(\.id) == [fresh.id])
    }
}
