import Foundation
import KluisCore
import PostgresNIO

/// The breach register, shared by every node.
extension PostgresVaultStore {
    public func breaches() async throws -> [Breach] {
        try await guarded {
            try await client.query("SELECT body FROM breaches ORDER BY aware_at DESC, id", logger: logger)
                .decode(Data.self).all().compactMap(Breach.decode)
        }
    }

    public func breach(id: String) async throws -> Breach? {
        try await guarded {
            try await client.query("SELECT body FROM breaches WHERE id = \(id)", logger: logger)
                .decode(Data.self).all().first.flatMap(Breach.decode)
        }
    }
}
