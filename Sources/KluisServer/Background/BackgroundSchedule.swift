/// How often a node does its background work; `nil` turns a task off.
public struct BackgroundSchedule: Sendable {
    /// Between audit checkpoints, which verify the events added since the last one.
    public var auditCheckpoints: Duration?
    /// Between retention sweeps, which delete or anonymise what is past its retention.
    public var retentionSweeps: Duration?
    /// Between purges of the records erasures shredded (unreadable from the erasure on).
    public var shreddedPurges: Duration?
    /// Between clean-ups of expired sessions and sign-ins.
    public var expiredSessions: Duration?
    /// Between looks for breach reminders that are due; they go through the server's outbox, so
    /// without one there are none.
    public var breachReminders: Duration?
    /// Between rounds of webhook deliveries; without endpoints there are none.
    public var webhookDeliveries: Duration?

    public init(auditCheckpoints: Duration? = nil, retentionSweeps: Duration? = nil, shreddedPurges: Duration? = nil,
                expiredSessions: Duration? = nil, breachReminders: Duration? = nil, webhookDeliveries: Duration? = nil) {
        self.auditCheckpoints = auditCheckpoints
        self.retentionSweeps = retentionSweeps
        self.shreddedPurges = shreddedPurges
        self.expiredSessions = expiredSessions
        self.breachReminders = breachReminders
        self.webhookDeliveries = webhookDeliveries
    }

    /// No background work: tests and benchmarks, which drive the work themselves.
    public static let off = BackgroundSchedule()
}
