import Foundation

/// A browser's session with the web, as stored: known by a keyed hash of its cookie, so that a
/// copy of the table signs no one in; its value is the web's own encoding of what the session
/// holds (never a personal value).
public struct StoredSession: Sendable, Hashable {
    public var key: Data
    /// The person signed in, so that an erasure ends their sessions with the rest of their data.
    public var subject: SubjectID?
    public var value: Data
    public var expiresAt: Date

    public init(key: Data, subject: SubjectID?, value: Data, expiresAt: Date) {
        self.key = key
        self.subject = subject
        self.value = value
        self.expiresAt = expiresAt
    }
}

/// The store's role for sessions of the web. On PostgreSQL they are shared, so that every node
/// knows every session.
public protocol SessionStore: Sendable {
    /// Keeps `session`, replacing one with the same key unless `onlyIfNew`; returns whether it
    /// was kept.
    func putSession(_ session: StoredSession, onlyIfNew: Bool) async throws -> Bool
    /// The session with `key` unless it expired by `now`.
    func session(_ key: Data, at now: Date) async throws -> StoredSession?
    func removeSession(_ key: Data) async throws
    /// Forgets sessions that expired before `time`.
    func forgetSessions(before time: Date) async throws
}
