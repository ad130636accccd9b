import Foundation

/// One subject as stored: its keys, records, identifiers and lifecycle events, read together.
public struct SubjectSnapshot: Sendable, Hashable {
    public var subject: SubjectID
    public var createdAt: Date
    public var identifiers: [StoredIdentifier]
    public var dataKeys: [StoredDataKey]
    public var records: [SealedRecord]
    /// The latest time of each lifecycle event.
    public var events: [String: Date]

    public init(subject: SubjectID, createdAt: Date, identifiers: [StoredIdentifier],
                dataKeys: [StoredDataKey], records: [SealedRecord], events: [String: Date]) {
        self.subject = subject
        self.createdAt = createdAt
        self.identifiers = identifiers
        self.dataKeys = dataKeys
        self.records = records
        self.events = events
    }
}
