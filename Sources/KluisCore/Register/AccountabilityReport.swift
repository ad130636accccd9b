import Foundation

/// What the organisation can show it did in a period (GDPR art. 5(2)): requests received and
/// answered, on time or late, and how fast; what retention removed; consents given and
/// withdrawn; reads refused and break-glass reads; key rotations and API keys; breaches and how
/// they were notified; the audit chain's checkpoints. Counts from the request files, the breach
/// register and the audit log only: an auditor or the Autoriteit Persoonsgegevens reads it
/// without any personal data.
public struct AccountabilityReport: Sendable, Hashable {
    public var from: Date
    public var until: Date
    public var madeAt: Date

    public var requestsReceived: [RequestType: Int] = [:]
    public var requestsAnswered = 0
    public var requestsRefused = 0
    public var answeredOnTime = 0
    public var answeredLate = 0
    public var requestsExtended = 0
    /// Days from receipt to the answer, the middle value; `nil` without answers.
    public var medianDaysToAnswer: Double?
    /// Received by the end of the period and not answered then.
    public var openAtEnd = 0

    public var sweeps = 0
    public var recordsDeleted = 0
    public var recordsAnonymised = 0
    public var subjectsRemoved = 0
    public var erasures = 0

    public var consentEvents: [String: Int] = [:]
    public var reads = 0
    public var readsRefused = 0
    public var breakGlassReads = 0
    public var exports = 0
    public var keyRotations = 0
    public var apiKeysCreated = 0
    public var apiKeysRevoked = 0
    public var staffChanges = 0
    public var signInsRefused = 0

    /// Breaches that became known in the period.
    public var breaches = 0
    /// First notifications to the authority in the period, and those of them after the deadline.
    public var breachesNotified = 0
    public var breachesNotifiedLate = 0
    /// Breaches of the period assessed as needing no notification.
    public var breachesNotNotifiable = 0
    /// People told of a breach in the period.
    public var peopleToldOfBreaches = 0

    /// Checkpoints of the audit chain recorded in the period, each a verification of the
    /// stretch before it, and the last one ever.
    public var checkpoints = 0
    public var lastCheckpoint: AuditCheckpoint?
}

extension Vault {
    /// The accountability report of `from` until before `until`.
    public func accountabilityReport(from: Date, until: Date) async throws -> AccountabilityReport {
        guard from < until else { throw VaultError(.inputInvalid, "the period must end after it begins") }
        var report = AccountabilityReport(from: from, until: until, madeAt: now())
        var days: [Int] = []
        for request in try await store.requests(includeClosed: true, subject: nil, limit: 100_000) where request.receivedAt < until {
            if request.receivedAt >= from { report.requestsReceived[request.type, default: 0] += 1 }
            if request.extended.map({ $0.decidedAt >= from && $0.decidedAt < until }) == true { report.requestsExtended += 1 }
            guard let closed = request.closedAt, closed < until else {
                report.openAtEnd += 1
                continue
            }
            guard closed >= from else { continue }
            if request.state == .rejected { report.requestsRefused += 1 } else { report.requestsAnswered += 1 }
            let deadlines = requestClock.deadlines(of: request, now: closed)
            let answered = legalCalendar.calendarDate(of: closed)
            if answered <= deadlines.due { report.answeredOnTime += 1 } else { report.answeredLate += 1 }
            days.append(Int(closed.timeIntervalSince(request.receivedAt) / 86_400))
        }
        if !days.isEmpty {
            let sorted = days.sorted()
            report.medianDaysToAnswer = sorted.count % 2 == 1 ? Double(sorted[sorted.count / 2])
                : Double(sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
        }

        for tally in try await store.auditTallies(from: from, until: until) {
            switch tally.action {
            case .read:
                if tally.outcome == .denied { report.readsRefused += tally.count } else { report.reads += tally.count }
                if tally.breakGlass, tally.outcome != .denied { report.breakGlassReads += tally.count }
            case .export: report.exports += tally.count
            case .erasure: report.erasures += tally.count
            case .keyRotation: report.keyRotations += tally.count
            case .apiKeyCreated: report.apiKeysCreated += tally.count
            case .apiKeyRevoked: report.apiKeysRevoked += tally.count
            case .staff: report.staffChanges += tally.count
            case .signIn where tally.outcome == .denied: report.signInsRefused += tally.count
            default: break
            }
        }
        // Consents by kind and what the sweeps removed are in the events' reasons.
        var sweepTimes: Set<Date> = []
        for action in [AuditAction.consent, .retention] {
            var before: Int64?
            while true {
                let page = try await store.auditEvents(matching: AuditQuery(action: action, from: from, until: until), before: before, limit: 1000)
                for event in page {
                    let reason = event.entry.reason ?? ""
                    if action == .consent {
                        report.consentEvents[reason, default: 0] += 1
                        continue
                    }
                    guard event.entry.actor == Self.sweepActor else { continue }
                    sweepTimes.insert(event.entry.time)
                    let count = Int(reason.split(separator: " ").last ?? "") ?? 0
                    if reason.hasPrefix("deleted") { report.recordsDeleted += count }
                    if reason.hasPrefix("anonymised") { report.recordsAnonymised += count }
                    if reason.hasPrefix("subjects removed") { report.subjectsRemoved += count }
                }
                guard page.count == 1000, let last = page.last else { break }
                before = last.sequence
            }
        }
        report.sweeps = sweepTimes.count

        var after: Int64 = 0
        while true {
            let page = try await store.auditCheckpoints(after: after, limit: 1000)
            report.checkpoints += page.filter { $0.verifiedAt >= from && $0.verifiedAt < until }.count
            guard page.count == 1000, let last = page.last else { break }
            after = last.sequence
        }
        report.lastCheckpoint = try await store.latestAuditCheckpoint()

        let clock = breaches.clock
        for breach in try await store.breaches() {
            report.peopleToldOfBreaches += breach.peopleTold.filter { (from..<until).contains($0.at) }.reduce(0) { $0 + $1.told }
            guard breach.state != .withdrawn else { continue }
            let known = (from..<until).contains(breach.timeline.awareAt)
            if known { report.breaches += 1 }
            if known, breach.assessment?.tellAuthority.yes == false { report.breachesNotNotifiable += 1 }
            if let first = breach.firstNotification, (from..<until).contains(first.sentAt) {
                report.breachesNotified += 1
                if clock.isLate(breach, notifiedAt: first.sentAt) { report.breachesNotifiedLate += 1 }
            }
        }
        return report
    }
}
