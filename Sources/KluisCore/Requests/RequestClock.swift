import Foundation

/// The legal deadlines of a request (art. 12(3), Regulation 1182/71 art. 3, Algemene
/// termijnenwet): a pure function of the receipt, the policy's promise, pauses, and the calendar.
///
/// - The answer is due one month after receipt, or sooner when the policy promises less.
/// - An extension moves it to receipt + 3 months (not the first deadline + 2: they differ at
///   month ends), and may only be decided within the first month.
/// - Months clamp to the last day of the month; a period that ends on a Saturday, Sunday or Dutch
///   public holiday ends on the next working day. Both the raw target and the legal deadline are
///   given.
/// - While identification is awaited the clock is paused: the receipt moves by the whole days
///   of the pause.
public struct RequestClock: Sendable {
    public let calendar: LegalCalendar
    /// The policy's promise; used when it is sooner than one month.
    public let promise: ISODuration

    public init(promise: ISODuration = ISODuration(months: 1), calendar: LegalCalendar = LegalCalendar()) {
        self.promise = promise
        self.calendar = calendar
    }

    /// The deadlines of `request` as it stands at `now`.
    public func deadlines(of request: DataSubjectRequest, now: Date) -> RequestDeadlines {
        var paused = request.pausedDays
        if let asked = request.identificationAskedAt { paused += Self.wholeDays(from: asked, to: now, calendar: calendar) }
        let start = calendar.calendarDate(of: request.receivedAt).adding(days: paused)
        let month = start.adding(months: 1)
        let promised = promisedTarget(from: start)
        let target = min(month, promised)
        let extendedTarget = start.adding(months: 3)
        return RequestDeadlines(receipt: start, pausedDays: paused, target: target, deadline: target.rolledToWorkingDay,
                                monthDeadline: month.rolledToWorkingDay, extendedTarget: extendedTarget,
                                extendedDeadline: extendedTarget.rolledToWorkingDay,
                                isExtended: request.extended != nil, isPaused: request.identificationAskedAt != nil)
    }

    /// The receipt plus the policy's promise, as a date.
    func promisedTarget(from start: CalendarDate) -> CalendarDate {
        let d = promise
        if d.hours == 0, d.minutes == 0, d.seconds == 0 {
            return start.adding(months: d.years * 12 + d.months).adding(days: d.weeks * 7 + d.days)
        }
        guard let midnight = calendar.startOfDay(start) else { return start.adding(months: 1) }
        return calendar.calendarDate(of: calendar.adding(d, to: midnight))
    }

    /// Whole calendar days between two instants, in the Netherlands' time zone.
    public static func wholeDays(from start: Date, to end: Date, calendar: LegalCalendar = LegalCalendar()) -> Int {
        max(0, calendar.calendarDate(of: end).ordinalDay - calendar.calendarDate(of: start).ordinalDay)
    }
}

/// The deadlines of one request, as dates in the Netherlands.
public struct RequestDeadlines: Sendable, Hashable, Encodable {
    /// The day of receipt, moved by the days the clock was paused.
    public var receipt: CalendarDate
    public var pausedDays: Int
    /// Receipt + one month, or the policy's shorter promise, before roll-over.
    public var target: CalendarDate
    /// The day the answer is due: ``target`` moved past weekends and public holidays.
    public var deadline: CalendarDate
    /// The last day an extension may be decided: the law's one month, rolled over.
    public var monthDeadline: CalendarDate
    /// Receipt + 3 months, before and after roll-over.
    public var extendedTarget: CalendarDate
    public var extendedDeadline: CalendarDate
    public var isExtended: Bool
    public var isPaused: Bool

    /// The deadline that applies: the extended one once an extension was decided.
    public var due: CalendarDate { isExtended ? extendedDeadline : deadline }

    enum CodingKeys: String, CodingKey {
        case receipt, target, deadline, due
        case pausedDays = "paused_days"
        case monthDeadline = "extension_decision_deadline"
        case extendedTarget = "extended_target"
        case extendedDeadline = "extended_deadline"
        case isExtended = "extended"
        case isPaused = "paused"
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(receipt, forKey: .receipt)
        try container.encode(pausedDays, forKey: .pausedDays)
        try container.encode(target, forKey: .target)
        try container.encode(deadline, forKey: .deadline)
        try container.encode(monthDeadline, forKey: .monthDeadline)
        try container.encode(extendedTarget, forKey: .extendedTarget)
        try container.encode(extendedDeadline, forKey: .extendedDeadline)
        try container.encode(isExtended, forKey: .isExtended)
        try container.encode(isPaused, forKey: .isPaused)
        try container.encode(due, forKey: .due)
    }
}

extension LegalCalendar {
    /// The date of `instant` in this calendar's time zone.
    public func calendarDate(of instant: Date) -> CalendarDate {
        let parts = calendar.dateComponents([.year, .month, .day], from: instant)
        return CalendarDate(year: parts.year!, month: parts.month!, day: parts.day!)!
    }
}
