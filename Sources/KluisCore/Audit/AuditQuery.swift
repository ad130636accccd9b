import Foundation

/// Which audit events to find: any combination of whose data, who acted, what they did and
/// when, and only the break-glass reads. Empty: every event.
public struct AuditQuery: Sendable, Hashable {
    public var subject: SubjectID?
    public var actor: String?
    public var action: AuditAction?
    /// From this time on, inclusive.
    public var from: Date?
    /// Before this time.
    public var until: Date?
    public var breakGlassOnly: Bool

    public init(subject: SubjectID? = nil, actor: String? = nil, action: AuditAction? = nil, from: Date? = nil,
                until: Date? = nil, breakGlassOnly: Bool = false) {
        self.subject = subject
        self.actor = actor
        self.action = action
        self.from = from
        self.until = until
        self.breakGlassOnly = breakGlassOnly
    }
}

/// How many audit events of one kind a period holds: what an accountability report counts.
public struct AuditTally: Sendable, Hashable {
    public var action: AuditAction
    public var outcome: AuditOutcome
    public var breakGlass: Bool
    public var count: Int

    public init(action: AuditAction, outcome: AuditOutcome, breakGlass: Bool, count: Int) {
        self.action = action
        self.outcome = outcome
        self.breakGlass = breakGlass
        self.count = count
    }
}
