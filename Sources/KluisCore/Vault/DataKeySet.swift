import Crypto
import Foundation

/// The data keys of one subject during an operation: opens the stored ones as needed and makes
/// the missing ones, remembering which new keys the operation must store.
struct DataKeySet {
    let subject: SubjectID
    let ring: KeyRing
    private var stored: [String: StoredDataKey]
    private var open: [String: SymmetricKey] = [:]
    private(set) var created: [StoredDataKey] = []

    init(subject: SubjectID, ring: KeyRing, stored: [StoredDataKey]) {
        self.subject = subject
        self.ring = ring
        self.stored = Dictionary(stored.map { ($0.category, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The key of `category`, made and wrapped when the subject has none yet.
    mutating func key(for category: String) throws(VaultError) -> SymmetricKey {
        if let key = open[category] { return key }
        let key: SymmetricKey
        if let existing = stored[category] {
            key = try ring.unwrap(existing.wrapped, subject: subject, category: category)
        } else {
            key = ring.newDataKey()
            let wrapped = StoredDataKey(subject: subject, category: category,
                                        wrapped: ring.wrap(key, subject: subject, category: category),
                                        rootKeyID: ring.root.id)
            created.append(wrapped)
            stored[category] = wrapped
            ring.remember(key, subject: subject, category: category)
        }
        open[category] = key
        return key
    }

    /// The key of `category` if the subject has one.
    mutating func existingKey(for category: String) throws(VaultError) -> SymmetricKey? {
        guard stored[category] != nil else { return nil }
        return try key(for: category)
    }
}
