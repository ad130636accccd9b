/// A read of one person as stored: whole, or with only the records (and mentions) of some
/// categories. What a store's ``Turns`` of snapshot reads serve.
public struct SnapshotRequest: Sendable, Hashable {
    public var subject: SubjectID
    /// `nil`: every record.
    public var categories: Set<String>?

    public init(subject: SubjectID, categories: Set<String>? = nil) {
        self.subject = subject
        self.categories = categories
    }
}
