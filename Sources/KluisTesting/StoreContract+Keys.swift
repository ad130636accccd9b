import Foundation
import KluisCore
import Testing

/// Keys (``KeyStore``): rotation and API keys.
extension StoreContract {
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

    /// Keys are listed oldest first, expire, are revoked once (the first time stays) and record
    /// their last use, which only moves forward.
    public func apiKeysAreRevokedAndTouched() async throws {
        let store = try await prepared()
        let first = StoredAPIKey(id: "key_first", secretHash: Data([1]), name: "app", purposes: ["service"],
                                 mayBreakGlass: false, isAdmin: false, createdAt: Self.t0, expiresAt: Self.t0 + 86_400)
        let second = StoredAPIKey(id: "key_second", secretHash: Data([2]), name: "office", purposes: [],
                                  mayBreakGlass: true, isAdmin: true, mayVouchForSessions: true, createdAt: Self.t0 + 1)
        try await store.commit([.addAPIKey(second), .addAPIKey(first)], audit: [])
        #expect(try await store.apiKeys() == [first, second])
        try await store.commit([.revokeAPIKey(id: "key_first", at: Self.t0 + 10)], audit: [])
        try await store.commit([.revokeAPIKey(id: "key_first", at: Self.t0 + 20)], audit: [])
        #expect(try await store.apiKey(id: "key_first")?.revokedAt == Self.t0 + 10)
        #expect(try await store.apiKey(id: "key_first")?.expiresAt == Self.t0 + 86_400)
        try await store.touchAPIKey(id: "key_second", at: Self.t0 + 100)
        try await store.touchAPIKey(id: "key_second", at: Self.t0 + 50)
        #expect(try await store.apiKey(id: "key_second")?.lastUsedAt == Self.t0 + 100)
        #expect(try await store.apiKey(id: "key_second")?.revokedAt == nil)
    }
}
