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
}
