import Foundation
import KluisCore
import Testing

/// Throttle buckets: one time per bucket, moved atomically.
extension StoreContract {
    public func throttlesCountAtomically() async throws {
        let store = try await prepared()
        let a = Data("bucket-a".utf8), b = Data("bucket-b".utf8), c = Data("bucket-c".utf8)
        let ceiling = Self.t0 + 1000
        // 100 attempts at once: each moves the time by one interval, none is lost.
        let times = try await withThrowingTaskGroup(of: Date.self) { group in
            for _ in 0..<100 { group.addTask { try await store.throttle(a, interval: 1, ceiling: ceiling, at: Self.t0) } }
            return try await group.reduce(into: [Date]()) { $0.append($1) }
        }
        #expect(Set(times).count == 100, "two attempts saw the same time")
        #expect(times.max() == Self.t0 + 100)
        // Never beyond the ceiling.
        for _ in 0..<5 { _ = try await store.throttle(b, interval: 2, ceiling: Self.t0 + 5, at: Self.t0) }
        #expect(try await store.throttle(b, interval: 2, ceiling: Self.t0 + 5, at: Self.t0) == Self.t0 + 5)
        // A bucket whose time has passed starts again from now.
        #expect(try await store.throttle(c, interval: 1, ceiling: ceiling, at: Self.t0) == Self.t0 + 1)
        #expect(try await store.throttle(c, interval: 1, ceiling: ceiling + 100, at: Self.t0 + 100) == Self.t0 + 101)
        // Forgotten buckets count from nothing.
        try await store.forgetThrottles(before: Self.t0 + 101)
        #expect(try await store.throttle(a, interval: 1, ceiling: ceiling, at: Self.t0) == Self.t0 + 1)
        #expect(try await store.throttle(c, interval: 1, ceiling: ceiling + 100, at: Self.t0 + 100) == Self.t0 + 102)
    }

    /// On a store that several nodes share, they count together. (The embedded store counts per
    /// process: it serves one node.)
    public func throttlesAreSharedByHandles() async throws {
        let opener = try await makeDatabase()
        let first = try await opener(), second = try await opener()
        try await first.prepare()
        let bucket = Data("shared".utf8)
        for _ in 0..<3 { _ = try await first.throttle(bucket, interval: 10, ceiling: Self.t0 + 1000, at: Self.t0) }
        #expect(try await second.throttle(bucket, interval: 10, ceiling: Self.t0 + 1000, at: Self.t0) == Self.t0 + 40)
    }
}
