import Foundation

/// A data key as stored: wrapped by the root key with the id `rootKeyID`.
public struct StoredDataKey: Sendable, Hashable {
    public var subject: SubjectID
    public var category: String
    public var wrapped: Data
    public var rootKeyID: String

    public init(subject: SubjectID, category: String, wrapped: Data, rootKeyID: String) {
        self.subject = subject
        self.category = category
        self.wrapped = wrapped
        self.rootKeyID = rootKeyID
    }
}
