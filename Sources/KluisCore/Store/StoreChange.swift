import Foundation

/// One change to the store. Operations are lists of changes applied in one transaction, together
/// with their audit events, so nothing is half-written and nothing happens unaudited.
///
/// A value takes the size of the largest case, so the cases that carry a whole request, staff
/// account, breach or consent event are `indirect`: inline, a breach and the breach it replaces
/// made every change 1,232 bytes, the changes of one import batch 27 MB. The cases an import
/// writes by the thousand stay inline, 128 bytes in all (docs/benchmarks.md).
public enum StoreChange: Sendable, Hashable {
    case createSubject(SubjectID, createdAt: Date)
    case addIdentifier(StoredIdentifier)
    /// Adds a data key; the shredded records of its category, if any, are deleted first, so that
    /// no record sealed under the destroyed key comes back into view under the new one.
    case addDataKey(StoredDataKey)
    case putRecord(SealedRecord)
    /// Commits only if the subject's data key of the category is still this one, wrapped as
    /// read; otherwise the whole commit fails with ``VaultError/Code/storeConflict`` and writes
    /// nothing. A record sealed under a key read before its commit names the key so: a sweep or
    /// erasure that destroyed the key in between cannot leave the record unreadable.
    case expectDataKey(StoredDataKey)
    /// Commits only if no other commit changed the subject since it was read at `revision`
    /// (``SubjectSnapshot/revision``); otherwise the whole commit fails with
    /// ``VaultError/Code/storeConflict``. What is computed from the person's whole state, the
    /// erase-by dates of their records and the gate's decisions, expects it: a consent withdrawn
    /// or an event recorded at the same moment is then taken into account, not overwritten.
    /// Every commit counts the revision of each existing subject it changes up by one.
    case expectSubject(SubjectID, revision: Int64)
    case recordEvent(subject: SubjectID, name: String, at: Date)
    case addAPIKey(StoredAPIKey)
    /// Revokes an API key at a time; a key revoked before keeps its first time.
    case revokeAPIKey(id: String, at: Date)
    indirect case appendConsent(SubjectID, ConsentEvent)
    case recordCookieChoice(CookieChoice)
    /// Replaces the subject's restrictions of processing, which must still be `replacing`, the
    /// list as read (empty: none); otherwise the commit fails with
    /// ``VaultError/Code/storeConflict`` (see ``Replacement``).
    case setRestrictions(SubjectID, [Restriction], replacing: [Restriction])
    /// Stores a data-subject request: a new one (`replacing: nil`), or a change of the request
    /// as read, which must still be stored so; otherwise the commit fails with
    /// ``VaultError/Code/storeConflict``, so that two people acting on one request at once
    /// cannot undo each other's step.
    indirect case putRequest(DataSubjectRequest, replacing: DataSubjectRequest?)
    /// Destroys the subject's data keys but those of the categories in `keeping`, and deletes its
    /// identifiers, consent history, sign-ins and sessions. The records of every category whose
    /// key goes are *shredded*: unreadable from this commit, left out of every read, sweep and
    /// tally, and deleted afterwards by ``RetentionStore/purgeShredded(limit:)``, so the
    /// transaction does not grow with the person's records. With nothing kept, the subject is
    /// gone for every read at once, its events and breach notices with it; its row goes with its
    /// last shredded record.
    case eraseSubject(SubjectID, keeping: [String])
    /// Erases part of a subject's data: the data keys of `categories`, whose records are shredded
    /// as by ``eraseSubject(_:keeping:)``, and the `records` named, deleted at once; a data key
    /// with no record of its category left goes too. The subject, its identifiers and its other
    /// data stay.
    case eraseRecords(SubjectID, categories: [String], records: [RecordID])
    /// Replaces a record's erasure schedule, after something it depends on changed.
    case scheduleErasure(subject: SubjectID, category: String, record: RecordID, ErasureSchedule)
    /// Stores a staff account of the console: a new one (`replacing: nil`), or a change of the
    /// account as read, as ``putRequest(_:replacing:)``: a sign-in cannot bring back an account
    /// disabled meanwhile, nor two sign-ins use one code.
    indirect case putStaffMember(StaffMember, replacing: StaffMember?)
    /// Stores a breach in the register: a new one (`replacing: nil`), or a change of the breach
    /// as read, as ``putRequest(_:replacing:)``.
    indirect case putBreach(Breach, replacing: Breach?)
    /// Records that people were told of a breach; a person told again keeps the latest time.
    case addBreachNotices([BreachNotice])
    /// Sets the language the person uses with us.
    case setLanguage(SubjectID, Language)
    /// Appends an erasure to the erasure journal.
    case journalErasure(ErasureRecord)
}
