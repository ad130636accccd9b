import Foundation
import GRDB
import KluisCore

/// The console's staff accounts.
extension SQLiteVaultStore {
    public func staffMembers() async throws -> [StaffMember] {
        try await guarded {
            try await self.pool.read { db in
                try Data.fetchAll(db, sql: "SELECT body FROM staff_members ORDER BY name, id").compactMap(StaffMember.decode)
            }
        }
    }

    public func staffMember(id: String) async throws -> StaffMember? {
        try await guarded {
            try await self.pool.read { db in
                try Data.fetchOne(db, sql: "SELECT body FROM staff_members WHERE id = ?", arguments: [id]).flatMap(StaffMember.decode)
            }
        }
    }

    public func staffMember(email: String) async throws -> StaffMember? {
        try await guarded {
            try await self.pool.read { db in
                try Data.fetchOne(db, sql: "SELECT body FROM staff_members WHERE email = ?", arguments: [email]).flatMap(StaffMember.decode)
            }
        }
    }
}
