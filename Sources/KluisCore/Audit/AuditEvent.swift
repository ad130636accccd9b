import Crypto
import Foundation

/// An audit entry in its place in the chain: numbered, and hashed together with the hash of the
/// event before it, so that changing, removing or reordering any event breaks every hash after.
public struct AuditEvent: Sendable, Hashable, Codable {
    public var sequence: Int64
    public var entry: AuditEntry
    public var previousHash: Data
    public var hash: Data
    /// Whether the event was reduced when the log's retention ended: its content is gone, its
    /// number, time, action, outcome and hashes stay, and a checkpoint vouches for its hash.
    public var isReduced: Bool

    public init(sequence: Int64, entry: AuditEntry, previousHash: Data, hash: Data, isReduced: Bool = false) {
        self.sequence = sequence
        self.entry = entry
        self.previousHash = previousHash
        self.hash = hash
        self.isReduced = isReduced
    }

    /// The hash before the first event.
    public static let genesisHash = Data(repeating: 0, count: 32)

    /// Chains `entry` after `previousHash` as event `sequence`.
    public init(sequence: Int64, entry: AuditEntry, after previousHash: Data) {
        self.init(sequence: sequence, entry: entry, previousHash: previousHash,
                  hash: Self.hash(sequence: sequence, entry: entry, previousHash: previousHash))
    }

    /// SHA-256 over the previous hash and every field, each length-prefixed so that no two
    /// different events encode alike.
    public static func hash(sequence: Int64, entry: AuditEntry, previousHash: Data) -> Data {
        var hasher = SHA256()
        hasher.update(data: previousHash)
        func add(_ text: String) {
            let bytes = Data(text.utf8)
            var length = UInt32(bytes.count).bigEndian
            withUnsafeBytes(of: &length) { hasher.update(bufferPointer: $0) }
            hasher.update(data: bytes)
        }
        add("kluis.audit.v1")
        add(String(sequence))
        add(String(Int64((entry.time.timeIntervalSince1970 * 1000).rounded())))
        add(entry.actor)
        add(entry.action.rawValue)
        add(entry.subject?.rawValue ?? "")
        add(entry.categories.joined(separator: ","))
        add(entry.purpose ?? "")
        add(entry.reason ?? "")
        add(entry.outcome.rawValue)
        add(entry.breakGlass ? "1" : "0")
        return Data(hasher.finalize())
    }

    /// Chains `entries` after the event numbered `head.sequence` with hash `head.hash` (after
    /// the genesis when `nil`), numbering them on.
    public static func chain(_ entries: [AuditEntry], after head: (sequence: Int64, hash: Data)?) -> [AuditEvent] {
        var sequence = head?.sequence ?? 0
        var hash = head?.hash ?? genesisHash
        return entries.map { entry in
            sequence += 1
            let event = AuditEvent(sequence: sequence, entry: entry, after: hash)
            hash = event.hash
            return event
        }
    }

    /// Whether the stored hash matches the event's content. A reduced event has no content to
    /// check; the checkpoint that covers it vouches for its hash.
    public var isIntact: Bool {
        isReduced || hash == Self.hash(sequence: sequence, entry: entry, previousHash: previousHash)
    }
}
