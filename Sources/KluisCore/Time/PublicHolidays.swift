/// The Dutch public holidays on which a legal period cannot end (Algemene termijnenwet art. 3):
/// New Year's Day, Easter Monday, King's Day, Liberation Day, Ascension Day, Whit Monday,
/// Christmas Day and Boxing Day. Good Friday and Easter and Whit Sunday are not among them (the
/// Sundays fall on a weekend anyway).
public enum PublicHolidays {
    /// Whether `date` is one of the holidays above.
    public static func isHoliday(_ date: CalendarDate) -> Bool {
        holidays(in: date.year).contains(date)
    }

    /// The holidays of `year`, in calendar order.
    public static func holidays(in year: Int) -> [CalendarDate] {
        let easter = easterSunday(year)
        // King's Day moves to the 26th when the 27th is a Sunday.
        let kingsDay = weekday(CalendarDate(year: year, month: 4, day: 27)!) == 7 ? 26 : 27
        return [
            CalendarDate(year: year, month: 1, day: 1)!,
            easter.adding(days: 1),
            CalendarDate(year: year, month: 4, day: kingsDay)!,
            CalendarDate(year: year, month: 5, day: 5)!,
            easter.adding(days: 39),
            easter.adding(days: 50),
            CalendarDate(year: year, month: 12, day: 25)!,
            CalendarDate(year: year, month: 12, day: 26)!,
        ].sorted()
    }

    /// Easter Sunday of the Gregorian calendar (the anonymous Gregorian algorithm).
    public static func easterSunday(_ year: Int) -> CalendarDate {
        let a = year % 19, b = year / 100, c = year % 100
        let d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3
        let h = (19 * a + b - d - g + 15) % 30
        let i = c / 4, k = c % 4
        let l = (32 + 2 * e + 2 * i - h - k) % 7
        let m = (a + 11 * h + 22 * l) / 451
        let month = (h + l - 7 * m + 114) / 31
        let day = (h + l - 7 * m + 114) % 31 + 1
        return CalendarDate(year: year, month: month, day: day)!
    }

    /// The ISO weekday of `date`: 1 is Monday, 7 is Sunday.
    public static func weekday(_ date: CalendarDate) -> Int {
        // Days since 0001-01-01 (a Monday) in the proleptic Gregorian calendar.
        (date.ordinalDay - 1) % 7 + 1
    }

    /// Whether a period may end on `date`: not a Saturday, Sunday or holiday.
    public static func isWorkingDay(_ date: CalendarDate) -> Bool {
        weekday(date) < 6 && !isHoliday(date)
    }
}

extension CalendarDate {
    /// The number of the day counted from 0001-01-01, which is day 1.
    var ordinalDay: Int {
        let y = year - 1
        var days = y * 365 + y / 4 - y / 100 + y / 400
        for m in 1..<month { days += CalendarDate.daysIn(month: m, year: year) }
        return days + day
    }

    /// The date `days` days later (earlier when negative).
    public func adding(days: Int) -> CalendarDate {
        var result = self
        var remaining = days
        while remaining > 0 {
            let left = CalendarDate.daysIn(month: result.month, year: result.year) - result.day
            if remaining <= left { result.day += remaining; return result }
            remaining -= left + 1
            result.day = 1
            if result.month == 12 { result.month = 1; result.year += 1 } else { result.month += 1 }
        }
        while remaining < 0 {
            if -remaining < result.day { result.day += remaining; return result }
            remaining += result.day
            if result.month == 1 { result.month = 12; result.year -= 1 } else { result.month -= 1 }
            result.day = CalendarDate.daysIn(month: result.month, year: result.year)
        }
        return result
    }

    /// The date `months` calendar months later, clamped to the month's last day (31 January +
    /// 1 month = 28 or 29 February), as Regulation 1182/71 art. 3 counts.
    public func adding(months: Int) -> CalendarDate {
        let index = year * 12 + (month - 1) + months
        let newYear = index / 12, newMonth = index % 12 + 1
        return CalendarDate(year: newYear, month: newMonth,
                            day: min(day, CalendarDate.daysIn(month: newMonth, year: newYear)))!
    }

    /// The first working day on or after this date.
    public var rolledToWorkingDay: CalendarDate {
        var date = self
        while !PublicHolidays.isWorkingDay(date) { date = date.adding(days: 1) }
        return date
    }
}
