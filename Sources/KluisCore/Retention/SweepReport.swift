import Foundation

/// What one sweep did: records removed per purpose and category, schedules brought up to date,
/// audit events reduced and request files deleted. Counts only.
public struct SweepReport: Sendable, Hashable, Codable {
    /// The moment the sweep counted from.
    public var time: Date
    /// A dry run: `removed` counts what would go; nothing went.
    public var dryRun: Bool
    public var removed: SweepTally
    /// Records whose erase-by date was computed again because the policy's terms changed.
    public var rescheduled: Int
    public var auditEventsReduced = 0
    public var requestsDeleted = 0

    public init(time: Date, dryRun: Bool, removed: SweepTally, rescheduled: Int) {
        self.time = time
        self.dryRun = dryRun
        self.removed = removed
        self.rescheduled = rescheduled
    }

    enum CodingKeys: String, CodingKey {
        case time, removed, rescheduled
        case dryRun = "dry_run"
        case auditEventsReduced = "audit_events_reduced"
        case requestsDeleted = "requests_deleted"
    }
}
