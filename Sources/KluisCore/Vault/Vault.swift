import Crypto
import Foundation
import Synchronization

/// The vault: holds personal data sealed per person and category, hands it out only for a
/// declared purpose, and audits every operation in one hash chain.
///
/// Every operation is validated before it reaches the store, commits its changes together with
/// its audit event, and returns only after both are durable.
public final class Vault: Sendable {
    public let policy: Policy
    public let keys: KeyRing
    public let store: any VaultStore
    let clock: any WallClock
    let committer: Committer
    let gate: PurposeGate
    /// Computes each record's erase-by date.
    let planner: RetentionPlanner
    /// Computes request deadlines under this policy's promise.
    public let requestClock: RequestClock
    /// Signs consent receipts.
    public let receiptSigner: ReceiptSigner
    /// API keys already read, by id, with when: reading one per request would put a query on
    /// every request's path, and a key revoked elsewhere must be refused soon
    /// (``Vault/apiKeyCacheLifetime``).
    let apiKeyCache = Mutex<[String: (key: StoredAPIKey, readAt: Date)]>([:])
    /// When this node last recorded each key's use in the store.
    let apiKeyUseRecorded = Mutex<[String: Date]>([:])
    /// Throttled keys this node saw go over their limit (``ThrottleService/heldBackKey(_:_:)``),
    /// until when: checked without the store.
    let heldBack = Mutex<[String: Date]>([:])
    let throttleAttempts = Atomic<Int>(0)

    /// The reserved category under which a subject's identifiers are sealed.
    public static let identityCategory = "_identity"

    /// Metadata keys.
    enum Meta {
        static let rootKeyID = "root_key_id"
        static let indexKey = "index_key"
        static let rotationTarget = "rotation_target"
        static let receiptKey = "receipt_key"
        /// The retention terms the stored erase-by dates were computed with.
        static let retentionFingerprint = "retention_fingerprint"
        /// The controller the vault belongs to (``Vault/claim(_:for:allowingAnotherController:clock:)``).
        static let controller = "controller"
    }

    init(policy: Policy, keys: KeyRing, store: any VaultStore, clock: any WallClock, committer: Committer,
         receiptSigner: ReceiptSigner) {
        self.policy = policy
        self.keys = keys
        self.store = store
        self.clock = clock
        self.committer = committer
        self.receiptSigner = receiptSigner
        gate = PurposeGate(policy: policy)
        planner = RetentionPlanner(policy: policy, gate: gate)
        requestClock = RequestClock(promise: policy.rights.answerWithin)
    }

    /// The fingerprints consents are recorded with.
    public var consentTerms: ConsentTerms { gate.terms }

    /// Prepares a new, empty store for `root`: records the root key's fingerprint and a new
    /// blind-index key wrapped under it. Fails when the store was initialised already.
    public static func initialise(store: any VaultStore, root: RootKey, clock: any WallClock = SystemWallClock()) async throws {
        try await store.prepare()
        let (_, wrapped) = KeyRing.newIndexKey(wrappedUnder: root)
        // Conditional, so that of several nodes initialising one database at once, one does.
        guard try await store.setMetadata([Meta.indexKey: wrapped, Meta.rootKeyID: Data(root.id.utf8)],
                                          ifCurrent: Meta.rootKeyID, is: nil) else {
            throw VaultError(.storeInitialised, "this store is initialised already")
        }
        try await store.commit([], audit: [AuditEntry(time: clock.now(), actor: "cli", action: .initialise)])
    }

    /// Whether `store` holds a vault: prepared, with a root key recorded.
    public static func isInitialised(_ store: any VaultStore) async throws -> Bool {
        try await store.prepare()
        return try await store.metadata(Meta.rootKeyID) != nil
    }

    /// Opens an initialised store with `root`; refuses a root key the store was not made with,
    /// and a policy of another controller than the vault's unless `allowingAnotherController`
    /// (see ``claim(_:for:allowingAnotherController:clock:)``).
    public static func open(store: any VaultStore, root: RootKey, policy: Policy, allowingAnotherController: Bool = false,
                            clock: any WallClock = SystemWallClock()) async throws -> Vault {
        let keys = try await unlock(store, with: root)
        try await claim(store, for: policy, allowingAnotherController: allowingAnotherController, clock: clock)
        return Vault(store: store, keys: keys, policy: policy, clock: clock)
    }

    /// A vault on `store` with keys unlocked before, without touching the store: a server builds
    /// its vault before the store's connection pool runs (see ``unlock(_:with:)``).
    public convenience init(store: any VaultStore, keys: VaultKeys, policy: Policy, clock: any WallClock = SystemWallClock()) {
        self.init(policy: policy, keys: keys.ring, store: store, clock: clock, committer: Committer(store: store),
                  receiptSigner: keys.receiptSigner)
    }

    /// Prepares an initialised store and reads its keys with `root`; refuses a root key the store
    /// was not made with.
    public static func unlock(_ store: any VaultStore, with root: RootKey) async throws -> VaultKeys {
        try await store.prepare()
        guard let storedID = try await store.metadata(Meta.rootKeyID),
              let wrappedIndex = try await store.metadata(Meta.indexKey) else {
            throw VaultError(.storeNotInitialised, "the store is not initialised: run 'kluis init' first")
        }
        guard String(decoding: storedID, as: UTF8.self) == root.id else {
            throw VaultError(.rootKeyWrong, "this root key is not the one the data directory was made with (expected key \(String(decoding: storedID, as: UTF8.self)), got \(root.id))")
        }
        let ring = KeyRing(root: root, indexKey: try KeyRing.unwrapIndexKey(wrappedIndex, with: root))
        try await bindUntaggedIdentifiers(in: store, keys: ring)
        return VaultKeys(ring: ring, receiptSigner: try await receiptSigner(in: store, root: root))
    }

    /// The store's receipt signing key, made on first use: stores initialised before receipts
    /// existed get one too. Of several nodes making one at once, the first one's is kept.
    static func receiptSigner(in store: any VaultStore, root: RootKey) async throws -> ReceiptSigner {
        if let wrapped = try await store.metadata(Meta.receiptKey) {
            return try ReceiptSigner.unwrap(wrapped, with: root)
        }
        let signer = ReceiptSigner.generate()
        if try await store.setMetadata([Meta.receiptKey: signer.wrapped(under: root)], ifCurrent: Meta.receiptKey, is: nil) {
            return signer
        }
        guard let wrapped = try await store.metadata(Meta.receiptKey) else {
            throw VaultError(.storeFailure, "the receipt signing key could not be stored")
        }
        return try ReceiptSigner.unwrap(wrapped, with: root)
    }

    /// Appends audit entries on their own, for operations that change nothing (reads, refusals).
    @discardableResult
    func audit(_ entries: AuditEntry...) async throws -> [AuditEvent] {
        try await committer.commit([], audit: entries)
    }

    /// The time by the vault's clock: the one its deadlines, expiries and audit events use.
    public func now() -> Date { clock.now() }
}
