import Foundation
import KluisCore
import PostgresNIO

/// The console's staff accounts, shared by every node.
extension PostgresVaultStore {
    public func staffMembers() async throws -> [StaffMember] {
        try await guarded {
            try await client.query("SELECT body FROM staff_members ORDER BY name, id", logger: logger)
                .decode(Data.self).all().compactMap(StaffMember.decode)
        }
    }

    public func staffMember(id: String) async throws -> StaffMember? {
        try await guarded {
            try await client.query("SELECT body FROM staff_members WHERE id = \(id)", logger: logger)
                .decode(Data.self).all().first.flatMap(StaffMember.decode)
        }
    }

    public func staffMember(email: String) async throws -> StaffMember? {
        try await guarded {
            try await client.query("SELECT body FROM staff_members WHERE email = \(email)", logger: logger)
                .decode(Data.self).all().first.flatMap(StaffMember.decode)
        }
    }
}
