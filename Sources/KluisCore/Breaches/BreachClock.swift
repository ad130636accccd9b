import Foundation

/// The 72 hours to tell the authority (art. 33(1)): real hours from awareness, through nights,
/// weekends, holidays and clock changes; the roll-over of Regulation 1182/71 applies only to
/// periods not expressed in hours. The policy may promise less.
public struct BreachClock: Sendable, Hashable {
    public let hours: Int

    public init(policy: BreachPolicy = BreachPolicy()) {
        hours = min(max((policy.notifyAuthorityWithin.exactSeconds ?? 72 * 3600) / 3600, 1), 72)
    }

    /// The moment the authority must have been told by.
    public func deadline(of breach: Breach) -> Date {
        breach.timeline.awareAt + Double(hours) * 3600
    }

    /// Seconds left at `now`; negative when late.
    public func timeLeft(of breach: Breach, at now: Date) -> TimeInterval {
        deadline(of: breach).timeIntervalSince(now)
    }

    /// Whether a first notification at `time` is late.
    public func isLate(_ breach: Breach, notifiedAt time: Date) -> Bool {
        time > deadline(of: breach)
    }
}
