import Foundation
import KluisCore

/// A retention sweep of many records of which a tenth are due, beside a raw `DELETE` of rows laid
/// out the same way on the same store in the same run.
struct RetentionBench {
    let vault: Vault
    let store: any VaultStore
    let records: Int
    /// Records per person; the first of each person's records is due.
    static let recordsPerSubject = 10

    struct Outcome {
        var swept: Int
        var sweepRate: Double
        var rawRate: Double
        /// Whether both deletions came after a checkpoint (``BenchStore/settleRecords()``).
        var checkpointed: Bool
    }

    /// The raw `DELETE` goes first, on rows written exactly as the sweep's are: a due record
    /// among every ten, so both dirty the same pages. (Due rows written together, as an earlier
    /// version did, sit on few pages and made the baseline about twice as fast as deleting the
    /// same number of rows spread through the table.) The baseline's other rows are then
    /// removed, untimed, so the sweep's table holds as many records as the baseline's did. Before
    /// each timed deletion the records are settled as records written long ago are
    /// (``BenchStore/settleRecords()``), so that both meet the table in the same state.
    func run(on target: BenchStore) async throws -> Outcome {
        // Settle the retention fingerprint first, so the timed sweep does not recompute dates.
        _ = try await vault.retention.sweep(dryRun: true)
        let now = Date()
        let rawDue = try await insert(now: now)
        let baselineCheckpointed = try await target.settleRecords()
        let rawStart = ContinuousClock.now
        let deleted = try await target.rawDelete(dueBy: now)
        let rawSeconds = (ContinuousClock.now - rawStart).seconds
        guard deleted == rawDue else { throw BenchFailure("the raw DELETE removed \(deleted) records; \(rawDue) were due") }
        _ = try await target.rawDelete(dueAt: Self.laterDue(now))
        let due = try await insert(now: now)
        let checkpointed = try await target.settleRecords() && baselineCheckpointed
        let start = ContinuousClock.now
        let report = try await vault.retention.sweep(at: now)
        let sweepSeconds = (ContinuousClock.now - start).seconds
        guard report.removed.records == due else {
            throw BenchFailure("the sweep removed \(report.removed.records) records; \(due) were due")
        }
        guard report.removed.subjectsRemoved == 0 else {
            throw BenchFailure("the sweep removed \(report.removed.subjectsRemoved) people, each of whom kept records that were not due")
        }
        return Outcome(swept: due, sweepRate: Double(due) / sweepSeconds, rawRate: Double(deleted) / rawSeconds, checkpointed: checkpointed)
    }

    /// When the records that are not due are: in a year.
    static func laterDue(_ now: Date) -> Date { now.addingTimeInterval(365 * 86_400) }

    /// Writes sealed-looking records straight through the store, a tenth due a day ago and the
    /// rest due in a year, with the data key each person's records are sealed under, as the vault
    /// writes them: the sweep looks for keys its batch left with no record, so a bench without
    /// keys would leave that work out. Returns how many records are due.
    private func insert(now: Date) async throws -> Int {
        let subjects = max(1, records / Self.recordsPerSubject)
        let sealed = Data(repeating: 0xA5, count: 48)
        let wrapped = Data(repeating: 0x5A, count: 60)
        var due = 0
        var changes: [StoreChange] = []
        for _ in 0..<subjects {
            let subject = SubjectID.generate()
            changes.append(.createSubject(subject, createdAt: now))
            changes.append(.addDataKey(StoredDataKey(subject: subject, category: "visits", wrapped: wrapped, rootKeyID: "bench")))
            for number in 0..<Self.recordsPerSubject {
                let isDue = number == 0
                let eraseBy = isDue ? now.addingTimeInterval(-86_400) : Self.laterDue(now)
                if isDue { due += 1 }
                changes.append(.putRecord(SealedRecord(
                    subject: subject, category: "visits", id: RecordID.generate(),
                    fields: ["page": sealed, "at": sealed], createdAt: now, updatedAt: now,
                    schedule: ErasureSchedule(eraseBy: eraseBy, action: .delete, purpose: "service"))))
            }
            if changes.count >= 10_000 {
                try await store.commit(changes, audit: [])
                changes.removeAll(keepingCapacity: true)
            }
        }
        if !changes.isEmpty { try await store.commit(changes, audit: []) }
        return due
    }
}
