import Foundation

/// What an erasure changes and keeps, shared by erasure requests, deletions and the replay of
/// the journal after a restore.
///
/// An erasure is two steps. The commit destroys the data keys of what is erased (the records
/// are unreadable from that moment and left out of every read), deletes identifiers, consents
/// and sessions, and journals and audits it: its cost does not grow with the person's records.
/// The ciphertext rows, now shredded, are deleted after by ``purgeShredded(batch:)`` in batches,
/// which the server runs in the background and every retention sweep runs first; a purge cut
/// short resumes where it stopped.
extension Vault {
    /// The categories a purpose that may outlive an erasure uses: one resting on a legal
    /// obligation, or one with a legal hold. Only their records decide what a whole erasure
    /// keeps, so only they are read; a record is always collected for a purpose that uses its
    /// category, so the purposes' applicability comes out the same.
    var keepableCategories: Set<String> {
        Set(policy.purposes.filter { $0.legalBasis.kind == .legalObligation || !$0.retention.holds.isEmpty }.flatMap(\.categories))
    }

    /// Deletes the shredded records left by erasures, `batch` at a time, until none is left;
    /// returns what went. Safe to run on several nodes at once.
    @discardableResult
    public func purgeShredded(batch: Int = 2_000) async throws -> PurgeTally {
        var purged = PurgeTally()
        while true {
            let round = try await store.purgeShredded(limit: batch)
            purged.add(round)
            if round.records < batch { return purged }
        }
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
                changes.append(.setRestrictions(record.subject, left.restrictions, replacing: snapshot.restrictions))
            }
            return changes + rescheduling(left) + [.journalErasure(record)]
        }
        let keeping = record.kept.map(\.category)
        var changes: [StoreChange] = [.eraseSubject(record.subject, keeping: keeping)]
        if !restrictions.isEmpty {
            changes.append(.setRestrictions(record.subject, restrictions, replacing: snapshot.restrictions))
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
}
