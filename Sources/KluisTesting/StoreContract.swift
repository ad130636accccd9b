import Foundation
import KluisCore
import Testing

/// What every ``VaultStore`` must do, checked the same way for SQLite and PostgreSQL: each test
/// target calls these with a factory for fresh, empty databases.
public struct StoreContract: Sendable {
    /// Opens a new handle on one database; several handles stand for several processes.
    public typealias Opener = @Sendable () async throws -> any VaultStore

    /// Makes a fresh, empty database and returns its opener.
    public let makeDatabase: @Sendable () async throws -> Opener

    public init(makeDatabase: @escaping @Sendable () async throws -> Opener) {
        self.makeDatabase = makeDatabase
    }

    static let t0 = Date(timeIntervalSince1970: 1_800_000_000)

    func prepared() async throws -> any VaultStore {
        let store = try await makeDatabase()()
        try await store.prepare()
        try await store.prepare() // twice: preparing is idempotent
        return store
    }

    static func subject(_ id: SubjectID, identifierIndex: UInt8) -> [StoreChange] {
        [
            .createSubject(id, createdAt: t0),
            .addIdentifier(StoredIdentifier(subject: id, kind: .email, blindIndex: Data([identifierIndex]), sealed: Data([1, 2, 3]))),
            .addDataKey(StoredDataKey(subject: id, category: "contact", wrapped: Data([9, 9]), rootKeyID: "root-a")),
            .putRecord(SealedRecord(subject: id, category: "contact", id: RecordID.generate(),
                                    fields: ["email": Data([4, 5]), "phone": Data([6])], createdAt: t0, updatedAt: t0)),
            .recordEvent(subject: id, name: "contract_end", at: t0.addingTimeInterval(60)),
        ]
    }

    static func entry(_ subject: SubjectID?, _ action: AuditAction = .read) -> AuditEntry {
        AuditEntry(time: t0, actor: "key_test", action: action, subject: subject, categories: ["contact"], purpose: "service")
    }

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
        #expect(try await store.subject(kind: .email, blindIndex: Data([7])) == id)
        #expect(try await store.subject(kind: .phone, blindIndex: Data([7])) == nil)
        #expect(try await store.snapshot(of: SubjectID.generate()) == nil)
    }

    /// A record written again is replaced, keeping its creation time and what it was collected for.
    public func recordsAreReplaced() async throws {
        let store = try await prepared()
        let id = SubjectID.generate()
        try await store.commit([.createSubject(id, createdAt: Self.t0)], audit: [])
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

    /// Audit events are chained by the store, and come back in order, whole, filtered by subject.
    public func auditEventsComeBackInOrder() async throws {
        let store = try await prepared()
        let a = SubjectID.generate(), b = SubjectID.generate()
        let entries = [a, b, a, nil].map { Self.entry($0) }
        let first = try await store.commit([], audit: Array(entries[0..<2]))
        let second = try await store.commit([], audit: Array(entries[2...]))
        let events = AuditEvent.chain(entries, after: nil)
        #expect(first + second == events)
        #expect(try await store.commit([], audit: []).isEmpty)
        #expect(try await store.auditEvents(after: 0, subject: nil, limit: 10) == events)
        #expect(try await store.auditEvents(after: 1, subject: nil, limit: 2) == Array(events[1...2]))
        #expect(try await store.auditEvents(after: 0, subject: a, limit: 10).map(\.sequence) == [1, 3])
        #expect(try await store.auditHead() == events.last)
        #expect(try await store.auditEvents(after: 0, subject: nil, limit: 10).allSatisfy(\.isIntact))
    }

    /// Handles on one database committing at once, as several nodes do, make one unbroken chain.
    public func concurrentHandlesMakeOneChain() async throws {
        let open = try await makeDatabase()
        let handles = try await [open(), open(), open()]
        try await handles[0].prepare()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for handle in handles {
                group.addTask {
                    for _ in 0..<20 {
                        try await handle.commit([], audit: [Self.entry(nil), Self.entry(nil)])
                    }
                }
            }
            try await group.waitForAll()
        }
        let events = try await handles[1].auditEvents(after: 0, subject: nil, limit: 1000)
        var verifier = AuditVerifier()
        verifier.check(events)
        #expect(events.count == 120)
        #expect(verifier.isIntact)
        #expect(verifier.checked == 120)
    }

    /// Checkpoints follow one another: a second one after the same checkpoint is refused.
    public func checkpointsFollowOneAnother() async throws {
        let store = try await prepared()
        #expect(try await store.latestAuditCheckpoint() == nil)
        let first = AuditCheckpoint(sequence: 3, hash: Data([3]), previousSequence: 0, verifiedAt: Self.t0)
        let rival = AuditCheckpoint(sequence: 4, hash: Data([4]), previousSequence: 0, verifiedAt: Self.t0)
        let second = AuditCheckpoint(sequence: 9, hash: Data([9]), previousSequence: 3, verifiedAt: Self.t0.addingTimeInterval(1))
        #expect(try await store.addAuditCheckpoint(first))
        #expect(try await !store.addAuditCheckpoint(rival))
        #expect(try await store.addAuditCheckpoint(second))
        #expect(try await store.latestAuditCheckpoint() == second)
        #expect(try await store.auditCheckpoints(after: 0, limit: 10) == [first, second])
        #expect(try await store.auditCheckpoints(after: 3, limit: 10) == [second])
    }

    /// Data keys are rewrapped in claimed batches, each key once, however many handles rotate.
    public func dataKeysAreRewrapped() async throws {
        let open = try await makeDatabase()
        let store = try await open()
        try await store.prepare()
        var ids: [SubjectID] = []
        for index in 0..<30 {
            let id = SubjectID.generate()
            ids.append(id)
            try await store.commit(Self.subject(id, identifierIndex: UInt8(index)), audit: [])
        }
        #expect(try await store.hasDataKeys(notWrappedBy: "root-b"))
        let handles = try await [store, open(), open()]
        let counts = try await withThrowingTaskGroup(of: Int.self) { group in
            for handle in handles {
                group.addTask {
                    var total = 0
                    while true {
                        let count = try await handle.rewrapDataKeys(notWrappedBy: "root-b", limit: 4) { key in
                            #expect(key.rootKeyID == "root-a")
                            return StoredDataKey(subject: key.subject, category: key.category, wrapped: Data([7]), rootKeyID: "root-b")
                        }
                        if count == 0, try await !handle.hasDataKeys(notWrappedBy: "root-b") { return total }
                        total += count
                    }
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(counts.reduce(0, +) == 30)
        #expect(try await !store.hasDataKeys(notWrappedBy: "root-b"))
        for id in ids {
            #expect(try #require(try await store.snapshot(of: id)).dataKeys.first?.wrapped == Data([7]))
        }
    }

    /// A conditional metadata update happens only while the entry holds the expected value.
    public func metadataIsSwitchedOnce() async throws {
        let store = try await prepared()
        try await store.setMetadata(["root": Data([1])])
        #expect(try await store.setMetadata(["root": Data([2]), "index": Data([9])], ifCurrent: "root", is: Data([1])))
        #expect(try await !store.setMetadata(["root": Data([3]), "index": Data([8])], ifCurrent: "root", is: Data([1])))
        #expect(try await store.metadata("root") == Data([2]))
        #expect(try await store.metadata("index") == Data([9]))
    }

    /// API keys are stored with their binding.
    public func apiKeysRoundTrip() async throws {
        let store = try await prepared()
        let key = StoredAPIKey(id: "key_abc", secretHash: Data([1, 2]), name: "app", purposes: ["service", "billing"],
                               mayBreakGlass: true, isAdmin: false, createdAt: Self.t0)
        try await store.commit([.addAPIKey(key)], audit: [])
        #expect(try await store.apiKey(id: "key_abc") == key)
        #expect(try await store.apiKey(id: "key_other") == nil)
    }

    /// Consent events come back in the order they were appended, within one commit and across
    /// commits; the stale query finds exactly the people whose latest word was a consent to
    /// another description of the purpose; cookie choices come back per visitor, in order.
    public func consentsAndCookieChoicesRoundTrip() async throws {
        let store = try await prepared()
        let (current, old) = (String(repeating: "a", count: 64), String(repeating: "b", count: 64))
        func event(_ kind: ConsentEvent.Kind, _ hash: String, _ offset: TimeInterval, purpose: String = "newsletter") -> ConsentEvent {
            ConsentEvent(purpose: purpose, kind: kind, time: Self.t0.addingTimeInterval(offset), policyVersion: "1",
                         purposeHash: hash, statementHash: current, method: .paper, actor: "key_test")
        }
        let (stale, withdrew, renewed, objectedOnly) = (SubjectID.generate(), SubjectID.generate(), SubjectID.generate(), SubjectID.generate())
        let staleButObjected = SubjectID.generate()
        var changes: [StoreChange] = []
        for (index, id) in [stale, withdrew, renewed, objectedOnly, staleButObjected].enumerated() {
            changes += Self.subject(id, identifierIndex: UInt8(index + 1))
        }
        changes += [
            .appendConsent(stale, event(.given, old, 1)),
            .appendConsent(stale, event(.objected, current, 2, purpose: "reviews")),
            .appendConsent(staleButObjected, event(.given, old, 1)),
            .appendConsent(staleButObjected, event(.objected, current, 2)),
            .appendConsent(withdrew, event(.given, old, 1)),
            .appendConsent(withdrew, event(.withdrawn, current, 2)),
            .appendConsent(renewed, event(.given, old, 1)),
            .appendConsent(objectedOnly, event(.objected, old, 1)),
        ]
        try await store.commit(changes, audit: [Self.entry(nil, .consent)])
        try await store.commit([.appendConsent(renewed, event(.renewed, current, 3))], audit: [Self.entry(renewed, .consent)])

        let snapshot = try #require(try await store.snapshot(of: stale))
        #expect(snapshot.consents.map(\.kind) == [.given, .objected])
        #expect(snapshot.consents.first == event(.given, old, 1))
        #expect(try await store.snapshot(of: renewed)?.consents.map(\.kind) == [.given, .renewed])

        // Objections are another track: one to another purpose leaves a stale consent stale, one
        // to this purpose means the person is not asked again.
        #expect(try await store.subjectsWithStaleConsent(purpose: "newsletter", purposeHash: current, after: nil, limit: 10) == [stale])
        #expect(try await store.subjectsWithStaleConsent(purpose: "newsletter", purposeHash: current, after: stale, limit: 10) == [])
        #expect(try await store.subjectsWithStaleConsent(purpose: "reviews", purposeHash: current, after: nil, limit: 10) == [])

        let visitor = VisitorID.generate()
        let choices = [false, true].map { marketing in
            CookieChoice(visitor: visitor, time: Self.t0, expires: Self.t0.addingTimeInterval(86_400), policyVersion: "1",
                         allowed: ["essential": true, "marketing": marketing], globalPrivacyControl: false)
        }
        for choice in choices { try await store.commit([.recordCookieChoice(choice)], audit: []) }
        #expect(try await store.cookieChoices(of: visitor) == choices)
        #expect(try await store.cookieChoices(of: VisitorID.generate()) == [])
    }
}
