import Foundation
import KluisCore
import Testing

/// Retention (``RetentionStore``): sweeps remove what is due and nothing else, anonymise where
/// the schedule says so, and take the person with their last record.
extension StoreContract {
    /// Of three records, one due for deletion, one due for anonymisation and one not yet due,
    /// a dry tally counts two; the sweep removes those two with the data key of the category it
    /// emptied, keeps what the anonymiser returns apart from anyone, and leaves the third with
    /// its person and its key; a second person whose only record was due goes altogether, and so
    /// does a third whose only record had no data key.
    public func sweepsTakeWhatIsDueAndNothingElse() async throws {
        let store = try await prepared()
        let (kept, gone, keyless) = (SubjectID.generate(), SubjectID.generate(), SubjectID.generate())
        let now = Self.t0.addingTimeInterval(86_400)
        func record(_ subject: SubjectID, _ category: String, due: Date?, _ action: RetentionAction) -> SealedRecord {
            SealedRecord(subject: subject, category: category, id: RecordID.generate(), fields: ["text": Data([1])],
                         createdAt: Self.t0, updatedAt: Self.t0,
                         schedule: ErasureSchedule(eraseBy: due, action: action, purpose: "service"))
        }
        let deleted = record(kept, "notes", due: Self.t0, .delete)
        let anonymised = record(kept, "surveys", due: Self.t0.addingTimeInterval(60), .anonymise)
        let later = record(kept, "notes", due: now.addingTimeInterval(3600), .delete)
        let last = record(gone, "notes", due: Self.t0, .delete)
        let bare = record(keyless, "notes", due: Self.t0, .delete)
        try await store.commit([.createSubject(kept, createdAt: Self.t0), .createSubject(gone, createdAt: Self.t0),
                                .createSubject(keyless, createdAt: Self.t0),
                                Self.key(kept, "notes"), Self.key(kept, "surveys"), Self.key(gone, "notes"),
                                .putRecord(deleted), .putRecord(anonymised), .putRecord(later), .putRecord(last), .putRecord(bare)], audit: [])

        let tally = try await store.dueTally(dueBy: now)
        #expect(tally.records == 4)
        #expect(try await store.snapshot(of: kept)?.records.count == 3, "a tally changes nothing")

        let swept = try await store.sweep(dueBy: now, limit: 100, anonymise: { due in
            AnonymousRecord(category: due.record.category, purpose: due.record.schedule?.purpose,
                            anonymisedOn: CalendarDate(year: 2027, month: 1, day: 15)!, fields: ["answer": "ja"])
        }, audit: { tally in [AuditEntry(time: now, actor: "sweep", action: .retention, categories: tally.counts.map(\.category))] })
        #expect(swept.records == 4)
        #expect(swept.subjectsRemoved == 2)
        #expect(try await store.snapshot(of: kept)?.records.map(\.id) == [later.id])
        #expect(try await store.snapshot(of: kept)?.dataKeys.map(\.category) == ["notes"], "the emptied category's key goes, the other stays")
        #expect(try await store.snapshot(of: gone) == nil)
        #expect(try await store.snapshot(of: keyless) == nil, "a person goes with their last record, key or none")
        #expect(try await store.anonymousRecords(category: "surveys", limit: 10).map(\.fields) == [["answer": "ja"]])
        #expect(try await store.auditHead()?.entry.action == .retention, "the sweep's audit entry is in its transaction")
        #expect(try await store.dueTally(dueBy: now).records == 0)
    }
}
