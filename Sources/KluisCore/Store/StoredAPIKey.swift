import Foundation

/// An API key as stored: never the secret, only its SHA-256 (the secret is 256 random bits, so a
/// plain hash cannot be brute-forced).
public struct StoredAPIKey: Sendable, Hashable {
    public var id: String
    public var secretHash: Data
    public var name: String
    /// The purposes the key may read and write for.
    public var purposes: [String]
    /// Whether the key may read outside its purposes with a written reason (staff).
    public var mayBreakGlass: Bool
    /// Whether the key may manage keys and read the audit log.
    public var isAdmin: Bool
    /// Whether the key's application may vouch that a person is signed in to it, which verifies
    /// their identity for a request (`signed_in_session`).
    public var mayVouchForSessions: Bool
    public var createdAt: Date
    /// When the key stops working by itself; `nil`: never.
    public var expiresAt: Date?
    /// When it was revoked; a revoked key is refused on every node.
    public var revokedAt: Date?
    /// When it was last used, to the minute: how an operator tells a key in use from one that
    /// can go.
    public var lastUsedAt: Date?

    public init(id: String, secretHash: Data, name: String, purposes: [String], mayBreakGlass: Bool,
                isAdmin: Bool, mayVouchForSessions: Bool = false, createdAt: Date, expiresAt: Date? = nil,
                revokedAt: Date? = nil, lastUsedAt: Date? = nil) {
        self.expiresAt = expiresAt
        self.revokedAt = revokedAt
        self.lastUsedAt = lastUsedAt
        self.mayVouchForSessions = mayVouchForSessions
        self.id = id
        self.secretHash = secretHash
        self.name = name
        self.purposes = purposes
        self.mayBreakGlass = mayBreakGlass
        self.isAdmin = isAdmin
        self.createdAt = createdAt
    }

    /// Whether the key may be used at `now`: not revoked, not expired.
    public func isValid(at now: Date) -> Bool {
        revokedAt == nil && (expiresAt.map { now < $0 } ?? true)
    }
}
