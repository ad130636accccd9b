import Foundation

/// That a person was told of a breach (art. 34): kept with their subject, so their privacy
/// center and their access package show the breaches that concerned them, and gone when they are.
public struct BreachNotice: Sendable, Hashable, Codable {
    public var breach: String
    public var subject: SubjectID
    public var toldAt: Date
    public var language: Language

    public init(breach: String, subject: SubjectID, toldAt: Date, language: Language) {
        self.breach = breach
        self.subject = subject
        self.toldAt = toldAt
        self.language = language
    }
}
