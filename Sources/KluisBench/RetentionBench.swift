import Foundation
import KluisCore

/// A retention sweep of many records of which a tenth are due, beside a raw `DELETE` of the same
/// rows on the same store in the same run.
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
    }

    func run(on target: BenchStore) async throws -> Outcome {
        // Settle the retention fingerprint first, so the timed sweep does not recompute dates.
        _ = try await vault.retention.sweep(dryRun: true)
        let now = Date()
        let due = try await insert(now: now)
        let start = ContinuousClock.now
        let report = try await vault.retention.sweep(at: now)
        let sweepSeconds = (ContinuousClock.now - start).seconds
        guard report.removed.records == due else {
            throw BenchFailure("the sweep removed \(report.removed.records) records; \(due) were due")
        }
        _ = try await insert(now: now, dueOnly: true)
        let rawStart = ContinuousClock.now
        let deleted = try await target.rawDelete(dueBy: now)
        let rawSeconds = (ContinuousClock.now - rawStart).seconds
        guard deleted == due else { throw BenchFailure("the raw DELETE removed \(deleted) records; \(due) were due") }
        return Outcome(swept: due, sweepRate: Double(due) / sweepSeconds, rawRate: Double(deleted) / rawSeconds)
    }

    /// Writes sealed-looking records straight through the store, a tenth due a day ago and the
    /// rest due in a year; returns how many are due. With `dueOnly`, writes the due ones again.
    private func insert(now: Date, dueOnly: Bool = false) async throws -> Int {
        let subjects = max(1, records / Self.recordsPerSubject)
        let sealed = Data(repeating: 0xA5, count: 48)
        var due = 0
        var changes: [StoreChange] = []
        for _ in 0..<subjects {
            let subject = SubjectID.generate()
            changes.append(.createSubject(subject, createdAt: now))
            for number in 0..<Self.recordsPerSubject {
                let isDue = number == 0
                guard isDue || !dueOnly else { continue }
                let eraseBy = isDue ? now.addingTimeInterval(-86_400) : now.addingTimeInterval(365 * 86_400)
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
