import Foundation
import KluisCore
import Logging
import NIOCore
import PostgresNIO

/// What a commit checks before it stands: the revisions of the people it was prepared on, and
/// the values kept whole that it replaces (docs/scaling.md: "Requests, breaches, restrictions and
/// staff accounts changed by two at once", "What is computed from the whole person").
extension ChangeBatch {
    /// Checks the subjects the commit expects and counts up the revision of every subject it
    /// changed, after the commit's other changes: the row locks are taken after the data keys'
    /// as a sweep takes them (keys, then people), and in order of id, so two commits never wait
    /// for each other in a circle. An `UPDATE` that waited for another commit checks the
    /// revision that commit left.
    static func countUp(_ revisions: SubjectRevisions, on connection: PostgresConnection, logger: Logger) async throws {
        guard !revisions.isEmpty else { return }
        let all = (Array(revisions.expected.keys) + revisions.changed).map(\.rawValue).sorted()
        if all.count > 1 {
            try await connection.query("SELECT 1 FROM subjects WHERE subject_id = ANY(\(all)) ORDER BY subject_id FOR NO KEY UPDATE",
                                       logger: logger)
        }
        if !revisions.expected.isEmpty {
            let expected = revisions.expected.sorted { $0.key.rawValue < $1.key.rawValue }
            let counted = try await connection.query("""
                UPDATE subjects s SET revision = s.revision + 1
                FROM UNNEST(\(expected.map(\.key.rawValue)), \(expected.map(\.value))) AS u (id, r)
                WHERE s.subject_id = u.id AND s.revision = u.r
                RETURNING 1
                """, logger: logger).all().count
            guard counted == expected.count else { throw VaultError.preparedOnChangedState }
        }
        if !revisions.changed.isEmpty {
            try await connection.query("UPDATE subjects SET revision = revision + 1 WHERE subject_id = ANY(\(revisions.changed.map(\.rawValue)))",
                                       logger: logger)
        }
    }

    /// Stores a value kept whole in place of `read`, the value it was prepared on (`nil`: a new
    /// one): `locking` selects the stored body `FOR UPDATE` to compare; then `insert` when nothing
    /// was stored, else `update`.
    static func replace<Value: Equatable>(_ read: Value?, _ what: @autoclosure () -> String, decode: (Data) -> Value?,
                                                  locking: PostgresQuery, insert: PostgresQuery, update: PostgresQuery,
                                                  on connection: PostgresConnection, logger: Logger) async throws {
        let stored = try await lockedBody(locking, on: connection, logger: logger)
        try Replacement.check(stored: stored, holds: read, decode: decode, what())
        try await connection.query(stored == nil ? insert : update, logger: logger)
    }

    /// The one `body` that `query` selects, if any.
    static func lockedBody(_ query: PostgresQuery, on connection: PostgresConnection, logger: Logger) async throws -> Data? {
        try await connection.query(query, logger: logger).decode(Data.self).all().first
    }
}
