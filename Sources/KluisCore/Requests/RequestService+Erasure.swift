import Foundation

/// Erasure (art. 17) as a request's fulfilment, its certificate, and its journal, which a
/// restore replays so that an old backup brings nobody back.
extension RequestService {
    /// Erases a person in one transaction: their data keys are destroyed, so their records are
    /// unreadable at once (and deleted by the purge after), and their identifiers and consent
    /// history deleted, except categories a legal obligation (or a legal hold in force) must
    /// keep — those stay, restricted to that purpose, until their end date.
    /// A request that names categories erases only those, and the person stays. The erasure is
    /// journalled, so a restore can replay it, and certified.
    func erase(_ subject: SubjectID, request: DataSubjectRequest, by principal: Principal) async throws -> Fulfilment {
        // A request may name categories: then only those go, and the person stays.
        let scope = request.categories.isEmpty ? nil : ErasureRecord.Scope(categories: request.categories.sorted())
        // Erased whole, only what a legal obligation may keep is read: the commit then does not
        // grow with the person's other records (their keys go; the purge deletes them after). A
        // partial erasure reads everything, as the dates of what stays are computed again.
        let read = scope == nil ? try await vault.store.snapshot(of: subject, recordsIn: vault.keepableCategories)
                                : try await vault.store.snapshot(of: subject)
        guard let snapshot = read else {
            throw VaultError(.subjectNotFound, "there is no subject \(subject)")
        }
        let now = vault.now()
        var plan = vault.erasurePlan(for: snapshot, only: scope.map { scope in snapshot.records.filter { scope.categories.contains($0.category) } },
                                     now: now)
        if let scope {
            plan.erased = scope.categories.filter { category in !plan.kept.contains { $0.category == category } }
        }
        // Erased whole, the person is masked in other people's records that refer to them.
        let pseudonym = scope == nil ? OpaqueID.generate(prefix: "anon_") : ""
        let masking = scope == nil
            ? try await vault.masking(subject, as: pseudonym, reason: "\(request.id)", by: principal.id, now: now)
            : Vault.Masking()
        let record = ErasureRecord(subject: subject, request: request.id, erasedAt: now, erased: plan.erased,
                                   kept: plan.kept, maskedRecords: masking.count, pseudonym: pseudonym, scope: scope)
        let notices = try await recipientsToNotify(subject: subject, categories: plan.erased.filter { !$0.hasPrefix("_") })
        var updated = request
        let keptText = plan.kept.isEmpty ? "" : "; kept under a legal obligation: \(plan.kept.map(\.category).joined(separator: ", "))"
        updated.outcome = "erased \(plan.erased.count) categories\(keptText)"
        try updated.move(to: .fulfilled, at: now, by: principal.id, note: updated.outcome)
        try await vault.committer.commit(vault.erasureChanges(record, restrictions: plan.kept.map { $0.restriction(since: now) }, of: snapshot)
                                         + masking.changes + [.putRequest(updated, replacing: request)], audit: masking.audit + [
            AuditEntry(time: now, actor: principal.id, action: .erasure, subject: subject, categories: plan.erased,
                       reason: "\(request.id)", outcome: plan.kept.isEmpty ? .allowed : .partial),
            AuditEntry(time: now, actor: principal.id, action: .request, subject: subject,
                       reason: "\(request.id) erasure fulfilled"),
        ])
        vault.keys.forget(subject: subject, categories: plan.erased)
        return Fulfilment(request: status(of: updated, at: now), erasure: record, certificate: certificate(for: record),
                          recipientsToNotify: notices)
    }

    /// The erasure certificate: the journal entry signed with the vault's receipt key.
    func certificate(for record: ErasureRecord) -> String {
        vault.receiptSigner.sign(record.encoded())
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
            // A server may change the person meanwhile: then all is read and prepared again.
            if try await retryingConflicts({ try await replay(entry.record) }) { replayed += 1 }
            vault.keys.forget(subject: entry.record.subject)
        }
        return replayed
    }

    /// Erases the subject of `record` again, or only journals the erasure when the store has no
    /// such subject; returns whether there was one.
    private func replay(_ record: ErasureRecord) async throws -> Bool {
        var changes: [StoreChange] = [.journalErasure(record)]
        let snapshot = try await vault.store.snapshot(of: record.subject)
        if let snapshot {
            changes = vault.erasureChanges(record, restrictions: record.kept.map { $0.restriction(since: record.erasedAt) }, of: snapshot)
        }
        // Records of others that the backup still shows unmasked are masked again, under the
        // same pseudonym.
        let masking = record.scope == nil
            ? try await vault.masking(record.subject, as: record.pseudonym, reason: "replayed after restore", by: "cli", now: vault.now())
            : Vault.Masking()
        try await vault.committer.commit(changes + masking.changes, audit: masking.audit + [
            AuditEntry(time: vault.now(), actor: "cli", action: .erasure, subject: record.subject, categories: record.erased,
                       reason: "replayed after restore\(record.request.map { ": \($0)" } ?? "")"),
        ])
        return snapshot != nil
    }

    /// The whole erasure journal, oldest first.
    public func erasureJournal() async throws -> [ErasureJournalEntry] {
        try await Self.erasureJournal(in: store)
    }

    /// The whole erasure journal of `store`, oldest first; needs no vault.keys.
    public static func erasureJournal(in store: any RequestStore) async throws -> [ErasureJournalEntry] {
        var entries: [ErasureJournalEntry] = []
        while true {
            let page = try await store.erasureJournal(after: entries.last?.sequence ?? 0, limit: 1000)
            entries += page
            if page.count < 1000 { return entries }
        }
    }
}
