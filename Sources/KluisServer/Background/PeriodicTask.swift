import Foundation

/// Work a node does in the background on an interval. Tasks coordinate through the store, so
/// every node of a cluster runs the same tasks and each item is still done once.
public struct PeriodicTask: Sendable {
    public var name: String
    public var interval: Duration
    /// Does one round; returns a summary for the log (counts and ids only, never values), or
    /// `nil` when there was nothing to do.
    public var work: @Sendable () async throws -> String?

    public init(name: String, interval: Duration, work: @escaping @Sendable () async throws -> String?) {
        self.name = name
        self.interval = interval
        self.work = work
    }
}
