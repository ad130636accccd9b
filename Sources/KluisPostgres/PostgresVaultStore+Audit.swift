import Foundation
import KluisCore
import PostgresNIO
import Synchronization

/// The chain's newest event, after which the next is chained.
typealias AuditHead = (sequence: Int64, hash: Data)

/// Audit rows: chained and appended in one statement per commit (``AuditAppendStatement``),
/// read back whole.
extension PostgresVaultStore {
    /// Keeps the newest of `events` as the head a read's audit event is chained after.
    func remember(_ events: [AuditEvent]) {
        guard let last = events.last else { return }
        knownHead.withLock { $0 = (last.sequence, last.hash) }
    }

    /// Appends audit entries that come with no change (reads and refusals, most of all) in one
    /// round trip instead of five: one statement, its own transaction, chained after the head
    /// this store last wrote. Nil when that is no longer the chain's head — another node or
    /// process extended it, or the database was restored — and then nothing was written.
    ///
    /// The statement holds the chain's lock while its rows are uncommitted, as every append
    /// does, so a locked append that reads the head never misses one of them; and should this
    /// statement's view of the head be a moment old, the second event with the same sequence
    /// number fails on the primary key.
    func appendAuditAlone(_ entries: [AuditEntry], after head: AuditHead) async throws -> [AuditEvent]? {
        let events = AuditEvent.chain(entries, after: head)
        guard !events.isEmpty else { return [] }
        do {
            let inserted = try await client.execute(AuditAppendStatement(events: events, head: head, lockSpace: lockSpace), logger: logger)
                .all().count
            guard inserted == events.count else { return nil }
        } catch let error as PSQLError where error.serverInfo?[.sqlState] == "23505" {
            return nil
        }
        remember(events)
        return events
    }

    /// Chains `entries` after the head and appends them, inside the caller's transaction. The
    /// chain's head may only be read and extended by one transaction at a time, across all
    /// nodes; the lock is taken last so that it is held only briefly.
    @discardableResult
    func appendAudit(_ entries: [AuditEntry], on connection: PostgresConnection) async throws -> [AuditEvent] {
        guard !entries.isEmpty else { return [] }
        _ = try await connection.execute(AuditChainLockStatement(lockSpace: lockSpace), logger: logger).all()
        let head = try await connection.execute(AuditHeadStatement(), logger: logger).all().first
        let events = AuditEvent.chain(entries, after: head)
        let inserted = try await connection.execute(AuditAppendStatement(events: events, head: head, lockSpace: lockSpace), logger: logger)
            .all().count
        guard inserted == events.count else {
            throw VaultError(.storeFailure, "the audit chain moved while its lock was held")
        }
        return events
    }

    static let auditColumns = "seq, at, actor, action, subject_id, categories, purpose, reason, outcome, break_glass, previous_hash, hash"

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
