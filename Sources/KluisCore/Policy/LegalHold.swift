/// A reason to keep data past its retention until an event releases it, such as "reports are
/// kept two months unless they must be followed up; then until the follow-up is closed".
public struct LegalHold: Sendable, Hashable, Identifiable {
    public var id: String
    public var description: LocalizedText
    /// The custom event that ends the hold.
    public var releasedBy: String

    public init(id: String, description: LocalizedText, releasedBy: String) {
        self.id = id
        self.description = description
        self.releasedBy = releasedBy
    }
}
