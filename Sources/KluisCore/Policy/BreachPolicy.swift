/// The promise about personal-data breaches (arts. 33-34).
public struct BreachPolicy: Sendable, Hashable {
    /// How soon after awareness the authority is notified; at most 72 hours.
    public var notifyAuthorityWithin: ISODuration
    /// Where people report a suspected leak.
    public var reportTo: String?

    public init(notifyAuthorityWithin: ISODuration = ISODuration(hours: 72), reportTo: String? = nil) {
        self.notifyAuthorityWithin = notifyAuthorityWithin
        self.reportTo = reportTo
    }
}
