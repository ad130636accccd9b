import Crypto
import Foundation
import Synchronization

/// The key hierarchy at work: wraps and unwraps per-subject, per-category data keys under the
/// root key, seals and opens field values with AES-256-GCM, and computes blind indexes.
///
/// Unwrapped data keys are cached (bounded), because unwrapping on every read would double the
/// cost of the read path; the HMAC key for blind indexes is keyed once and copied per use.
public final class KeyRing: Sendable {
    public let root: RootKey
    private let indexHMAC: HMAC<SHA256>
    private let cache: Mutex<[DataKeyName: SymmetricKey]>
    private let cacheLimit: Int

    /// `indexKey` is the blind-index key, unwrapped; see ``unwrapIndexKey(_:)``.
    public init(root: RootKey, indexKey: SymmetricKey, cacheLimit: Int = 100_000) {
        self.root = root
        indexHMAC = HMAC<SHA256>(key: indexKey)
        cache = Mutex([:])
        self.cacheLimit = cacheLimit
    }

    struct DataKeyName: Hashable {
        var subject: SubjectID
        var category: String
    }

    // MARK: Data keys

    /// A new random data key.
    public func newDataKey() -> SymmetricKey {
        RandomBlock.shared.key()
    }

    /// The data key sealed under the root key, bound to its subject and category.
    public func wrap(_ dataKey: SymmetricKey, subject: SubjectID, category: String) -> Data {
        wrap(dataKey, under: root, subject: subject, category: category)
    }

    /// The same under another root key, for rotation.
    public func wrap(_ dataKey: SymmetricKey, under root: RootKey, subject: SubjectID, category: String) -> Data {
        let bytes = dataKey.withUnsafeBytes { Data($0) }
        // Sealing with a fresh random nonce cannot fail for a 256-bit key.
        let box = try! AES.GCM.seal(bytes, using: root.key, nonce: RandomBlock.shared.nonce(), authenticating: Self.wrapContext(subject, category))
        return box.combined!
    }

    /// Opens a wrapped data key; caches it.
    public func unwrap(_ wrapped: Data, subject: SubjectID, category: String) throws(VaultError) -> SymmetricKey {
        let name = DataKeyName(subject: subject, category: category)
        if let cached = cache.withLock({ $0[name] }) { return cached }
        let key = try unwrap(wrapped, with: root, subject: subject, category: category)
        remember(key, as: name)
        return key
    }

    /// Opens a wrapped data key with a given root key, for rotation; not cached.
    public func unwrap(_ wrapped: Data, with root: RootKey, subject: SubjectID, category: String) throws(VaultError) -> SymmetricKey {
        do {
            let box = try AES.GCM.SealedBox(combined: wrapped)
            let bytes = try AES.GCM.open(box, using: root.key, authenticating: Self.wrapContext(subject, category))
            return SymmetricKey(data: bytes)
        } catch {
            throw VaultError(.ciphertextInvalid, "a data key of subject \(subject) does not open with this root key")
        }
    }

    /// Keeps an unwrapped key for later reads.
    public func remember(_ key: SymmetricKey, subject: SubjectID, category: String) {
        remember(key, as: DataKeyName(subject: subject, category: category))
    }

    private func remember(_ key: SymmetricKey, as name: DataKeyName) {
        cache.withLock { cache in
            // A full cache is emptied rather than evicted entry by entry: simple, and a cold key
            // costs only one unwrap.
            if cache.count >= cacheLimit { cache.removeAll(keepingCapacity: true) }
            cache[name] = key
        }
    }

    /// Drops every cached key of `subject`, after erasure.
    public func forget(subject: SubjectID) {
        cache.withLock { cache in cache = cache.filter { $0.key.subject != subject } }
    }

    /// Drops the cached keys of `categories` of `subject`: as cheap as the categories are few.
    public func forget(subject: SubjectID, categories: some Sequence<String>) {
        cache.withLock { cache in
            for category in categories { cache.removeValue(forKey: DataKeyName(subject: subject, category: category)) }
        }
    }

    private static func wrapContext(_ subject: SubjectID, _ category: String) -> Data {
        Data("kluis.data-key.v1\0\(subject.rawValue)\0\(category)".utf8)
    }

    // MARK: Values

    /// Seals `value` for `address` with a fresh random nonce.
    public func seal(_ value: String, at address: FieldAddress, with key: SymmetricKey) -> Data {
        let box = try! AES.GCM.seal(Data(value.utf8), using: key, nonce: RandomBlock.shared.nonce(), authenticating: address.associatedData)
        return box.combined!
    }

    /// Opens a value sealed for `address`; fails when it was tampered with or moved.
    public func open(_ sealed: Data, at address: FieldAddress, with key: SymmetricKey) throws(VaultError) -> String {
        do {
            let box = try AES.GCM.SealedBox(combined: sealed)
            let bytes = try AES.GCM.open(box, using: key, authenticating: address.associatedData)
            return String(decoding: bytes, as: UTF8.self)
        } catch {
            throw VaultError(.ciphertextInvalid,
                             "the value of field '\(address.field)' in record \(address.record) of subject \(address.subject) does not open: it was altered or does not belong there")
        }
    }

    // MARK: Blind index

    /// The keyed HMAC of a normalised identifier: equal for equal identifiers, meaningless
    /// without the index key.
    public func blindIndex(_ identifier: SubjectIdentifier) -> Data {
        var mac = indexHMAC
        mac.update(data: Data("\(identifier.kind.rawValue)\0\(identifier.normalized)".utf8))
        return Data(mac.finalize())
    }

    /// The keyed tag that binds an identifier row to its subject: a row moved to another subject
    /// in the database no longer matches it. One HMAC, cheap enough for every lookup, where
    /// opening the sealed identifier would cost a data-key unwrap. The blind index goes last and
    /// has a fixed length; no other part can contain a NUL.
    public func identifierTag(kind: SubjectIdentifier.Kind, blindIndex: Data, subject: SubjectID) -> Data {
        identifierTag(kind: kind.rawValue, blindIndex: blindIndex, subject: subject.rawValue)
    }

    /// Whether `binding`'s tag is the one its kind, blind index and subject give; compared in
    /// constant time.
    public func isBound(_ binding: IdentifierBinding) -> Bool {
        ConstantTime.equals(binding.tag, identifierTag(kind: binding.kind, blindIndex: binding.blindIndex, subject: binding.subject))
    }

    private func identifierTag(kind: String, blindIndex: Data, subject: String) -> Data {
        var mac = indexHMAC
        mac.update(data: Data("kluis.identifier.v1\0\(kind)\0\(subject)\0".utf8))
        mac.update(data: blindIndex)
        return Data(mac.finalize())
    }

    /// A keyed pseudonym of `value` for `purpose`: stable for the purpose, different for every
    /// other, and not reversible without the vault's index key.
    public func pseudonym(of value: String, for purpose: String) -> String {
        var mac = indexHMAC
        mac.update(data: Data("kluis.pseudonym.v1\0\(purpose)\0\(value)".utf8))
        return OpaqueID.derived(prefix: "psd_", from: mac.finalize())
    }

    /// The keyed hash of a subject id that a record of someone else refers to: equal for every
    /// record that names the person, meaningless without the index key.
    public func mention(of subject: SubjectID) -> Data {
        var mac = indexHMAC
        mac.update(data: Data("kluis.mention.v1\0\(subject.rawValue)".utf8))
        return Data(mac.finalize())
    }

    /// The keyed hash of a one-time code for `request`: what is stored instead of the code, and
    /// compared in constant time.
    public func codeHash(_ code: String, request: RequestID) -> Data {
        var mac = indexHMAC
        mac.update(data: Data("kluis.request-code.v1\0\(request.rawValue)\0\(code)".utf8))
        return Data(mac.finalize())
    }

    /// The keyed hash of a bearer token (a session cookie, a sign-in token) under which the
    /// store keeps what it grants: a copy of the database holds no token that works. `use`
    /// separates the kinds, so that one kind's token is never another's.
    public func tokenDigest(_ token: String, use: String) -> Data {
        var mac = indexHMAC
        mac.update(data: Data("kluis.token.v1\0\(use)\0\(token)".utf8))
        return Data(mac.finalize())
    }

    /// The keyed hash of a sign-in code for the pending sign-in `signIn`.
    public func signInCodeHash(_ code: String, signIn: Data) -> Data {
        var mac = indexHMAC
        mac.update(data: Data("kluis.sign-in-code.v1\0".utf8))
        mac.update(data: signIn)
        mac.update(data: Data("\0\(code)".utf8))
        return Data(mac.finalize())
    }

    /// Seals a staff member's TOTP secret, bound to their account id, under a key derived from
    /// the index key: a copy of the database holds no second factor.
    public func sealStaffSecret(_ secret: String, staff id: String) -> Data {
        try! AES.GCM.seal(Data(secret.utf8), using: staffSecretKey, authenticating: Data("kluis.staff-secret.v1\0\(id)".utf8)).combined!
    }

    /// Opens a secret sealed by ``sealStaffSecret(_:staff:)``; fails when it was altered or moved.
    public func openStaffSecret(_ sealed: Data, staff id: String) throws(VaultError) -> String {
        do {
            let bytes = try AES.GCM.open(AES.GCM.SealedBox(combined: sealed), using: staffSecretKey,
                                         authenticating: Data("kluis.staff-secret.v1\0\(id)".utf8))
            return String(decoding: bytes, as: UTF8.self)
        } catch {
            throw VaultError(.ciphertextInvalid, "the second factor of staff account \(id) does not open: it was altered or does not belong there")
        }
    }

    /// The key staff secrets are sealed with: the index key's HMAC of a fixed label, a key of its
    /// own that no other use of the index key yields.
    private var staffSecretKey: SymmetricKey {
        SymmetricKey(data: tokenDigest("staff-secret-key", use: "key"))
    }

    /// The bucket of a throttle rule for `key` (a client address, a request or subject id): a
    /// keyed hash, so that the store keeps no address in the clear.
    public func throttleBucket(_ rule: String, _ key: String) -> Data {
        var mac = indexHMAC
        mac.update(data: Data("kluis.throttle.v1\0\(rule)\0\(key)".utf8))
        return Data(mac.finalize())
    }

    // MARK: Index key

    /// A new blind-index key, wrapped under `root` for the store's metadata.
    public static func newIndexKey(wrappedUnder root: RootKey) -> (key: SymmetricKey, wrapped: Data) {
        let key = SymmetricKey(size: .bits256)
        return (key, wrapIndexKey(key, under: root))
    }

    public static func wrapIndexKey(_ key: SymmetricKey, under root: RootKey) -> Data {
        let bytes = key.withUnsafeBytes { Data($0) }
        return try! AES.GCM.seal(bytes, using: root.key, authenticating: Data("kluis.index-key.v1".utf8)).combined!
    }

    /// Opens the stored index key; a failure means the root key is not the one the store was
    /// made with.
    public static func unwrapIndexKey(_ wrapped: Data, with root: RootKey) throws(VaultError) -> SymmetricKey {
        do {
            let box = try AES.GCM.SealedBox(combined: wrapped)
            return SymmetricKey(data: try AES.GCM.open(box, using: root.key, authenticating: Data("kluis.index-key.v1".utf8)))
        } catch {
            throw VaultError(.rootKeyWrong, "the root key does not open this data directory's keys")
        }
    }
}
