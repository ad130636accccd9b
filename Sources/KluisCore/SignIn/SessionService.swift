import Foundation

/// The web's sessions, kept by the store under keyed hashes of their cookies: on PostgreSQL every
/// node sees every session, and a copy of the table signs no one in. An erasure ends the
/// person's sessions with the rest of their data. Reached as `vault.sessions`.
public struct SessionService: Sendable {
    let vault: Vault
    var store: any SessionStore { vault.store }
    static let tokenUse = "session"

    /// A session as the web reads it back.
    public struct Session: Sendable, Hashable {
        public var subject: SubjectID?
        public var value: Data
        public var expiresAt: Date
    }
}

extension Vault {
    /// The web's sessions.
    public var sessions: SessionService { SessionService(vault: self) }
}

extension SessionService {
    /// Keeps `value` for the session whose cookie is `token`, for `lifetime`; unless
    /// `onlyIfNew`, replacing what it held. Returns whether it was kept.
    @discardableResult
    public func put(_ token: String, subject: SubjectID?, value: Data, lifetime: TimeInterval, onlyIfNew: Bool = false) async throws -> Bool {
        try await store.putSession(StoredSession(key: digest(token), subject: subject, value: value,
                                                 expiresAt: vault.now().addingTimeInterval(lifetime)), onlyIfNew: onlyIfNew)
    }

    /// The session whose cookie is `token`, unless it expired.
    public func get(_ token: String) async throws -> Session? {
        try await store.session(digest(token), at: vault.now()).map { Session(subject: $0.subject, value: $0.value, expiresAt: $0.expiresAt) }
    }

    /// Ends the session whose cookie is `token`.
    public func remove(_ token: String) async throws {
        try await store.removeSession(digest(token))
    }

    /// Forgets sessions that expired.
    public func forgetExpired() async throws {
        try await store.forgetSessions(before: vault.now())
    }

    /// The time now, by the vault's clock: what session expiry is measured against.
    public func now() -> Date { vault.now() }

    private func digest(_ token: String) -> Data {
        vault.keys.tokenDigest(token, use: Self.tokenUse)
    }
}
