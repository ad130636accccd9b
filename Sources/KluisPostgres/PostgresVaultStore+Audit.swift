import Foundation
import KluisCore
import Logging
import NIOCore
import PostgresNIO

/// The chain's newest event, after which the next is chained.
typealias AuditHead = (sequence: Int64, hash: Data)

/// Audit rows: appended in one statement per commit, read back whole.
extension PostgresVaultStore {
    static let auditColumns = "seq, at, actor, action, subject_id, categories, purpose, reason, outcome, break_glass, previous_hash, hash"

    /// The statement that appends chained `events` after `head` (nil: the chain is empty): it
    /// takes the chain's lock itself, and inserts nothing unless `head` is still the chain's
    /// newest event. Absent subject, purpose and reason travel as empty text and are stored as
    /// NULL: the hash treats them alike.
    static func insertion(of events: [AuditEvent], after head: AuditHead?, lockSpace: Int32) -> PostgresQuery {
        """
        WITH chain_lock AS (SELECT pg_advisory_xact_lock(\(auditChainLock), \(lockSpace)))
        INSERT INTO audit (\(unescaped: auditColumns))
        SELECT seq, at, actor, action, NULLIF(subject_id, ''), categories, NULLIF(purpose, ''), NULLIF(reason, ''),
               outcome, break_glass, previous_hash, hash
        FROM chain_lock, UNNEST(\(events.map(\.sequence)), \(events.map(\.entry.time.timeIntervalSince1970)), \(events.map(\.entry.actor)),
                    \(events.map(\.entry.action.rawValue)), \(events.map { $0.entry.subject?.rawValue ?? "" }),
                    \(events.map { $0.entry.categories.joined(separator: ",") }), \(events.map { $0.entry.purpose ?? "" }),
                    \(events.map { $0.entry.reason ?? "" }), \(events.map(\.entry.outcome.rawValue)), \(events.map(\.entry.breakGlass)),
                    \(events.map { ByteBuffer(bytes: $0.previousHash) }), \(events.map { ByteBuffer(bytes: $0.hash) }))
             AS e (seq, at, actor, action, subject_id, categories, purpose, reason, outcome, break_glass, previous_hash, hash)
        WHERE CASE WHEN \(head?.sequence)::bigint IS NULL THEN NOT EXISTS (SELECT 1 FROM audit)
                   ELSE EXISTS (SELECT 1 FROM audit WHERE seq = \(head?.sequence) AND hash = \(head.map { ByteBuffer(bytes: $0.hash) }))
                        AND NOT EXISTS (SELECT 1 FROM audit WHERE seq > \(head?.sequence)) END
        RETURNING 1
        """
    }

    static func auditEvents(_ rows: PostgresRowSequence) async throws -> [AuditEvent] {
        var events: [AuditEvent] = []
        let decoded = rows.decode((Int64, Double, String, String, String?, String, String?, String?, String, Bool, Data, Data, Bool).self)
        for try await (seq, at, actor, action, subject, categories, purpose, reason, outcome, breakGlass, previous, hash, reduced) in decoded {
            let entry = AuditEntry(
                time: Date(timeIntervalSince1970: at), actor: actor, action: AuditAction(rawValue: action) ?? .read,
                subject: subject.flatMap(SubjectID.init(rawValue:)),
                categories: categories.isEmpty ? [] : categories.split(separator: ",").map(String.init),
                purpose: purpose, reason: reason, outcome: AuditOutcome(rawValue: outcome) ?? .denied, breakGlass: breakGlass)
            events.append(AuditEvent(sequence: seq, entry: entry, previousHash: previous, hash: hash, isReduced: reduced))
        }
        return events
    }

    static func checkpoints(_ rows: PostgresRowSequence) async throws -> [AuditCheckpoint] {
        var checkpoints: [AuditCheckpoint] = []
        for try await (seq, hash, previous, verifiedAt) in rows.decode((Int64, Data, Int64, Double).self) {
            checkpoints.append(AuditCheckpoint(sequence: seq, hash: hash, previousSequence: previous,
                                               verifiedAt: Date(timeIntervalSince1970: verifiedAt)))
        }
        return checkpoints
    }
}
