import Foundation

/// Retention (art. 5(1)(e)): sweeps of what is past its retention, legal holds, the anonymous
/// records sweeps leave, and the report of what is kept until when and why. A capability service
/// over the vault's kernel (whose planner keeps each record's erase-by date current on every
/// write) and the store's retention role; reached as `vault.retention`.
public struct RetentionService: Sendable {
    let vault: Vault
    /// The store in its role for this capability.
    var store: any RetentionStore { vault.store }
}

extension Vault {
    /// Sweeps, holds and the retention report.
    public var retention: RetentionService { RetentionService(vault: self) }
}

extension RetentionService {
    /// Sweeps what is due at `now` (the clock's time when `nil`): records past their retention
    /// are deleted or anonymised; audit events past the log's retention are reduced; closed
    /// requests past theirs are deleted. Each batch is one transaction with its audit events.
    ///
    /// A dry run counts what would go and changes nothing but stale erase-by dates, which are
    /// brought up to date first whenever the policy's retention terms changed.
    /// `progress` hears how many records are removed so far, after each batch.
    /// `actor`, when a person starts it (from the console), is recorded as having started it.
    public func sweep(at now: Date? = nil, dryRun: Bool = false, batchSize: Int = 25_000, startedBy actor: String? = nil,
                      progress: @Sendable (Int) -> Void = { _ in }) async throws -> SweepReport {
        // Due-ness counts from `now`; the audit log records when the sweep really ran.
        let ranAt = vault.now()
        if let actor {
            try await vault.audit(AuditEntry(time: ranAt, actor: actor, action: .retention, reason: dryRun ? "dry run started" : "sweep started"))
        }
        let now = try now.map { time throws(VaultError) in try PlausibleTime.checked(time, field: "at") } ?? ranAt
        let rescheduled = try await rescheduleIfPolicyChanged()
        guard !dryRun else {
            return SweepReport(time: now, dryRun: true, removed: try await store.dueTally(dueBy: now), rescheduled: rescheduled)
        }
        // What erasures shredded goes first, so no sweep leaves it waiting for the next.
        try await vault.purgeShredded()
        var removed = SweepTally()
        let anonymiser = Anonymiser(policy: vault.policy, keys: vault.keys, day: vault.legalCalendar.calendarDate(of: ranAt))
        while true {
            let batch = try await store.sweep(dueBy: now, limit: batchSize, anonymise: anonymiser.anonymise) { tally in
                Self.auditEntries(for: tally, at: ranAt)
            }
            removed.add(batch)
            progress(removed.records)
            if batch.records < batchSize { break }
        }
        var report = SweepReport(time: now, dryRun: false, removed: removed, rescheduled: rescheduled)
        report.auditEventsReduced = try await reduceAuditLog(at: now, ranAt: ranAt)
        if let keep = vault.policy.logs.requests {
            let cutoff = vault.legalCalendar.adding(keep.negated, to: now)
            report.requestsDeleted = try await vault.store.deleteRequests(closedBefore: cutoff) { count in
                count == 0 ? [] : [AuditEntry(time: ranAt, actor: Vault.sweepActor, action: .retention, reason: "requests deleted \(count)")]
            }
        }
        return report
    }

    /// One audit entry per purpose, category and action of a batch: counts, never values.
    static func auditEntries(for tally: SweepTally, at now: Date) -> [AuditEntry] {
        var entries = tally.counts.map { count in
            AuditEntry(time: now, actor: Vault.sweepActor, action: .retention, categories: [count.category],
                       purpose: count.purpose, reason: "\(count.action == .delete ? "deleted" : "anonymised") \(count.records)")
        }
        if tally.subjectsRemoved > 0 {
            entries.append(AuditEntry(time: now, actor: Vault.sweepActor, action: .retention, reason: "subjects removed \(tally.subjectsRemoved)"))
        }
        return entries
    }

    /// Reduces audit events older than the policy's log retention, as far as the latest
    /// checkpoint reaches: a checkpoint is made first, so that its hash vouches for them.
    func reduceAuditLog(at now: Date, ranAt: Date) async throws -> Int {
        guard let keep = vault.policy.logs.audit else { return 0 }
        let cutoff = vault.legalCalendar.adding(keep.negated, to: now)
        guard try await vault.auditEvents(limit: 1).first.map({ $0.entry.time < cutoff }) == true else { return 0 }
        while case .added = try await vault.checkpointAudit() {}
        guard let checkpoint = try await vault.store.latestAuditCheckpoint() else { return 0 }
        return try await vault.store.reduceAudit(before: cutoff, through: checkpoint.sequence) { count in
            count == 0 ? [] : [AuditEntry(time: ranAt, actor: Vault.sweepActor, action: .retention, reason: "audit events reduced \(count)")]
        }
    }

    /// Computes every record's schedule again when the policy's retention terms differ from the
    /// ones the stored schedules were computed with (or none were); returns how many changed.
    func rescheduleIfPolicyChanged() async throws -> Int {
        let fingerprint = Data(vault.planner.fingerprint.utf8)
        let stored = try await vault.store.metadata(Vault.Meta.retentionFingerprint)
        guard stored != fingerprint else { return 0 }
        var changed = 0
        var after: SubjectID?
        while true {
            let page = try await vault.store.subjects(after: after, limit: 500)
            let movesADate = { (change: StoreChange) in if case .scheduleErasure = change { true } else { false } }
            // A person changed while the page was read is read again with the whole page.
            changed += try await retryingConflicts {
                var changes: [StoreChange] = []
                for subject in page {
                    guard let snapshot = try await vault.store.snapshot(of: subject) else { continue }
                    // Only the people whose dates move are written (and expected unchanged).
                    let rescheduled = vault.rescheduling(snapshot)
                    if rescheduled.contains(where: movesADate) { changes += rescheduled }
                }
                if !changes.isEmpty { try await vault.committer.commit(changes, audit: []) }
                return changes.count(where: movesADate)
            }
            guard let last = page.last, page.count == 500 else { break }
            after = last
        }
        _ = try await vault.store.setMetadata([Vault.Meta.retentionFingerprint: fingerprint], ifCurrent: Vault.Meta.retentionFingerprint, is: stored)
        return changed
    }

    /// Places a legal hold of the policy on a person: the clocks of the purposes it belongs to
    /// stop until it is released.
    public func placeHold(_ hold: String, on subject: SubjectID, at time: Date? = nil, by principal: Principal) async throws {
        try await setHold(hold, on: subject, placing: true, at: time, by: principal)
    }

    /// Releases a legal hold: the clocks run again from their anchors, and what is then past its
    /// retention goes at the next sweep.
    public func releaseHold(_ hold: String, on subject: SubjectID, at time: Date? = nil, by principal: Principal) async throws {
        try await setHold(hold, on: subject, placing: false, at: time, by: principal)
    }

    private func setHold(_ id: String, on subject: SubjectID, placing: Bool, at time: Date?, by principal: Principal) async throws {
        if let time { _ = try PlausibleTime.checked(time, field: "at") }
        let holds = vault.policy.purposes.flatMap(\.retention.holds)
        guard let hold = holds.first(where: { $0.id == id }) else {
            let known = Set(holds.map(\.id)).sorted()
            throw VaultError(.holdUnknown, "'\(id)' is not a legal hold of this policy; known: \(known.isEmpty ? "none" : known.joined(separator: ", "))")
        }
        try await vault.recordAnchor(placing ? hold.id : hold.releasedBy, at: time, for: subject) { now in
            AuditEntry(time: now, actor: principal.id, action: .hold, subject: subject, reason: "\(placing ? "placed" : "released") \(hold.id)")
        }
    }

    /// Anonymous records kept after anonymisation, of one category when given.
    public func anonymousRecords(category: String? = nil, limit: Int = 1000) async throws -> [AnonymousRecord] {
        try await store.anonymousRecords(category: category, limit: limit)
    }
}
