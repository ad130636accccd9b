import Foundation

/// An identifier as stored: its blind index for lookup and its sealed value for access answers.
public struct StoredIdentifier: Sendable, Hashable {
    public var subject: SubjectID
    public var kind: SubjectIdentifier.Kind
    public var blindIndex: Data
    public var sealed: Data

    public init(subject: SubjectID, kind: SubjectIdentifier.Kind, blindIndex: Data, sealed: Data) {
        self.subject = subject
        self.kind = kind
        self.blindIndex = blindIndex
        self.sealed = sealed
    }
}
