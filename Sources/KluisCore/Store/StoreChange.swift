import Foundation

/// One change to the store. Operations are lists of changes applied in one transaction, together
/// with their audit events, so nothing is half-written and nothing happens unaudited.
public enum StoreChange: Sendable, Hashable {
    case createSubject(SubjectID, createdAt: Date)
    case addIdentifier(StoredIdentifier)
    case addDataKey(StoredDataKey)
    case putRecord(SealedRecord)
    case recordEvent(subject: SubjectID, name: String, at: Date)
    case addAPIKey(StoredAPIKey)
    /// Revokes an API key at a time; a key revoked before keeps its first time.
    case revokeAPIKey(id: String, at: Date)
    case appendConsent(SubjectID, ConsentEvent)
    case recordCookieChoice(CookieChoice)
    /// Replaces the subject's restrictions of processing.
    case setRestrictions(SubjectID, [Restriction])
    /// Creates or replaces a data-subject request.
    case putRequest(DataSubjectRequest)
    /// Destroys the subject's data keys and deletes its records and identifiers, except the
    /// categories in `keeping`. With nothing kept, the subject goes altogether, its consent
    /// history and events with it.
    case eraseSubject(SubjectID, keeping: [String])
    /// Erases part of a subject's data: the records and data keys of `categories`, and the
    /// `records` named; a data key with no record of its category left goes too. The subject, its
    /// identifiers and its other data stay.
    case eraseRecords(SubjectID, categories: [String], records: [RecordID])
    /// Replaces a record's erasure schedule, after something it depends on changed.
    case scheduleErasure(subject: SubjectID, category: String, record: RecordID, ErasureSchedule)
    /// Creates or replaces a staff account of the console.
    case putStaffMember(StaffMember)
    /// Creates or replaces a breach in the register.
    case putBreach(Breach)
    /// Records that people were told of a breach; a person told again keeps the latest time.
    case addBreachNotices([BreachNotice])
    /// Sets the language the person uses with us.
    case setLanguage(SubjectID, Language)
    /// Appends an erasure to the erasure journal.
    case journalErasure(ErasureRecord)
}
