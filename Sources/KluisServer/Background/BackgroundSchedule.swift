/// How often a node does its background work; `nil` turns a task off.
public struct BackgroundSchedule: Sendable {
    /// Between audit checkpoints, which verify the events added since the last one.
    public var auditCheckpoints: Duration?
    /// Between retention sweeps, which delete or anonymise what is past its retention.
    public var retentionSweeps: Duration?
    /// Between clean-ups of expired sessions and sign-ins.
    public var expiredSessions: Duration?

    public init(auditCheckpoints: Duration? = nil, retentionSweeps: Duration? = nil, expiredSessions: Duration? = nil) {
        self.auditCheckpoints = auditCheckpoints
        self.retentionSweeps = retentionSweeps
        self.expiredSessions = expiredSessions
    }

    /// No background work: tests and benchmarks, which drive the work themselves.
    public static let off = BackgroundSchedule()
}
