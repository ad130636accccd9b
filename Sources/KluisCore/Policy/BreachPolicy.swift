/// The promise about personal-data breaches (arts. 33-34).
public struct BreachPolicy: Sendable, Hashable {
    /// How soon after awareness the authority is notified; at most 72 hours.
    public var notifyAuthorityWithin: ISODuration
    /// Where people report a suspected leak; breach reminders go there too.
    public var reportTo: String?
    /// When, after awareness, a reminder goes out while the authority has not been told.
    public var remindAt: [ISODuration]

    public init(notifyAuthorityWithin: ISODuration = ISODuration(hours: 72), reportTo: String? = nil,
                remindAt: [ISODuration] = Self.defaultReminders) {
        self.notifyAuthorityWithin = notifyAuthorityWithin
        self.reportTo = reportTo
        self.remindAt = remindAt
    }

    /// A day, two days, and six hours before the 72 hours are up.
    public static let defaultReminders = [ISODuration(hours: 24), ISODuration(hours: 48), ISODuration(hours: 66)]
}
