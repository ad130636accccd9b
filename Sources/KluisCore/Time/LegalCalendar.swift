import Foundation

/// Calendar arithmetic as the law counts it: in the Netherlands' time zone, and with month and
/// year ends clamped (31 January + 1 month = 28 or 29 February; 29 February + 1 year = 28 February).
public struct LegalCalendar: Sendable {
    public let calendar: Calendar

    public init(timeZone: TimeZone = TimeZone(identifier: "Europe/Amsterdam")!) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        self.calendar = calendar
    }

    /// `date` plus `duration`: calendar parts first (years, months, then days), then clock parts.
    public func adding(_ duration: ISODuration, to date: Date) -> Date {
        var components = DateComponents()
        components.year = duration.years
        components.month = duration.months
        components.day = duration.weeks * 7 + duration.days
        components.hour = duration.hours
        components.minute = duration.minutes
        components.second = duration.seconds
        return calendar.date(byAdding: components, to: date) ?? date
    }

    /// The end (last instant) of the fiscal year that contains `date`, for a fiscal year that
    /// ends on `yearEnd`.
    public func endOfFiscalYear(containing date: Date, yearEnd: MonthDay) -> Date {
        let year = calendar.component(.year, from: date)
        for candidateYear in [year, year + 1] {
            var components = DateComponents(year: candidateYear, month: yearEnd.month, day: yearEnd.day)
            components.hour = 23
            components.minute = 59
            components.second = 59
            if let end = calendar.date(from: components), end >= date { return end }
        }
        return date
    }

    /// Midnight at the start of a `YYYY-MM-DD` date, for date fields of records.
    public func startOfDay(_ date: CalendarDate) -> Date? {
        calendar.date(from: DateComponents(year: date.year, month: date.month, day: date.day))
    }
}
