import Foundation
import GRDB
import KluisCore

/// Pending sign-ins and the web's sessions in the database file: they survive a restart.
extension SQLiteVaultStore {
    public func putSignIn(_ signIn: PendingSignIn) async throws {
        try await guarded {
            try await self.pool.write { db in
                try db.execute(sql: """
                    INSERT INTO sign_ins (id, kind, subject_id, code_hash, expires_at, failures) VALUES (?, ?, ?, ?, ?, ?)
                    """, arguments: [signIn.id, signIn.kind.rawValue, signIn.subject?.rawValue, signIn.codeHash,
                                     signIn.expiresAt.timeIntervalSince1970, signIn.failures])
            }
        }
    }

    public func pendingSignIn(_ id: Data) async throws -> PendingSignIn? {
        try await guarded {
            try await self.pool.read { db in try Self.signIn(id, in: db) }
        }
    }

    public func countFailedSignIn(_ id: Data) async throws -> Int {
        try await guarded {
            try await self.pool.write { db in
                try db.execute(sql: "UPDATE sign_ins SET failures = failures + 1 WHERE id = ?", arguments: [id])
                return try Int.fetchOne(db, sql: "SELECT failures FROM sign_ins WHERE id = ?", arguments: [id]) ?? 0
            }
        }
    }

    public func takeSignIn(_ id: Data) async throws -> PendingSignIn? {
        try await guarded {
            try await self.pool.write { db in
                let found = try Self.signIn(id, in: db)
                try db.execute(sql: "DELETE FROM sign_ins WHERE id = ?", arguments: [id])
                return found
            }
        }
    }

    public func forgetSignIns(before time: Date) async throws {
        try await guarded {
            try await self.pool.write { db in
                try db.execute(sql: "DELETE FROM sign_ins WHERE expires_at < ?", arguments: [time.timeIntervalSince1970])
            }
        }
    }

    private static func signIn(_ id: Data, in db: Database) throws -> PendingSignIn? {
        guard let row = try Row.fetchOne(db, sql: "SELECT kind, subject_id, code_hash, expires_at, failures FROM sign_ins WHERE id = ?",
                                         arguments: [id]),
              let kind = PendingSignIn.Kind(rawValue: row["kind"]) else { return nil }
        let subject: String? = row["subject_id"]
        return PendingSignIn(id: id, kind: kind, subject: subject.flatMap(SubjectID.init(rawValue:)), codeHash: row["code_hash"],
                             expiresAt: Date(timeIntervalSince1970: row["expires_at"]), failures: row["failures"])
    }

    public func putSession(_ session: StoredSession, onlyIfNew: Bool) async throws -> Bool {
        try await guarded {
            try await self.pool.write { db in
                try db.execute(sql: """
                    INSERT INTO web_sessions (key, subject_id, value, expires_at) VALUES (?, ?, ?, ?)
                    ON CONFLICT (key) DO \(onlyIfNew ? "NOTHING" : "UPDATE SET subject_id = excluded.subject_id, value = excluded.value, expires_at = excluded.expires_at")
                    """, arguments: [session.key, session.subject?.rawValue, session.value, session.expiresAt.timeIntervalSince1970])
                return db.changesCount > 0
            }
        }
    }

    public func session(_ key: Data, at now: Date) async throws -> StoredSession? {
        try await guarded {
            try await self.pool.read { db in
                guard let row = try Row.fetchOne(db, sql: "SELECT subject_id, value, expires_at FROM web_sessions WHERE key = ? AND expires_at > ?",
                                                 arguments: [key, now.timeIntervalSince1970]) else { return nil }
                let subject: String? = row["subject_id"]
                return StoredSession(key: key, subject: subject.flatMap(SubjectID.init(rawValue:)), value: row["value"],
                                     expiresAt: Date(timeIntervalSince1970: row["expires_at"]))
            }
        }
    }

    public func removeSession(_ key: Data) async throws {
        try await guarded {
            try await self.pool.write { db in try db.execute(sql: "DELETE FROM web_sessions WHERE key = ?", arguments: [key]) }
        }
    }

    public func forgetSessions(before time: Date) async throws {
        try await guarded {
            try await self.pool.write { db in
                try db.execute(sql: "DELETE FROM web_sessions WHERE expires_at < ?", arguments: [time.timeIntervalSince1970])
            }
        }
    }
}
