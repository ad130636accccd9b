import Foundation
import Hummingbird
import KluisCore

/// Hummingbird's key-value persistence for sessions, over the vault's session store: the
/// session middleware of hummingbird-auth keeps sessions here, so on PostgreSQL every node
/// knows them, a stolen table holds no working cookie (keys are stored as keyed hashes), and an
/// erasure ends the person's sessions.
struct VaultSessionDriver: PersistDriver {
    let sessions: SessionService
    /// How long a session lasts when the middleware names no time.
    let defaultLifetime: Duration

    func create<Object: Codable & Sendable>(key: String, value: Object, expires: Duration?) async throws {
        guard try await sessions.put(key, subject: Self.subject(of: value), value: JSONEncoder().encode(value),
                                     lifetime: Self.seconds(expires ?? defaultLifetime), onlyIfNew: true) else {
            throw PersistError.duplicate
        }
    }

    func set<Object: Codable & Sendable>(key: String, value: Object, expires: Duration?) async throws {
        // Without a new time, the session keeps the one it has.
        var lifetime = Self.seconds(expires ?? defaultLifetime)
        if expires == nil, let existing = try await sessions.get(key) {
            lifetime = existing.expiresAt.timeIntervalSince(sessions.now())
        }
        try await sessions.put(key, subject: Self.subject(of: value), value: JSONEncoder().encode(value), lifetime: lifetime)
    }

    func get<Object: Codable & Sendable>(key: String, as type: Object.Type) async throws -> Object? {
        try await getWithTTL(key: key, as: type)?.object
    }

    func getWithTTL<Object: Codable & Sendable>(key: String, as type: Object.Type) async throws -> (object: Object, ttl: Duration?)? {
        guard let stored = try await sessions.get(key) else { return nil }
        guard let object = try? JSONDecoder().decode(type, from: stored.value) else { throw PersistError.invalidConversion }
        return (object, .seconds(stored.expiresAt.timeIntervalSince(sessions.now())))
    }

    func remove(key: String) async throws {
        try await sessions.remove(key)
    }

    /// The person a session belongs to, kept beside it so that their erasure finds it.
    private static func subject(of value: some Codable & Sendable) -> SubjectID? {
        (value as? any PersonSession)?.subject
    }

    private static func seconds(_ duration: Duration) -> TimeInterval {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}

/// A session that may belong to a person: the driver stores whose it is beside it.
protocol PersonSession {
    var subject: SubjectID? { get }
}
