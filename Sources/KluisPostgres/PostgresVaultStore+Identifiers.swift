import Foundation
import KluisCore
import NIOCore
import PostgresNIO

/// Identifier rows with the tags that bind them to their subjects: lookups, verification, and
/// tagging the rows written before tags existed. Both tables carry the tag: `identifier_index`
/// answers lookups, `identifiers` holds the sealed values and leads an erasure to the index.
extension PostgresVaultStore {
    public func identifierBinding(kind: SubjectIdentifier.Kind, blindIndex: Data) async throws -> IdentifierBinding? {
        try await guarded {
            try await client.execute(LookupStatement(kind: kind.rawValue, blindIndex: blindIndex), logger: logger).all().first
                .map { IdentifierBinding(kind: kind.rawValue, blindIndex: blindIndex, subject: $0.0, tag: $0.1 ?? Data(), table: "identifier_index") }
        }
    }

    /// `identifier_index` in the order of its key, then `identifiers` in the order of its own, so
    /// each page is a range of one primary key.
    public func identifierBindings(after: IdentifierBinding?, limit: Int) async throws -> [IdentifierBinding] {
        try await guarded {
            var page: [IdentifierBinding] = []
            if after == nil || after?.table == "identifier_index" {
                page = try await bindings(in: "identifier_index", rows: client.query("""
                    SELECT kind, blind_index, subject_id, tag FROM identifier_index
                    WHERE (kind, blind_index) > (\(after?.kind ?? ""), \(after?.blindIndex ?? Data()))
                    ORDER BY kind, blind_index LIMIT \(limit)
                    """, logger: logger))
                if page.count == limit { return page }
            }
            let position = after?.table == "identifiers" ? after : nil
            return page + (try await bindings(in: "identifiers", rows: client.query("""
                SELECT kind, blind_index, subject_id, tag FROM identifiers
                WHERE (subject_id, kind, blind_index) > (\(position?.subject ?? ""), \(position?.kind ?? ""), \(position?.blindIndex ?? Data()))
                ORDER BY subject_id, kind, blind_index LIMIT \(limit - page.count)
                """, logger: logger)))
        }
    }

    private func bindings(in table: String, rows: PostgresRowSequence) async throws -> [IdentifierBinding] {
        var bindings: [IdentifierBinding] = []
        for try await (kind, blindIndex, subject, tag) in rows.decode((String, Data, String, Data?).self) {
            bindings.append(IdentifierBinding(kind: kind, blindIndex: blindIndex, subject: subject, tag: tag ?? Data(), table: table))
        }
        return bindings
    }

    /// Tags `identifiers` rows from what `tag` computes; an `identifier_index` row then takes the
    /// tag of the `identifiers` row with its key and subject, which proved it, or an empty one
    /// when there is none. Under the migration lock, so that nodes starting together do not
    /// update the same index rows in different orders.
    public func bindIdentifiers(limit: Int, _ tag: @Sendable (StoredIdentifier, Data?) -> Data) async throws -> Int {
        try await guarded {
            try await client.withTransaction(logger: logger) { connection in
                try await connection.query("SELECT pg_advisory_xact_lock(\(Self.migrationLock), \(lockSpace))", logger: logger)
                let rows = try await connection.query("""
                    SELECT i.subject_id, i.kind, i.blind_index, i.sealed, k.wrapped FROM identifiers i
                    LEFT JOIN data_keys k ON k.subject_id = i.subject_id AND k.category = \(Vault.identityCategory)
                    WHERE i.tag IS NULL LIMIT \(limit)
                    """, logger: logger)
                var keys: [(subject: String, kind: String, blindIndex: Data, tag: Data)] = []
                for try await (subject, kind, blindIndex, sealed, wrapped) in rows.decode((String, String, Data, Data, Data?).self) {
                    // A row whose kind or subject is not one Kluis writes cannot prove its subject.
                    var computed = Data()
                    if let kind = SubjectIdentifier.Kind(rawValue: kind), let id = SubjectID(rawValue: subject) {
                        computed = tag(StoredIdentifier(subject: id, kind: kind, blindIndex: blindIndex, sealed: sealed), wrapped)
                    }
                    keys.append((subject, kind, blindIndex, computed))
                }
                if !keys.isEmpty {
                    try await connection.query("""
                        UPDATE identifiers i SET tag = u.t
                        FROM UNNEST(\(keys.map(\.subject)), \(keys.map(\.kind)), \(keys.map { ByteBuffer(bytes: $0.blindIndex) }),
                                    \(keys.map { ByteBuffer(bytes: $0.tag) })) AS u (s, k, b, t)
                        WHERE i.subject_id = u.s AND i.kind = u.k AND i.blind_index = u.b
                        """, logger: logger)
                }
                guard keys.count < limit else { return keys.count }
                var indexed = 0
                for try await _ in try await connection.query("""
                    UPDATE identifier_index x SET tag = coalesce((SELECT i.tag FROM identifiers i
                        WHERE i.subject_id = x.subject_id AND i.kind = x.kind AND i.blind_index = x.blind_index), '\\x'::bytea)
                    WHERE x.tag IS NULL
                    RETURNING 1
                    """, logger: logger) {
                    indexed += 1
                }
                return keys.count + indexed
            }
        }
    }
}
