/// How changes to the statement are announced.
public struct ChangePolicy: Sendable, Hashable {
    public var announcement: LocalizedText

    public init(announcement: LocalizedText) {
        self.announcement = announcement
    }
}
