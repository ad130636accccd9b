import Foundation
import KluisCore
import Testing

/// The kernel's role (``SubjectStore``): metadata, commits, snapshots, identifiers and mentions.
extension StoreContract {
    /// Metadata is stored and replaced.
    public func metadataRoundTrips() async throws {
        let store = try await prepared()
        #expect(try await store.metadata("k") == nil)
        try await store.setMetadata(["k": Data([1])])
        try await store.setMetadata(["k": Data([2])])
        #expect(try await store.metadata("k") == Data([2]))
    }

    /// What is committed comes back in a snapshot, and is found by its blind index.
    public func committedSubjectComesBack() async throws {
        let store = try await prepared()
        let id = SubjectID.generate()
        let changes = Self.subject(id, identifierIndex: 7)
        let events = try await store.commit(changes, audit: [Self.entry(id, .createSubject)])
        #expect(events == [AuditEvent(sequence: 1, entry: Self.entry(id, .createSubject), after: AuditEvent.genesisHash)])
        let snapshot = try #require(try await store.snapshot(of: id))
        #expect(snapshot.createdAt == Self.t0)
        #expect(snapshot.identifiers.map(\.blindIndex) == [Data([7])])
        #expect(snapshot.dataKeys.map(\.category) == ["contact"])
        #expect(snapshot.records.count == 1)
        #expect(snapshot.records.first?.fields == ["email": Data([4, 5]), "phone": Data([6])])
        #expect(snapshot.records.first?.collectedFor == nil, "written without a purpose, as before purposes were recorded")
        #expect(snapshot.events == ["contract_end": Self.t0.addingTimeInterval(60)])
        #expect(try await store.identifierBinding(kind: .email, blindIndex: Data([7]))?.subject == id.rawValue)
        #expect(try await store.identifierBinding(kind: .email, blindIndex: Data([7]))?.tag == Self.tag(7))
        #expect(try await store.identifierBinding(kind: .phone, blindIndex: Data([7])) == nil)
        #expect(try await store.snapshot(of: SubjectID.generate()) == nil)
    }

    /// A record written again is replaced, keeping its creation time and what it was collected for.
    public func recordsAreReplaced() async throws {
        let store = try await prepared()
        let id = SubjectID.generate()
        try await store.commit([.createSubject(id, createdAt: Self.t0), Self.key(id, "contact")], audit: [])
        let recordID = RecordID.generate()
        let first = SealedRecord(subject: id, category: "contact", id: recordID, fields: ["email": Data([1])], createdAt: Self.t0, updatedAt: Self.t0,
                                 collectedFor: "service")
        var second = first
        second.fields = ["email": Data([2])]
        second.collectedFor = "newsletter"
        second.updatedAt = Self.t0.addingTimeInterval(10)
        try await store.commit([.putRecord(first)], audit: [])
        try await store.commit([.putRecord(second)], audit: [])
        let records = try #require(try await store.snapshot(of: id)).records
        #expect(records.count == 1)
        #expect(records.first?.fields == ["email": Data([2])])
        #expect(records.first?.createdAt == Self.t0)
        #expect(records.first?.updatedAt == Self.t0.addingTimeInterval(10))
        #expect(records.first?.collectedFor == "service")
    }

    /// An identifier of another subject is refused, and nothing of that commit is kept.
    public func duplicateIdentifierChangesNothing() async throws {
        let store = try await prepared()
        let first = SubjectID.generate()
        try await store.commit(Self.subject(first, identifierIndex: 1), audit: [])
        let second = SubjectID.generate()
        do {
            try await store.commit(Self.subject(second, identifierIndex: 1), audit: [Self.entry(second)])
            Issue.record("a second subject with the same identifier was stored")
        } catch let error as VaultError {
            #expect(error.code == .identifierInUse)
        }
        #expect(try await store.snapshot(of: second) == nil)
        #expect(try await store.auditHead() == nil)
    }

    /// Every identifier row comes back with its tag when paged through, in pages of any size, and
    /// rows written with a tag are not offered for tagging again.
    public func identifierBindingsPageThroughEveryRow() async throws {
        let store = try await prepared()
        var subjects: [String: UInt8] = [:]
        for index in UInt8(1)...7 {
            let id = SubjectID.generate()
            subjects[id.rawValue] = index
            try await store.commit(Self.subject(id, identifierIndex: index), audit: [])
        }
        var all: [IdentifierBinding] = []
        while true {
            let page = try await store.identifierBindings(after: all.last, limit: 3)
            all += page
            if page.count < 3 { break }
        }
        #expect(all == (try await store.identifierBindings(after: nil, limit: 1000)))
        #expect(Set(all).count == all.count, "no row twice")
        // One row per identifier in each table that holds them.
        let tables = Set(all.map(\.table))
        #expect(all.count == subjects.count * tables.count)
        for binding in all {
            let index = try #require(subjects[binding.subject])
            #expect(binding.kind == "email")
            #expect(binding.blindIndex == Data([index]))
            #expect(binding.tag == Self.tag(index))
        }
        let offered = try await store.bindIdentifiers(limit: 10) { _, _ in
            Issue.record("a tagged row was offered for tagging")
            return Data()
        }
        #expect(offered == 0)
    }

    /// A record's mentions of other people come back with it, find its holder, are replaced when
    /// the record is, and go when it goes.
    public func mentionsFindTheRecordsThatReferToSomeone() async throws {
        let store = try await prepared()
        let (holder, other) = (SubjectID.generate(), SubjectID.generate())
        let (joost, vos) = (Data(repeating: 1, count: 32), Data(repeating: 2, count: 32))
        let record = SealedRecord(subject: holder, category: "reports", id: RecordID.generate(), fields: ["reporter": Data([7])],
                                  createdAt: Self.t0, updatedAt: Self.t0, mentions: [joost, vos])
        try await store.commit(Self.subject(holder, identifierIndex: 1) + Self.subject(other, identifierIndex: 2) + [Self.key(holder, "reports"), .putRecord(record)], audit: [])
        #expect(try await store.snapshot(of: holder)?.records.first { $0.id == record.id }?.mentions.sorted { $0.lexicographicallyPrecedes($1) } == [joost, vos])
        #expect(try await store.subjects(mentioning: joost) == [holder])
        #expect(try await store.subjects(mentioning: Data(repeating: 3, count: 32)).isEmpty)

        var corrected = record
        corrected.mentions = [vos]
        try await store.commit([.putRecord(corrected)], audit: [])
        #expect(try await store.subjects(mentioning: joost).isEmpty, "a record put again has only its new mentions")
        #expect(try await store.subjects(mentioning: vos) == [holder])

        try await store.commit([.eraseRecords(holder, categories: ["reports"], records: [])], audit: [])
        #expect(try await store.snapshot(of: holder)?.records.contains { $0.id == record.id } == false, "shredded at once")
        #expect(try await store.purgeShredded(limit: 10).records == 1)
        #expect(try await store.subjects(mentioning: vos).isEmpty, "the mention goes with its record")
        #expect(try await store.snapshot(of: holder) != nil)
    }

    /// A record put twice in the commit that creates its person (which skips looking for the
    /// mentions of an earlier version) keeps only the later version's mentions, as it would in
    /// two commits.
    public func aRecordPutTwiceAsItsPersonIsCreatedKeepsTheLaterMentions() async throws {
        let store = try await prepared()
        let person = SubjectID.generate()
        let (earlier, later) = (Data(repeating: 6, count: 32), Data(repeating: 7, count: 32))
        var record = SealedRecord(subject: person, category: "reports", id: RecordID.generate(), fields: ["v": Data([1])],
                                  createdAt: Self.t0, updatedAt: Self.t0, mentions: [earlier])
        var changes = Self.subject(person, identifierIndex: 1) + [Self.key(person, "reports"), .putRecord(record)]
        record.fields = ["v": Data([2])]
        record.mentions = [later]
        changes.append(.putRecord(record))
        try await store.commit(changes, audit: [])
        let stored = try #require(try await store.snapshot(of: person)?.records.first { $0.id == record.id })
        #expect(stored.fields == ["v": Data([2])])
        #expect(stored.mentions == [later])
        #expect(try await store.subjects(mentioning: earlier).isEmpty, "the earlier version's mention went with it")
        #expect(try await store.subjects(mentioning: later) == [person])
    }

    /// A snapshot limited to some categories has exactly their records, each with its own
    /// mentions, and the rest of the person whole; with no category, no record at all.
    public func aSnapshotReadsOnlyTheCategoriesAskedFor() async throws {
        let store = try await prepared()
        let person = SubjectID.generate()
        let (first, second) = (Data(repeating: 4, count: 32), Data(repeating: 5, count: 32))
        func record(_ category: String, mentions: [Data] = []) -> SealedRecord {
            SealedRecord(subject: person, category: category, id: RecordID.generate(), fields: ["v": Data([1])],
                         createdAt: Self.t0, updatedAt: Self.t0, mentions: mentions)
        }
        let (report, note, visit) = (record("reports", mentions: [first]), record("notes", mentions: [second]), record("visits"))
        try await store.commit(Self.subject(person, identifierIndex: 1) + ["reports", "notes", "visits"].map { Self.key(person, $0) }
                               + [.putRecord(report), .putRecord(note), .putRecord(visit)], audit: [])
        let whole = try #require(try await store.snapshot(of: person))

        let limited = try #require(try await store.snapshot(of: person, recordsIn: ["reports", "visits"]))
        #expect(Set(limited.records.map(\.id)) == [report.id, visit.id])
        #expect(limited.records.first { $0.id == report.id }?.mentions == [first], "a record's own mentions, no other's")
        #expect(limited.records.first { $0.id == visit.id }?.mentions == [])
        #expect(limited.identifiers == whole.identifiers)
        #expect(Set(limited.dataKeys.map(\.category)) == Set(whole.dataKeys.map(\.category)), "every key, whatever the categories asked for")
        #expect(Set(whole.dataKeys.map(\.category)).isSuperset(of: ["reports", "notes", "visits"]))

        let none = try #require(try await store.snapshot(of: person, recordsIn: []))
        #expect(none.records.isEmpty)
        #expect(none.createdAt == whole.createdAt)
        #expect(try await store.snapshot(of: SubjectID.generate(), recordsIn: ["reports"]) == nil)
    }

    /// A purpose-bound read's snapshot is the whole one without the person's identifiers and
    /// their records' mentions; of nobody, nothing.
    public func aReadSnapshotLeavesOutIdentifiersAndMentions() async throws {
        let store = try await prepared()
        let person = SubjectID.generate()
        let report = SealedRecord(subject: person, category: "reports", id: RecordID.generate(), fields: ["v": Data([1])],
                                  createdAt: Self.t0, updatedAt: Self.t0, mentions: [Data(repeating: 4, count: 32)])
        try await store.commit(Self.subject(person, identifierIndex: 1) + [Self.key(person, "reports"), .putRecord(report)], audit: [])
        let whole = try #require(try await store.snapshot(of: person))
        #expect(!whole.identifiers.isEmpty)
        #expect(whole.records.first { $0.id == report.id }?.mentions == report.mentions)

        var expected = whole
        expected.identifiers = []
        expected.records = whole.records.map { record in
            var record = record
            record.mentions = []
            return record
        }
        #expect(try await store.readSnapshot(of: person) == expected)
        #expect(try await store.readSnapshot(of: SubjectID.generate()) == nil)
    }

    /// Reads at the same moment, of many people (and of nobody), whole, limited to categories and
    /// as a purpose-bound read's: each gets its own person as stored, however the store groups
    /// the reads that arrive together.
    public func readsAtTheSameMomentEachGetTheirOwnPerson() async throws {
        let store = try await prepared()
        let people = (0..<24).map { _ in SubjectID.generate() }
        try await store.commit(people.enumerated().flatMap { index, person in
            Self.subject(person, identifierIndex: UInt8(index)) + [Self.key(person, "notes"),
                .putRecord(SealedRecord(subject: person, category: "notes", id: RecordID.generate(), fields: ["n": Data([UInt8(index)])],
                                        createdAt: Self.t0, updatedAt: Self.t0))]
        }, audit: [])
        enum Kind: CaseIterable { case whole, notesOnly, forRead }
        let reads = try await withThrowingTaskGroup(of: (Int, SubjectSnapshot?, Kind).self) { group in
            for round in 0..<10 {
                for (index, person) in people.enumerated() {
                    let kind = Kind.allCases[(round + index) % Kind.allCases.count]
                    group.addTask {
                        switch kind {
                        case .whole: (index, try await store.snapshot(of: person), kind)
                        case .notesOnly: (index, try await store.snapshot(of: person, recordsIn: ["notes"]), kind)
                        case .forRead: (index, try await store.readSnapshot(of: person), kind)
                        }
                    }
                }
                group.addTask { (-1, try await store.snapshot(of: SubjectID.generate()), .whole) }
                group.addTask { (-1, try await store.readSnapshot(of: SubjectID.generate()), .forRead) }
            }
            return try await group.reduce(into: [(Int, SubjectSnapshot?, Kind)]()) { $0.append($1) }
        }
        #expect(reads.count == 260)
        for (index, snapshot, kind) in reads {
            guard index >= 0 else {
                #expect(snapshot == nil, "nobody is read as nobody")
                continue
            }
            #expect(snapshot?.subject == people[index], "read \(index) came back with another person")
            #expect(snapshot?.identifiers.map(\.blindIndex) == (kind == .forRead ? [] : [Data([UInt8(index)])]))
            let notes = snapshot?.records.filter { $0.category == "notes" }.map { $0.fields["n"] }
            #expect(notes == [Data([UInt8(index)])])
            #expect(snapshot?.records.count == (kind == .notesOnly ? 1 : 2), "the categories asked for, and only those")
        }
    }
}
