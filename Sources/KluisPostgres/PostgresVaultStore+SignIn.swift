import Foundation
import KluisCore
import PostgresNIO

/// Pending sign-ins and the web's sessions, shared by all nodes: each statement is atomic on its
/// own, so a code counts its failures and a token is taken once however many nodes try.
extension PostgresVaultStore {
    public func putSignIn(_ signIn: PendingSignIn) async throws {
        try await guarded {
            _ = try await client.query("""
                INSERT INTO sign_ins (id, kind, subject_id, code_hash, expires_at, failures)
                VALUES (\(signIn.id), \(signIn.kind.rawValue), \(signIn.subject?.rawValue), \(signIn.codeHash),
                        \(signIn.expiresAt.timeIntervalSince1970), \(signIn.failures))
                """, logger: logger)
        }
    }

    public func pendingSignIn(_ id: Data) async throws -> PendingSignIn? {
        try await guarded {
            let rows = try await client.query("""
                SELECT kind, subject_id, code_hash, expires_at, failures FROM sign_ins WHERE id = \(id)
                """, logger: logger)
            return try await Self.signIns(rows, id: id).first
        }
    }

    public func countFailedSignIn(_ id: Data) async throws -> Int {
        try await guarded {
            let rows = try await client.query("UPDATE sign_ins SET failures = failures + 1 WHERE id = \(id) RETURNING failures", logger: logger)
            return try await rows.decode(Int.self).all().first ?? 0
        }
    }

    public func takeSignIn(_ id: Data) async throws -> PendingSignIn? {
        try await guarded {
            let rows = try await client.query("""
                DELETE FROM sign_ins WHERE id = \(id) RETURNING kind, subject_id, code_hash, expires_at, failures
                """, logger: logger)
            return try await Self.signIns(rows, id: id).first
        }
    }

    public func forgetSignIns(before time: Date) async throws {
        try await guarded {
            _ = try await client.query("DELETE FROM sign_ins WHERE expires_at < \(time.timeIntervalSince1970)", logger: logger)
        }
    }

    private static func signIns(_ rows: PostgresRowSequence, id: Data) async throws -> [PendingSignIn] {
        try await rows.decode((String, String?, Data?, Double, Int).self).all().compactMap { kind, subject, codeHash, expiresAt, failures in
            PendingSignIn.Kind(rawValue: kind).map {
                PendingSignIn(id: id, kind: $0, subject: subject.flatMap(SubjectID.init(rawValue:)), codeHash: codeHash,
                              expiresAt: Date(timeIntervalSince1970: expiresAt), failures: failures)
            }
        }
    }

    public func putSession(_ session: StoredSession, onlyIfNew: Bool) async throws -> Bool {
        try await guarded {
            let (subject, expiresAt) = (session.subject?.rawValue, session.expiresAt.timeIntervalSince1970)
            let rows = onlyIfNew
                ? try await client.query("""
                    INSERT INTO web_sessions (key, subject_id, value, expires_at) VALUES (\(session.key), \(subject), \(session.value), \(expiresAt))
                    ON CONFLICT (key) DO NOTHING RETURNING 1
                    """, logger: logger)
                : try await client.query("""
                    INSERT INTO web_sessions (key, subject_id, value, expires_at) VALUES (\(session.key), \(subject), \(session.value), \(expiresAt))
                    ON CONFLICT (key) DO UPDATE SET subject_id = excluded.subject_id, value = excluded.value, expires_at = excluded.expires_at
                    RETURNING 1
                    """, logger: logger)
            return try await !rows.decode(Int.self).all().isEmpty
        }
    }

    public func session(_ key: Data, at now: Date) async throws -> StoredSession? {
        try await guarded {
            let rows = try await client.query("""
                SELECT subject_id, value, expires_at FROM web_sessions WHERE key = \(key) AND expires_at > \(now.timeIntervalSince1970)
                """, logger: logger)
            return try await rows.decode((String?, Data, Double).self).all().first.map { subject, value, expiresAt in
                StoredSession(key: key, subject: subject.flatMap(SubjectID.init(rawValue:)), value: value,
                              expiresAt: Date(timeIntervalSince1970: expiresAt))
            }
        }
    }

    public func removeSession(_ key: Data) async throws {
        try await guarded {
            _ = try await client.query("DELETE FROM web_sessions WHERE key = \(key)", logger: logger)
        }
    }

    public func forgetSessions(before time: Date) async throws {
        try await guarded {
            _ = try await client.query("DELETE FROM web_sessions WHERE expires_at < \(time.timeIntervalSince1970)", logger: logger)
        }
    }
}
