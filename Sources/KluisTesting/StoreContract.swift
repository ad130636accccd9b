import Foundation
import KluisCore
import Testing

/// What every ``VaultStore`` must do, checked the same way for SQLite and PostgreSQL: each test
/// target calls these with a factory for a fresh, empty store.
public struct StoreContract: Sendable {
    public let makeStore: @Sendable () async throws -> any VaultStore

    public init(makeStore: @escaping @Sendable () async throws -> any VaultStore) {
        self.makeStore = makeStore
    }

    static let t0 = Date(timeIntervalSince1970: 1_800_000_000)

    func prepared() async throws -> any VaultStore {
        let store = try await makeStore()
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
        try await store.commit(changes, audit: [AuditEvent(sequence: 1, entry: Self.entry(id, .createSubject), after: AuditEvent.genesisHash)])
        let snapshot = try #require(try await store.snapshot(of: id))
        #expect(snapshot.createdAt == Self.t0)
        #expect(snapshot.identifiers.map(\.blindIndex) == [Data([7])])
        #expect(snapshot.dataKeys.map(\.category) == ["contact"])
        #expect(snapshot.records.count == 1)
        #expect(snapshot.records.first?.fields == ["email": Data([4, 5]), "phone": Data([6])])
        #expect(snapshot.events == ["contract_end": Self.t0.addingTimeInterval(60)])
        #expect(try await store.subject(kind: .email, blindIndex: Data([7])) == id)
        #expect(try await store.subject(kind: .phone, blindIndex: Data([7])) == nil)
        #expect(try await store.snapshot(of: SubjectID.generate()) == nil)
    }

    /// A record written again is replaced, keeping its creation time.
    public func recordsAreReplaced() async throws {
        let store = try await prepared()
        let id = SubjectID.generate()
        try await store.commit([.createSubject(id, createdAt: Self.t0)], audit: [])
        let recordID = RecordID.generate()
        let first = SealedRecord(subject: id, category: "contact", id: recordID, fields: ["email": Data([1])], createdAt: Self.t0, updatedAt: Self.t0)
        var second = first
        second.fields = ["email": Data([2])]
        second.updatedAt = Self.t0.addingTimeInterval(10)
        try await store.commit([.putRecord(first)], audit: [])
        try await store.commit([.putRecord(second)], audit: [])
        let records = try #require(try await store.snapshot(of: id)).records
        #expect(records.count == 1)
        #expect(records.first?.fields == ["email": Data([2])])
        #expect(records.first?.createdAt == Self.t0)
        #expect(records.first?.updatedAt == Self.t0.addingTimeInterval(10))
    }

    /// An identifier of another subject is refused, and nothing of that commit is kept.
    public func duplicateIdentifierChangesNothing() async throws {
        let store = try await prepared()
        let first = SubjectID.generate()
        try await store.commit(Self.subject(first, identifierIndex: 1), audit: [])
        let second = SubjectID.generate()
        do {
            try await store.commit(Self.subject(second, identifierIndex: 1),
                                   audit: [AuditEvent(sequence: 1, entry: Self.entry(second), after: AuditEvent.genesisHash)])
            Issue.record("a second subject with the same identifier was stored")
        } catch let error as VaultError {
            #expect(error.code == .identifierInUse)
        }
        #expect(try await store.snapshot(of: second) == nil)
        #expect(try await store.auditHead() == nil)
    }

    /// Audit events come back in order, whole, filtered by subject.
    public func auditEventsComeBackInOrder() async throws {
        let store = try await prepared()
        let a = SubjectID.generate(), b = SubjectID.generate()
        var hash = AuditEvent.genesisHash
        var events: [AuditEvent] = []
        for (index, subject) in [a, b, a, nil].enumerated() {
            let event = AuditEvent(sequence: Int64(index + 1), entry: Self.entry(subject), after: hash)
            hash = event.hash
            events.append(event)
        }
        try await store.commit([], audit: Array(events[0..<2]))
        try await store.commit([], audit: Array(events[2...]))
        #expect(try await store.auditEvents(after: 0, subject: nil, limit: 10) == events)
        #expect(try await store.auditEvents(after: 1, subject: nil, limit: 2) == Array(events[1...2]))
        #expect(try await store.auditEvents(after: 0, subject: a, limit: 10).map(\.sequence) == [1, 3])
        #expect(try await store.auditHead() == events.last)
        #expect(try await store.auditEvents(after: 0, subject: nil, limit: 10).allSatisfy(\.isIntact))
    }

    /// Data keys can be listed by root key and replaced, for rotation.
    public func dataKeysAreRewrapped() async throws {
        let store = try await prepared()
        let id = SubjectID.generate()
        try await store.commit(Self.subject(id, identifierIndex: 3), audit: [])
        let old = try await store.dataKeys(notWrappedBy: "root-b", limit: 10)
        #expect(old.count == 1)
        try await store.replaceDataKeys(old.map { StoredDataKey(subject: $0.subject, category: $0.category, wrapped: Data([7]), rootKeyID: "root-b") })
        #expect(try await store.dataKeys(notWrappedBy: "root-b", limit: 10).isEmpty)
        #expect(try #require(try await store.snapshot(of: id)).dataKeys.first?.wrapped == Data([7]))
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
}
