import Foundation

/// Keys: rotation of the data keys under a new root key, and API keys.
public protocol KeyStore: Sendable {
    /// Whether any data key is not wrapped by the root key `rootKeyID` (rotation is unfinished).
    func hasDataKeys(notWrappedBy rootKeyID: String) async throws -> Bool

    /// Claims at most `limit` data keys not wrapped by `rootKeyID` that no other process is
    /// rewrapping, replaces each with `rewrap`'s result, and commits; returns how many. Several
    /// processes may rotate at once: each key is claimed by one.
    func rewrapDataKeys(notWrappedBy rootKeyID: String, limit: Int,
                        _ rewrap: @Sendable (StoredDataKey) throws -> StoredDataKey) async throws -> Int

    /// Sets metadata entries in one transaction when the entry `key` still holds `expected`
    /// (is absent, for `nil`); returns whether it did. Of several processes racing, one wins.
    func setMetadata(_ values: [String: Data], ifCurrent key: String, is expected: Data?) async throws -> Bool

    func apiKey(id: String) async throws -> StoredAPIKey?
    /// Every API key, revoked and expired ones too, oldest first.
    func apiKeys() async throws -> [StoredAPIKey]
    /// Records that the key `id` was used at `time`.
    func touchAPIKey(id: String, at time: Date) async throws
}
