import Foundation

/// The audit log: queries, verification and checkpoints.
extension Vault {
    /// Audit events after `sequence`, oldest first, of one subject when given.
    public func auditEvents(after sequence: Int64 = 0, subject: SubjectID? = nil, limit: Int = 100) async throws -> [AuditEvent] {
        try await store.auditEvents(after: sequence, subject: subject, limit: min(max(limit, 1), 1000))
    }

    /// Audit events that match `query`, newest first, before `sequence` (from the head when
    /// `nil`), at most `limit` (1 to 1,000).
    public func auditEvents(matching query: AuditQuery, before sequence: Int64? = nil, limit: Int = 100) async throws -> [AuditEvent] {
        try await store.auditEvents(matching: query, before: sequence, limit: min(max(limit, 1), 1000))
    }

    /// The events of a period counted by action, outcome and break-glass.
    public func auditTallies(from: Date, until: Date) async throws -> [AuditTally] {
        try await store.auditTallies(from: from, until: until)
    }

    /// Records that `actor` took the audit log out of the vault (an export) or checked it: the
    /// log says who read it. The reason says what, and holds no personal data.
    public func recordAuditAccess(by actor: String, subject: SubjectID? = nil, reason: String) async throws {
        try await audit(AuditEntry(time: now(), actor: actor, action: .export, subject: subject, reason: reason))
    }

    /// Recomputes the whole chain and names the first broken event; `progress` hears how many
    /// events are checked after each page.
    public func verifyAudit(progress: @Sendable (Int64) -> Void = { _ in }) async throws -> AuditVerifier {
        try await Self.verifyAudit(in: store, progress: progress)
    }

    /// Recomputes the chain of `store`, page by page, and checks every checkpoint against it;
    /// needs no keys.
    public static func verifyAudit(in store: any VaultStore, pageSize: Int = 5000,
                                   progress: @Sendable (Int64) -> Void = { _ in }) async throws -> AuditVerifier {
        var verifier = AuditVerifier()
        var checkpoints: [AuditCheckpoint] = []
        var checkpointsAfter: Int64 = 0
        var hashes: [Int64: Data] = [:]
        while verifier.isIntact {
            let page = try await store.auditEvents(after: verifier.last.sequence, subject: nil, limit: pageSize)
            verifier.check(page)
            progress(verifier.checked)
            guard let last = page.last, verifier.isIntact else { break }
            hashes = Dictionary(uniqueKeysWithValues: page.map { ($0.sequence, $0.hash) })
            // The checkpoints this page covers.
            while true {
                if checkpoints.isEmpty {
                    checkpoints = try await store.auditCheckpoints(after: checkpointsAfter, limit: pageSize)
                }
                guard let next = checkpoints.first, next.sequence <= last.sequence else { break }
                verifier.check(next, hashAt: hashes[next.sequence])
                checkpointsAfter = next.sequence
                checkpoints.removeFirst()
            }
        }
        // A checkpoint beyond the end shows that events were cut off.
        if verifier.isIntact, let beyond = try await store.auditCheckpoints(after: verifier.last.sequence, limit: 1).first {
            verifier.check(beyond, hashAt: nil)
        }
        return verifier
    }

    /// What one checkpoint run did.
    public enum CheckpointOutcome: Sendable, Hashable {
        /// The events after the last checkpoint were verified and a checkpoint added.
        case added(AuditCheckpoint, events: Int64)
        /// No event since the last checkpoint.
        case upToDate
        /// Another process added the same checkpoint first; nothing was written.
        case madeElsewhere
        /// The chain is broken after the last checkpoint.
        case broken(AuditVerifier.Broken)
    }

    /// Checkpoints this vault's audit chain now; see ``checkpointAudit(in:now:limit:)``.
    public func checkpointAudit() async throws -> CheckpointOutcome {
        try await Self.checkpointAudit(in: store, now: now())
    }

    /// Verifies the events after the last checkpoint, at most `limit`, and records a checkpoint
    /// after them. Run by every node in the background: the store accepts one checkpoint after
    /// each other, so each stretch of the chain is recorded once however many nodes run.
    public static func checkpointAudit(in store: any VaultStore, now: Date, limit: Int = 10_000) async throws -> CheckpointOutcome {
        let latest = try await store.latestAuditCheckpoint()
        var verifier = latest.map(AuditVerifier.init(after:)) ?? AuditVerifier()
        let events = try await store.auditEvents(after: verifier.last.sequence, subject: nil, limit: limit)
        guard !events.isEmpty else { return .upToDate }
        verifier.check(events)
        if let broken = verifier.firstBroken { return .broken(broken) }
        let checkpoint = AuditCheckpoint(sequence: verifier.last.sequence, hash: verifier.last.hash,
                                         previousSequence: latest?.sequence ?? 0, verifiedAt: now)
        guard try await store.addAuditCheckpoint(checkpoint) else { return .madeElsewhere }
        return .added(checkpoint, events: verifier.checked)
    }
}
