import Foundation

/// The audit chain: its events, the checkpoints nodes record as they verify it, and its reduction
/// when the log's retention ends.
public protocol AuditStore: Sendable {
    /// The last event of the audit chain.
    func auditHead() async throws -> AuditEvent?

    /// Audit events after `sequence` in order, at most `limit`, of one subject when given.
    func auditEvents(after sequence: Int64, subject: SubjectID?, limit: Int) async throws -> [AuditEvent]

    /// Audit events that match `query`, newest first, before `sequence` (from the head when
    /// `nil`), at most `limit`.
    func auditEvents(matching query: AuditQuery, before sequence: Int64?, limit: Int) async throws -> [AuditEvent]

    /// The events from `from` until before `until`, counted by action, outcome and break-glass.
    func auditTallies(from: Date, until: Date) async throws -> [AuditTally]

    /// The last audit checkpoint, `nil` before the first.
    func latestAuditCheckpoint() async throws -> AuditCheckpoint?

    /// Adds `checkpoint` after the one it names; returns `false`, changing nothing, when another
    /// process added a checkpoint after that one first.
    func addAuditCheckpoint(_ checkpoint: AuditCheckpoint) async throws -> Bool

    /// Audit checkpoints after `sequence` in order, at most `limit`.
    func auditCheckpoints(after sequence: Int64, limit: Int) async throws -> [AuditCheckpoint]

    /// Reduces audit events written before `cutoff`, up to the checkpoint at `sequence`, to what
    /// the hash chain needs (number, time, action, outcome, hashes); returns how many, with the
    /// entries `audit` makes for that count appended in the same transaction.
    func reduceAudit(before cutoff: Date, through sequence: Int64,
                     audit: @Sendable (Int) -> [AuditEntry]) async throws -> Int
}
