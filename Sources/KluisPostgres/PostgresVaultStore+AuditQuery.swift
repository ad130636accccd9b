import Foundation
import KluisCore
import PostgresNIO

/// The audit log searched and counted, for the console.
extension PostgresVaultStore {
    public func auditEvents(matching query: AuditQuery, before sequence: Int64?, limit: Int) async throws -> [AuditEvent] {
        // Every condition is always there, and true when its value is absent: one statement,
        // with binds only.
        try await guarded {
            try await Self.auditEvents(client.query("""
                SELECT \(unescaped: Self.auditColumns), reduced FROM audit
                WHERE seq < \(sequence ?? Int64.max)
                  AND (\(query.subject?.rawValue)::text IS NULL OR subject_id = \(query.subject?.rawValue))
                  AND (\(query.actor)::text IS NULL OR actor = \(query.actor))
                  AND (\(query.action?.rawValue)::text IS NULL OR action = \(query.action?.rawValue))
                  AND (\(query.from?.timeIntervalSince1970)::double precision IS NULL OR at >= \(query.from?.timeIntervalSince1970))
                  AND (\(query.until?.timeIntervalSince1970)::double precision IS NULL OR at < \(query.until?.timeIntervalSince1970))
                  AND (NOT \(query.breakGlassOnly) OR break_glass)
                ORDER BY seq DESC LIMIT \(limit)
                """, logger: logger))
        }
    }

    public func auditTallies(from: Date, until: Date) async throws -> [AuditTally] {
        try await guarded {
            try await client.query("""
                SELECT action, outcome, break_glass, COUNT(*) FROM audit
                WHERE at >= \(from.timeIntervalSince1970) AND at < \(until.timeIntervalSince1970)
                GROUP BY action, outcome, break_glass ORDER BY action, outcome, break_glass
                """, logger: logger).decode((String, String, Bool, Int64).self).all().compactMap { action, outcome, breakGlass, count in
                guard let action = AuditAction(rawValue: action), let outcome = AuditOutcome(rawValue: outcome) else { return nil }
                return AuditTally(action: action, outcome: outcome, breakGlass: breakGlass, count: Int(count))
            }
        }
    }
}
