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

    public func breachNotices(of subject: SubjectID) async throws -> [BreachNotice] {
        try await guarded {
            try await client.query("""
                SELECT breach_id, told_at, language FROM breach_notices WHERE subject_id = \(subject.rawValue) ORDER BY told_at DESC, breach_id
                """, logger: logger)
                .decode((String, Double, String).self).all().compactMap { breach, toldAt, language in
                    Language(rawValue: language).map {
                        BreachNotice(breach: breach, subject: subject, toldAt: Date(timeIntervalSince1970: toldAt), language: $0)
                    }
                }
        }
    }
}
