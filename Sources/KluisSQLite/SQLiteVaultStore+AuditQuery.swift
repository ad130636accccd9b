import Foundation
import GRDB
import KluisCore

/// The audit log searched and counted, for the console.
extension SQLiteVaultStore {
    public func auditEvents(matching query: AuditQuery, before sequence: Int64?, limit: Int) async throws -> [AuditEvent] {
        var conditions = ["seq < ?"]
        var arguments: StatementArguments = [sequence ?? Int64.max]
        if let subject = query.subject { conditions.append("subject_id = ?"); arguments += [subject.rawValue] }
        if let actor = query.actor { conditions.append("actor = ?"); arguments += [actor] }
        if let action = query.action { conditions.append("action = ?"); arguments += [action.rawValue] }
        if let from = query.from { conditions.append("at >= ?"); arguments += [from.timeIntervalSince1970] }
        if let until = query.until { conditions.append("at < ?"); arguments += [until.timeIntervalSince1970] }
        if query.breakGlassOnly { conditions.append("break_glass = 1") }
        arguments += [limit]
        let (sql, bound) = ("SELECT * FROM audit WHERE \(conditions.joined(separator: " AND ")) ORDER BY seq DESC LIMIT ?", arguments)
        return try await guarded {
            try await self.pool.read { db in try Row.fetchAll(db, sql: sql, arguments: bound).map(Self.auditEvent) }
        }
    }

    public func auditTallies(from: Date, until: Date) async throws -> [AuditTally] {
        try await guarded {
            try await self.pool.read { db in
                try Row.fetchAll(db, sql: """
                    SELECT action, outcome, break_glass, COUNT(*) AS n FROM audit WHERE at >= ? AND at < ?
                    GROUP BY action, outcome, break_glass ORDER BY action, outcome, break_glass
                    """, arguments: [from.timeIntervalSince1970, until.timeIntervalSince1970]).compactMap { row in
                    guard let action = AuditAction(rawValue: row["action"]), let outcome = AuditOutcome(rawValue: row["outcome"]) else { return nil }
                    return AuditTally(action: action, outcome: outcome, breakGlass: row["break_glass"], count: row["n"])
                }
            }
        }
    }
}
