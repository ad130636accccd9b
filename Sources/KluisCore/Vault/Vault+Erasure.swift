import Foundation

/// Erasure (art. 17) and its journal.
extension Vault {
    /// Erases a person in one transaction: their data keys are destroyed and their records,
    /// identifiers and consent history deleted, except categories a legal obligation (or a legal
    /// hold in force) must keep — those stay, restricted to that purpose, until their end date.
    /// A request that names categories erases only those, and the person stays. The erasure is
    /// journalled, so a restore can replay it, and certified.
    func erase(_ subject: SubjectID, request: DataSubjectRequest, by principal: Principal) async throws -> Fulfilment {
        guard let snapshot = try await store.snapshot(of: subject) else {
            throw VaultError(.subjectNotFound, "there is no subject \(subject)")
        }
        let now = now()
        // A request may name categories: then only those go, and the person stays.
        let scope = request.categories.isEmpty ? nil : ErasureRecord.Scope(categories: request.categories.sorted())
        var plan = erasurePlan(for: snapshot, only: scope.map { scope in snapshot.records.filter { scope.categories.contains($0.category) } },
                               now: now)
        if let scope {
            plan.erased = scope.categories.filter { category in !plan.kept.contains { $0.category == category } }
        }
        // Erased whole, the person is masked in other people's records that refer to them.
        let pseudonym = scope == nil ? OpaqueID.generate(prefix: "anon_") : ""
        let masking = scope == nil
            ? try await self.masking(subject, as: pseudonym, reason: "\(request.id)", by: principal.id, now: now)
            : Masking()
        let record = ErasureRecord(subject: subject, request: request.id, erasedAt: now, erased: plan.erased,
                                   kept: plan.kept, maskedRecords: masking.count, pseudonym: pseudonym, scope: scope)
        let notices = try await recipientsToNotify(subject: subject, categories: plan.erased.filter { !$0.hasPrefix("_") })
        var updated = request
        let keptText = plan.kept.isEmpty ? "" : "; kept under a legal obligation: \(plan.kept.map(\.category).joined(separator: ", "))"
        updated.outcome = "erased \(plan.erased.count) categories\(keptText)"
        try updated.move(to: .fulfilled, at: now, by: principal.id, note: updated.outcome)
        try await committer.commit(erasureChanges(record, restrictions: plan.kept.map { $0.restriction(since: now) }, of: snapshot)
                                   + masking.changes + [.putRequest(updated)], audit: masking.audit + [
            AuditEntry(time: now, actor: principal.id, action: .erasure, subject: subject, categories: plan.erased,
                       reason: "\(request.id)", outcome: plan.kept.isEmpty ? .allowed : .partial),
            AuditEntry(time: now, actor: principal.id, action: .request, subject: subject,
                       reason: "\(request.id) erasure fulfilled"),
        ])
        keys.forget(subject: subject, categories: plan.erased)
        return Fulfilment(request: status(of: updated, now: now), erasure: record, certificate: certificate(for: record),
                          recipientsToNotify: notices)
    }

    /// The store changes of an erasure: the same when it happens and when a restore replays it.
    /// What is kept stays only for the purposes it is kept for, so its erase-by dates are
    /// computed again from what is left of `snapshot`. An erasure of part of the person's data
    /// leaves the rest, and its dates are computed again too: what a record was collected for
    /// may have been why a purpose applied.
    func erasureChanges(_ record: ErasureRecord, restrictions: [Restriction], of snapshot: SubjectSnapshot) -> [StoreChange] {
        if let scope = record.scope {
            let keptCategories = Set(record.kept.map(\.category))
            let gone = { (sealed: SealedRecord) in
                record.erased.contains(sealed.category) || (scope.records.contains(sealed.id) && !keptCategories.contains(sealed.category))
            }
            var left = snapshot
            left.records.removeAll(where: gone)
            left.dataKeys.removeAll { record.erased.contains($0.category) }
            let single = snapshot.records.filter { gone($0) && !record.erased.contains($0.category) }.map(\.id)
            var changes: [StoreChange] = [.eraseRecords(record.subject, categories: record.erased, records: single)]
            if !restrictions.isEmpty {
                left.restrictions += restrictions
                changes.append(.setRestrictions(record.subject, left.restrictions))
            }
            return changes + rescheduling(left) + [.journalErasure(record)]
        }
        let keeping = record.kept.map(\.category)
        var changes: [StoreChange] = [.eraseSubject(record.subject, keeping: keeping)]
        if !restrictions.isEmpty {
            changes.append(.setRestrictions(record.subject, restrictions))
            var left = snapshot
            left.records.removeAll { !keeping.contains($0.category) }
            left.consents = []
            left.restrictions = restrictions
            changes += rescheduling(left)
        }
        return changes + [.journalErasure(record)]
    }

    /// What an erasure of `snapshot` erases and keeps: a category is kept while a purpose that
    /// applies to the person and rests on a legal obligation, or whose legal hold is in force, may
    /// still keep one of its records.
    func erasurePlan(for snapshot: SubjectSnapshot, only targets: [SealedRecord]? = nil, now: Date) -> (erased: [String], kept: [ErasureRecord.Kept]) {
        let state = snapshot.state
        let applying = gate.applicability.since(state)
        let fieldDate = fieldDates(of: snapshot)
        var kept: [ErasureRecord.Kept] = []
        let candidates = targets ?? snapshot.records
        let categories = Set(candidates.map(\.category))
        for category in categories.sorted() {
            let records = candidates.filter { $0.category == category }
            let keepers = policy.purposes(using: category).filter { purpose in
                applying[purpose.id] != nil
                    && (purpose.legalBasis.kind == .legalObligation || gate.retention.isHeld(purpose.retention, state: state))
            }
            var keeping: [String] = []
            var until: Date? = .distantPast
            for purpose in keepers {
                let expiries = records.map { record in
                    gate.retention.expiry(of: record, terms: purpose.retention(for: category), state: state, purpose: purpose.id,
                                          since: applying[purpose.id]) { fieldDate(record, $0) }
                }
                let held = gate.retention.isHeld(purpose.retention, state: state)
                guard held || expiries.contains(where: { $0 == nil || $0! > now }) else { continue }
                keeping.append(purpose.id)
                // The end date is the latest expiry; unknown while a clock has not started or a hold is in force.
                if held || expiries.contains(where: { $0 == nil }) { until = nil } else if let current = until {
                    until = max(current, expiries.compactMap { $0 }.max() ?? current)
                }
            }
            guard !keeping.isEmpty else { continue }
            kept.append(ErasureRecord.Kept(category: category, purpose: keeping.joined(separator: ","), until: until))
        }
        let keptCategories = Set(kept.map(\.category))
        let erased = Set(snapshot.dataKeys.map(\.category)).union(categories).subtracting(keptCategories).sorted()
        return (erased, kept)
    }

    /// The erasure certificate: the journal entry signed with the vault's receipt key.
    func certificate(for record: ErasureRecord) -> String {
        receiptSigner.sign(record.encoded())
    }

    /// Replays the erasure journal of `journal` on this vault's store: everyone erased there is
    /// erased here again, keeping only what was kept then. Used after a restore, so that an old
    /// backup brings nobody back. Returns the number of subjects erased again.
    @discardableResult
    public func replayErasures(_ journal: [ErasureJournalEntry]) async throws -> Int {
        var known = Set(try await erasureJournal().map(\.record))
        var replayed = 0
        // The same erasure may come from several journals: it is replayed once.
        for entry in journal where known.insert(entry.record).inserted {
            let record = entry.record
            var changes: [StoreChange] = [.journalErasure(record)]
            if let snapshot = try await store.snapshot(of: record.subject) {
                changes = erasureChanges(record, restrictions: record.kept.map { $0.restriction(since: record.erasedAt) }, of: snapshot)
                replayed += 1
            }
            // Records of others that the backup still shows unmasked are masked again, under the
            // same pseudonym.
            let masking = record.scope == nil
                ? try await self.masking(record.subject, as: record.pseudonym, reason: "replayed after restore", by: "cli", now: now())
                : Masking()
            try await committer.commit(changes + masking.changes, audit: masking.audit + [
                AuditEntry(time: now(), actor: "cli", action: .erasure, subject: record.subject, categories: record.erased,
                           reason: "replayed after restore\(record.request.map { ": \($0)" } ?? "")"),
            ])
            keys.forget(subject: record.subject)
        }
        return replayed
    }

    /// The whole erasure journal, oldest first.
    public func erasureJournal() async throws -> [ErasureJournalEntry] {
        try await Self.erasureJournal(in: store)
    }

    /// The whole erasure journal of `store`, oldest first; needs no keys.
    public static func erasureJournal(in store: any VaultStore) async throws -> [ErasureJournalEntry] {
        var entries: [ErasureJournalEntry] = []
        while true {
            let page = try await store.erasureJournal(after: entries.last?.sequence ?? 0, limit: 1000)
            entries += page
            if page.count < 1000 { return entries }
        }
    }
}
