import Foundation

/// The store's role for throttles: one time per bucket, updated atomically. The embedded store
/// keeps them in the node's memory (it has one node); the server store in a table, so that all
/// nodes count together. Buckets are keyed hashes: no client address or id is kept in the clear.
public protocol ThrottleStore: Sendable {
    /// Counts one attempt in `bucket` at `now`: the bucket's time becomes the later of its time
    /// and `now`, plus `interval`, but at most `ceiling`. Returns the new time.
    func throttle(_ bucket: Data, interval: TimeInterval, ceiling: Date, at now: Date) async throws -> Date
    /// Forgets buckets whose time has passed: they hold nothing back any more.
    func forgetThrottles(before time: Date) async throws
}
