import Foundation

/// An identifier as stored: its blind index for lookup, its sealed value for access answers, and
/// the tag that binds the row to its subject.
public struct StoredIdentifier: Sendable, Hashable {
    public var subject: SubjectID
    public var kind: SubjectIdentifier.Kind
    public var blindIndex: Data
    public var sealed: Data
    /// ``KeyRing/identifierTag(kind:blindIndex:subject:)``; empty when read back, since reads by
    /// subject do not need it.
    public var tag: Data

    public init(subject: SubjectID, kind: SubjectIdentifier.Kind, blindIndex: Data, sealed: Data, tag: Data = Data()) {
        self.subject = subject
        self.kind = kind
        self.blindIndex = blindIndex
        self.sealed = sealed
        self.tag = tag
    }
}
