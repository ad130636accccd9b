import Foundation
import Synchronization

/// Throttle buckets in this process's memory: for the embedded store, which serves one node.
/// Bounded: past `capacity` buckets, those whose time has passed are forgotten, and if that is
/// not enough, all of them (a flood of new keys then gains one fresh allowance each, no more).
public final class MemoryThrottles: Sendable {
    private let buckets = Mutex<[Data: Date]>([:])
    private let capacity: Int

    public init(capacity: Int = 100_000) {
        self.capacity = capacity
    }

    public func throttle(_ bucket: Data, interval: TimeInterval, ceiling: Date, at now: Date) -> Date {
        buckets.withLock { buckets in
            if buckets.count >= capacity, buckets[bucket] == nil {
                buckets = buckets.filter { $0.value > now }
                if buckets.count >= capacity { buckets.removeAll() }
            }
            let time = min(max(buckets[bucket] ?? now, now) + interval, ceiling)
            buckets[bucket] = time
            return time
        }
    }

    public func forget(before time: Date) {
        buckets.withLock { buckets in buckets = buckets.filter { $0.value >= time } }
    }
}
