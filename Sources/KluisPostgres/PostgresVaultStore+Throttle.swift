import Foundation
import KluisCore
import PostgresNIO

extension PostgresVaultStore {
    /// One statement, atomic under concurrent nodes: the row is locked by the upsert.
    public func throttle(_ bucket: Data, interval: TimeInterval, ceiling: Date, at now: Date) async throws -> Date {
        try await guarded {
            let (now, ceiling) = (now.timeIntervalSince1970, ceiling.timeIntervalSince1970)
            let rows = try await client.query("""
                INSERT INTO throttles (bucket, until) VALUES (\(bucket), LEAST(\(now) + \(interval), \(ceiling)))
                ON CONFLICT (bucket) DO UPDATE SET until = LEAST(GREATEST(throttles.until, \(now)) + \(interval), \(ceiling))
                RETURNING until
                """, logger: logger)
            let until = try await rows.decode(Double.self).all().first ?? now
            return Date(timeIntervalSince1970: until)
        }
    }

    public func forgetThrottles(before time: Date) async throws {
        try await guarded {
            _ = try await client.query("DELETE FROM throttles WHERE until < \(time.timeIntervalSince1970)", logger: logger)
        }
    }
}
