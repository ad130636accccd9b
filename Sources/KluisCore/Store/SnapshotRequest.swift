/// A read of one person as stored: whole, with only the records (and mentions) of some
/// categories, or as a purpose-bound read uses it. What a store's ``Turns`` of snapshot reads
/// serve.
public struct SnapshotRequest: Sendable, Hashable {
    public var subject: SubjectID
    /// `nil`: every record.
    public var categories: Set<String>?
    /// A purpose-bound read's (``SubjectStore/readSnapshot(of:)``): without the person's
    /// identifiers and their records' mentions.
    public var isForRead: Bool

    public init(subject: SubjectID, categories: Set<String>? = nil, isForRead: Bool = false) {
        self.subject = subject
        self.categories = categories
        self.isForRead = isForRead
    }
}
