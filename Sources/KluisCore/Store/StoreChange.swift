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
    case appendConsent(SubjectID, ConsentEvent)
    case recordCookieChoice(CookieChoice)
}
