import Foundation
import KluisCore
import NIOCore
import PostgresNIO

/// The statement that appends chained events after a head (nil: the chain is empty): it takes
/// the chain's lock itself, and inserts nothing unless the head is still the chain's newest
/// event. Absent subject, purpose and reason travel as empty text and are stored as NULL: the
/// hash treats them alike.
///
/// Prepared, as the reads are: every commit appends, and as a one-off statement PostgreSQL
/// parsed and planned it again each time (docs/benchmarks.md, "The audit's statements
/// prepared"). The head is checked against the newest row, one step back along the primary
/// key: a plan made once for any head must not ask for "no row after the head", which a
/// generic plan answers by scanning the whole table.
struct AuditAppendStatement: PostgresPreparedStatement {
    static let sql = """
        WITH chain_lock AS (SELECT pg_advisory_xact_lock(\(PostgresVaultStore.auditChainLock), $1))
        INSERT INTO audit (\(PostgresVaultStore.auditColumns))
        SELECT seq, at, actor, action, NULLIF(subject_id, ''), categories, NULLIF(purpose, ''), NULLIF(reason, ''),
               outcome, break_glass, previous_hash, hash
        FROM chain_lock, UNNEST($2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
             AS e (seq, at, actor, action, subject_id, categories, purpose, reason, outcome, break_glass, previous_hash, hash)
        WHERE CASE WHEN $14::bigint IS NULL THEN NOT EXISTS (SELECT 1 FROM audit)
                   ELSE EXISTS (SELECT 1 FROM (\(AuditHeadStatement.sql)) AS newest WHERE seq = $14 AND hash = $15) END
        RETURNING 1
        """
    /// Declared, because the server cannot tell the arrays' types from `UNNEST` alone.
    static let bindingDataTypes: [PostgresDataType] = [
        .int4, .int8Array, .float8Array, .textArray, .textArray, .textArray, .textArray, .textArray,
        .textArray, .textArray, .boolArray, .byteaArray, .byteaArray, .int8, .bytea,
    ]
    typealias Row = Int32

    var events: [AuditEvent]
    var head: AuditHead?
    var lockSpace: Int32

    func makeBindings() throws -> PostgresBindings {
        var bindings = PostgresBindings(capacity: Self.bindingDataTypes.count)
        bindings.append(lockSpace)
        bindings.append(events.map(\.sequence))
        bindings.append(events.map(\.entry.time.timeIntervalSince1970))
        bindings.append(events.map(\.entry.actor))
        bindings.append(events.map(\.entry.action.rawValue))
        bindings.append(events.map { $0.entry.subject?.rawValue ?? "" })
        bindings.append(events.map { $0.entry.categories.joined(separator: ",") })
        bindings.append(events.map { $0.entry.purpose ?? "" })
        bindings.append(events.map { $0.entry.reason ?? "" })
        bindings.append(events.map(\.entry.outcome.rawValue))
        bindings.append(events.map(\.entry.breakGlass))
        bindings.append(events.map { ByteBuffer(bytes: $0.previousHash) })
        bindings.append(events.map { ByteBuffer(bytes: $0.hash) })
        bindings.append(head?.sequence)
        bindings.append(head.map { ByteBuffer(bytes: $0.hash) })
        return bindings
    }

    func decodeRow(_ row: PostgresRow) throws -> Row {
        try row.decode(Int32.self)
    }
}

/// The chain's lock, held to the end of the caller's transaction.
struct AuditChainLockStatement: PostgresPreparedStatement {
    static let sql = "SELECT pg_advisory_xact_lock(\(PostgresVaultStore.auditChainLock), $1)"
    typealias Row = Void

    var lockSpace: Int32

    func makeBindings() throws -> PostgresBindings {
        var bindings = PostgresBindings(capacity: 1)
        bindings.append(lockSpace)
        return bindings
    }

    func decodeRow(_ row: PostgresRow) throws -> Row {}
}

/// The chain's newest event: read after its lock is taken, in a statement of its own, so that
/// its snapshot includes every append committed while the lock was waited for.
struct AuditHeadStatement: PostgresPreparedStatement {
    static let sql = "SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1"
    typealias Row = AuditHead

    func makeBindings() throws -> PostgresBindings {
        PostgresBindings()
    }

    func decodeRow(_ row: PostgresRow) throws -> Row {
        let (sequence, hash) = try row.decode((Int64, Data).self)
        return (sequence, hash)
    }
}
