import Foundation
import GRDB
import KluisCore

/// The breach register.
extension SQLiteVaultStore {
    public func breaches() async throws -> [Breach] {
        try await guarded {
            try await self.pool.read { db in
                try Data.fetchAll(db, sql: "SELECT body FROM breaches ORDER BY aware_at DESC, id").compactMap(Breach.decode)
            }
        }
    }

    public func breach(id: String) async throws -> Breach? {
        try await guarded {
            try await self.pool.read { db in
                try Data.fetchOne(db, sql: "SELECT body FROM breaches WHERE id = ?", arguments: [id]).flatMap(Breach.decode)
            }
        }
    }

    public func breachNotices(of subject: SubjectID) async throws -> [BreachNotice] {
        try await guarded {
            try await self.pool.read { db in
                try Row.fetchAll(db, sql: """
                    SELECT breach_id, told_at, language FROM breach_notices WHERE subject_id = ? ORDER BY told_at DESC, breach_id
                    """, arguments: [subject.rawValue]).compactMap { row in
                    guard let language = Language(rawValue: row[2]) else { return nil }
                    return BreachNotice(breach: row[0], subject: subject, toldAt: Date(timeIntervalSince1970: row[1]), language: language)
                }
            }
        }
    }
}
