import Foundation
import GRDB
import KluisCore

/// Identifier rows with the tags that bind them to their subjects: lookups, verification, and
/// tagging the rows written before tags existed.
extension SQLiteVaultStore {
    public func identifierBinding(kind: SubjectIdentifier.Kind, blindIndex: Data) async throws -> IdentifierBinding? {
        try await guarded {
            try await self.pool.read { db in
                try Row.fetchOne(db.cachedStatement(sql: "SELECT kind, blind_index, subject_id, tag FROM identifiers WHERE kind = ? AND blind_index = ?"),
                                 arguments: [kind.rawValue, blindIndex]).map(Self.binding)
            }
        }
    }

    /// In the order of the primary key, so each page is a range of it.
    public func identifierBindings(after: IdentifierBinding?, limit: Int) async throws -> [IdentifierBinding] {
        try await guarded {
            try await self.pool.read { db in
                try Row.fetchAll(db, sql: """
                    SELECT kind, blind_index, subject_id, tag FROM identifiers WHERE (kind, blind_index) > (?, ?)
                    ORDER BY kind, blind_index LIMIT ?
                    """, arguments: [after?.kind ?? "", after?.blindIndex ?? Data(), limit]).map(Self.binding)
            }
        }
    }

    /// The write transaction is the claim: SQLite lets one process write at a time.
    public func bindIdentifiers(limit: Int, _ tag: @Sendable (StoredIdentifier, Data?) -> Data) async throws -> Int {
        try await guarded {
            try await self.pool.write { db in
                let rows = try Row.fetchAll(db, sql: """
                    SELECT i.rowid, i.kind, i.blind_index, i.subject_id, i.sealed, k.wrapped FROM identifiers i
                    LEFT JOIN data_keys k ON k.subject_id = i.subject_id AND k.category = ?
                    WHERE i.tag IS NULL LIMIT ?
                    """, arguments: [Vault.identityCategory, limit])
                for row in rows {
                    // A row whose kind or subject is not one Kluis writes cannot prove its subject.
                    var computed = Data()
                    if let kind = SubjectIdentifier.Kind(rawValue: row[1]), let subject = SubjectID(rawValue: row[3]) {
                        computed = tag(StoredIdentifier(subject: subject, kind: kind, blindIndex: row[2], sealed: row[4]), row[5])
                    }
                    try db.cachedStatement(sql: "UPDATE identifiers SET tag = ? WHERE rowid = ?").execute(arguments: [computed, row[0] as Int64])
                }
                return rows.count
            }
        }
    }

    static func binding(_ row: Row) -> IdentifierBinding {
        IdentifierBinding(kind: row[0], blindIndex: row[1], subject: row[2], tag: (row[3] as Data?) ?? Data(), table: "identifiers")
    }
}
