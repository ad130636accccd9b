import Foundation

/// When a record must go and how: stored with the record and indexed, so that a sweep finds what
/// is due without reading everything. Recomputed whenever something it depends on changes.
public struct ErasureSchedule: Sendable, Hashable {
    /// The moment no purpose may keep the record any longer; `nil` while it may be kept until an
    /// event that has not happened yet (a contract that has not ended, a hold in force).
    public var eraseBy: Date?
    /// What happens then: the action of the purpose that keeps the record longest.
    public var action: RetentionAction
    /// That purpose; `nil` when no purpose holds the record at all.
    public var purpose: String?

    public init(eraseBy: Date?, action: RetentionAction, purpose: String?) {
        self.eraseBy = eraseBy
        self.action = action
        self.purpose = purpose
    }

    /// A schedule as stores keep it (seconds, action and purpose in columns); `nil` when none
    /// was ever computed.
    public init?(stored eraseBy: Double?, action: String?, purpose: String?) {
        guard let action = action.flatMap(RetentionAction.init(rawValue:)) else { return nil }
        self.init(eraseBy: eraseBy.map(Date.init(timeIntervalSince1970:)), action: action, purpose: purpose)
    }

    /// Whether the record is due at `now`.
    public func isDue(at now: Date) -> Bool {
        eraseBy.map { $0 <= now } ?? false
    }
}
