import Foundation
import KluisCore

extension SQLiteVaultStore {
    public func throttle(_ bucket: Data, interval: TimeInterval, ceiling: Date, at now: Date) async throws -> Date {
        throttles.throttle(bucket, interval: interval, ceiling: ceiling, at: now)
    }

    public func forgetThrottles(before time: Date) async throws {
        throttles.forget(before: time)
    }
}
