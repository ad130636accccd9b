import Crypto
import Foundation
import Synchronization

/// API keys and root-key rotation.
extension Vault {
    /// Creates an API key bound to `purposes`; returns its id and the token, which is shown once
    /// and stored only as a hash. `mayVouchForSessions` is for the organisation's own
    /// application, whose signed-in users file requests with their identity verified.
    public func createAPIKey(name: String, purposes: [String], mayBreakGlass: Bool = false,
                             isAdmin: Bool = false, mayVouchForSessions: Bool = false, expiresAt: Date? = nil,
                             by principal: Principal) async throws -> (id: String, token: String) {
        guard principal.isAdmin else {
            throw VaultError(.forbidden, "only an admin key may create API keys")
        }
        for purpose in purposes where policy.purpose(purpose) == nil {
            throw VaultError(.purposeUnknown, "'\(purpose)' is not a purpose of the policy")
        }
        let name = try FreeText.checked(name, field: "name", maximumLength: 200)
        let now = now()
        if let expiresAt {
            guard try PlausibleTime.checked(expiresAt, field: "expires_at") > now else {
                throw VaultError(.inputInvalid, "'expires_at' must lie in the future")
            }
        }
        return try await Self.createAPIKey(name: name, purposes: purposes, mayBreakGlass: mayBreakGlass, isAdmin: isAdmin,
                                           mayVouchForSessions: mayVouchForSessions, expiresAt: expiresAt,
                                           in: committer, actor: principal.id, now: now)
    }

    static func createAPIKey(name: String, purposes: [String], mayBreakGlass: Bool, isAdmin: Bool, mayVouchForSessions: Bool = false,
                             expiresAt: Date? = nil, in committer: Committer, actor: String, now: Date) async throws -> (id: String, token: String) {
        let id = "key_" + String(OpaqueID.generate(prefix: "").prefix(16))
        let secret = SymmetricKey(size: .bits256).withUnsafeBytes { Data($0) }.hexString
        let stored = StoredAPIKey(id: id, secretHash: Data(SHA256.hash(data: Data(secret.utf8))), name: name,
                                  purposes: purposes, mayBreakGlass: mayBreakGlass, isAdmin: isAdmin,
                                  mayVouchForSessions: mayVouchForSessions, createdAt: now, expiresAt: expiresAt)
        try await committer.commit([.addAPIKey(stored)], audit: [
            AuditEntry(time: now, actor: actor, action: .apiKeyCreated, categories: purposes, reason: id),
        ])
        return (id, "kluis_\(id)_\(secret)")
    }

    /// Creates the first admin key of a new store, from `kluis init`.
    public static func createFirstAdminKey(store: any VaultStore, clock: any WallClock = SystemWallClock()) async throws -> (id: String, token: String) {
        try await createAPIKey(name: "admin", purposes: [], mayBreakGlass: true, isAdmin: true,
                               in: Committer(store: store), actor: "cli", now: clock.now())
    }

    /// How long a node trusts a key it read: a key revoked on another node, or from the command
    /// line, is refused here at most this long after.
    public static let apiKeyCacheLifetime: TimeInterval = 1
    /// How often a node records a key's use in the store.
    static let apiKeyUseInterval: TimeInterval = 60

    /// The principal a token authenticates, or `nil`: also for a revoked or expired key.
    /// Compares in constant time.
    public func authenticate(token: String) async throws -> Principal? {
        let parts = token.split(separator: "_")
        guard parts.count == 4, parts[0] == "kluis", parts[1] == "key" else { return nil }
        let now = now()
        guard let stored = try await storedAPIKey(id: "key_\(parts[2])", at: now) else { return nil }
        let presented = Data(SHA256.hash(data: Data(parts[3].utf8)))
        guard ConstantTime.equals(presented, stored.secretHash), stored.isValid(at: now) else { return nil }
        try await recordUse(of: stored.id, at: now)
        return Principal(id: stored.id, purposes: Set(stored.purposes), mayBreakGlass: stored.mayBreakGlass,
                         isAdmin: stored.isAdmin, mayVouchForSessions: stored.mayVouchForSessions)
    }

    /// The stored key with `id`, from this node's cache while it is fresh.
    func storedAPIKey(id: String, at now: Date? = nil) async throws -> StoredAPIKey? {
        let now = now ?? self.now()
        if let cached = apiKeyCache.withLock({ $0[id] }), now.timeIntervalSince(cached.readAt) < Self.apiKeyCacheLifetime,
           now >= cached.readAt {
            return cached.key
        }
        guard let read = try await store.apiKey(id: id) else { return nil }
        apiKeyCache.withLock { $0[id] = (read, now) }
        return read
    }

    /// Records the key's use, at most once a minute per node: "last used" to the minute, without
    /// a write on every request.
    private func recordUse(of id: String, at now: Date) async throws {
        let due = apiKeyUseRecorded.withLock { recorded in
            guard recorded[id].map({ now.timeIntervalSince($0) >= Self.apiKeyUseInterval || now < $0 }) ?? true else { return false }
            recorded[id] = now
            return true
        }
        if due { try await store.touchAPIKey(id: id, at: now) }
    }

    /// Every API key, without its secret's hash: for an admin.
    public func apiKeys(by principal: Principal) async throws -> [StoredAPIKey] {
        guard principal.isAdmin else { throw VaultError(.forbidden, "only an admin key may list API keys") }
        return try await store.apiKeys().map { key in
            var key = key
            key.secretHash = Data()
            return key
        }
    }

    /// Revokes the key `id`: refused at once on this node, and within
    /// ``apiKeyCacheLifetime`` on every other. Audited; revoking a revoked key changes nothing.
    @discardableResult
    public func revokeAPIKey(_ id: String, by principal: Principal) async throws -> StoredAPIKey {
        guard principal.isAdmin else { throw VaultError(.forbidden, "only an admin key may revoke API keys") }
        guard var key = try await store.apiKey(id: id) else {
            throw VaultError(.apiKeyNotFound, "there is no API key '\(id.prefix(64))'")
        }
        let now = now()
        if key.revokedAt == nil {
            try await committer.commit([.revokeAPIKey(id: id, at: now)], audit: [
                AuditEntry(time: now, actor: principal.id, action: .apiKeyRevoked, reason: id),
            ])
            key.revokedAt = now
        }
        apiKeyCache.withLock { _ = $0.removeValue(forKey: id) }
        key.secretHash = Data()
        return key
    }

    /// Rewraps every data key and the index key under `newRoot`, without touching any value.
    ///
    /// Resumable: an interrupted rotation is continued by running it again with the same two
    /// keys; keys already rewrapped are skipped. Several processes may run it at once and share
    /// the work; a run that finds the rotation finished does nothing. Returns the number of data
    /// keys this run rewrapped.
    public static func rotateRootKey(store: any VaultStore, from oldRoot: RootKey, to newRoot: RootKey,
                                     clock: any WallClock = SystemWallClock(), batchSize: Int = 1000) async throws -> Int {
        try await store.prepare()
        // The entries are read one at a time: a twin that switches keys between two reads would
        // leave an index key wrapped under the new root beside the old root's id. Read again
        // until the root key's id is the same before and after.
        var storedID: String?
        var wrappedIndex: Data?
        var wrappedReceiptKey: Data?
        while true {
            storedID = try await store.metadata(Meta.rootKeyID).map { String(decoding: $0, as: UTF8.self) }
            wrappedIndex = try await store.metadata(Meta.indexKey)
            wrappedReceiptKey = try await store.metadata(Meta.receiptKey)
            if try await store.metadata(Meta.rootKeyID).map({ String(decoding: $0, as: UTF8.self) }) == storedID { break }
        }
        guard let storedID, let wrappedIndex else {
            throw VaultError(.storeNotInitialised, "the store is not initialised")
        }
        if storedID == newRoot.id, try await !store.hasDataKeys(notWrappedBy: newRoot.id) {
            return 0 // finished already, by this run's twin or an earlier one
        }
        guard storedID == oldRoot.id else {
            throw VaultError(.rootKeyWrong, "the current root key is \(storedID), not \(oldRoot.id)")
        }
        if let target = try await store.metadata(Meta.rotationTarget).map({ String(decoding: $0, as: UTF8.self) }),
           !target.isEmpty, target != newRoot.id {
            throw VaultError(.inputInvalid, "a rotation to root key \(target) was interrupted; finish it with that key first")
        }
        let indexKey = try KeyRing.unwrapIndexKey(wrappedIndex, with: oldRoot)
        let receiptSigner = try wrappedReceiptKey.map { try ReceiptSigner.unwrap($0, with: oldRoot) }
        // Marked only while the old key is current: a twin may have finished meanwhile.
        guard try await store.setMetadata([Meta.rotationTarget: Data(newRoot.id.utf8)],
                                          ifCurrent: Meta.rootKeyID, is: Data(oldRoot.id.utf8)) else {
            return 0
        }
        let ring = KeyRing(root: oldRoot, indexKey: indexKey, cacheLimit: 1)
        var rewrapped = 0
        while true {
            let count = try await store.rewrapDataKeys(notWrappedBy: newRoot.id, limit: batchSize) { stored in
                let key = try ring.unwrap(stored.wrapped, with: oldRoot, subject: stored.subject, category: stored.category)
                return StoredDataKey(subject: stored.subject, category: stored.category,
                                     wrapped: ring.wrap(key, under: newRoot, subject: stored.subject, category: stored.category),
                                     rootKeyID: newRoot.id)
            }
            rewrapped += count
            if count > 0 { continue }
            // Nothing left to claim; keys another process holds are still being rewrapped.
            guard try await store.hasDataKeys(notWrappedBy: newRoot.id) else { break }
            try await Task.sleep(for: .milliseconds(50))
        }
        // The index key and the fingerprint change last and together, so an interrupted run
        // still passes the old key's fingerprint check and can be resumed. Of several processes
        // rotating together, one makes the switch.
        var switchover = [
            Meta.indexKey: KeyRing.wrapIndexKey(indexKey, under: newRoot),
            Meta.rootKeyID: Data(newRoot.id.utf8),
            Meta.rotationTarget: Data(),
        ]
        switchover[Meta.receiptKey] = receiptSigner?.wrapped(under: newRoot)
        let switched = try await store.setMetadata(switchover, ifCurrent: Meta.rootKeyID, is: Data(oldRoot.id.utf8))
        try await store.commit([], audit: [
            AuditEntry(time: clock.now(), actor: "cli", action: .keyRotation,
                       reason: "\(oldRoot.id) -> \(newRoot.id), \(rewrapped) data keys\(switched ? ", switched" : "")"),
        ])
        return rewrapped
    }
}
