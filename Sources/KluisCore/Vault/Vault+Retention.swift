import Foundation

/// Keeping each record's erase-by date current: every operation that changes what a date
/// depends on commits the new dates with its own changes. Sweeps are in `RetentionService`.
extension Vault {
    /// The actor named in the audit log for sweeps.
    public static let sweepActor = "retention"

    /// Schedule changes for the records of `snapshot` whose erase-by date or action differs
    /// from the stored one, computed from its (possibly just changed) state. Every operation that
    /// changes an anchor commits these with its own changes, so stored dates never lag; they
    /// expect the person unchanged since the snapshot even when no date moves, since a record
    /// written meanwhile would need its date computed again as well.
    func rescheduling(_ snapshot: SubjectSnapshot) -> [StoreChange] {
        writing([], into: snapshot)
    }

    /// The changes that store `written`, records just sealed into `snapshot`, with their
    /// schedules, and reschedule the others whose date changed: what a record is collected for
    /// may make a purpose apply, and so move the dates of the person's other records. The dates
    /// are computed from the person as read, so the changes expect them unchanged at the commit.
    func writing(_ written: [SealedRecord], into snapshot: SubjectSnapshot) -> [StoreChange] {
        let state = snapshot.state
        let fieldDate = fieldDates(of: snapshot)
        let standing = planner.standing(of: snapshot.records, state: state, fieldDate: fieldDate)
        let writtenIDs = Set(written.map(\.id))
        let expected = snapshot.expectingKeys(of: written.filter { !$0.fields.isEmpty }.map(\.category))
        let changes = snapshot.records.compactMap { record -> StoreChange? in
            let schedule = planner.schedule(of: record, state: state, standing: standing) { fieldDate(record, $0) }
            if writtenIDs.contains(record.id) {
                var scheduled = record
                scheduled.schedule = schedule
                return .putRecord(scheduled)
            }
            guard schedule != record.schedule else { return nil }
            return .scheduleErasure(subject: record.subject, category: record.category, record: record.id, schedule)
        }
        return [.expectSubject(snapshot.subject, revision: snapshot.revision)] + expected + changes
    }
}
