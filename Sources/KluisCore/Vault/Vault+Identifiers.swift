import Foundation

/// The binding of identifier rows to their subjects: tagging rows written before tags existed,
/// and checking every row.
extension Vault {
    /// Unlocks `store` with `root` (tagging rows written before tags existed) and checks every
    /// identifier row, for `kluis audit verify`.
    public static func verifyIdentifiers(in store: any VaultStore, root: RootKey) async throws -> IdentifierCheck {
        try await verifyIdentifiers(in: store, keys: unlock(store, with: root).ring)
    }

    /// Checks the tag of every identifier row of `store`, page by page, with the index key of
    /// `keys`: a row moved to another subject in the database is reported.
    public static func verifyIdentifiers(in store: any VaultStore, keys: KeyRing, pageSize: Int = 5000) async throws -> IdentifierCheck {
        var check = IdentifierCheck()
        var last: IdentifierBinding?
        while true {
            let page = try await store.identifierBindings(after: last, limit: pageSize)
            check.check(page, with: keys)
            guard page.count == pageSize, let next = page.last else { return check }
            last = next
        }
    }

    /// Tags the identifier rows written before tags existed; run by ``unlock(_:with:)``, so the
    /// first start after an upgrade does it once (the index key is outside the database, so a
    /// schema migration cannot). A row is tagged only when it proves its subject: its sealed value
    /// opens under that subject's `_identity` key and address, and gives the row's blind index.
    /// A row that does not gets an empty tag, so lookups refuse it and verification reports it,
    /// rather than the upgrade blessing a row that was moved before it.
    @discardableResult
    static func bindUntaggedIdentifiers(in store: any VaultStore, keys: KeyRing, batchSize: Int = 1000) async throws -> Int {
        var tagged = 0
        while true {
            let count = try await store.bindIdentifiers(limit: batchSize) { row, wrapped in
                guard let wrapped,
                      let key = try? keys.unwrap(wrapped, subject: row.subject, category: identityCategory),
                      let value = try? keys.open(row.sealed, at: .identifier(row.kind, of: row.subject), with: key),
                      let identifier = try? SubjectIdentifier(kind: row.kind, value: value),
                      keys.blindIndex(identifier) == row.blindIndex else {
                    return Data()
                }
                return keys.identifierTag(kind: row.kind, blindIndex: row.blindIndex, subject: row.subject)
            }
            tagged += count
            if count < batchSize { return tagged }
        }
    }
}
