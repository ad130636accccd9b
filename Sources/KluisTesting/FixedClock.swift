import Foundation
import KluisCore
import Synchronization

/// A clock that stands still until a test moves it.
public final class FixedClock: WallClock {
    private let current: Mutex<Date>

    public init(_ date: Date) {
        current = Mutex(date)
    }

    /// A clock at `YYYY-MM-DDTHH:MM:SSZ`.
    public convenience init(_ iso8601: String) {
        self.init(ISO8601DateFormatter().date(from: iso8601)!)
    }

    public func now() -> Date {
        current.withLock { $0 }
    }

    /// Moves the clock by `seconds`.
    public func advance(by seconds: TimeInterval) {
        current.withLock { $0 += seconds }
    }

    public func set(_ date: Date) {
        current.withLock { $0 = date }
    }
}
