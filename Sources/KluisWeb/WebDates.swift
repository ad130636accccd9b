import Foundation
import KluisCore

/// Days as people read them on the web's pages, in Dutch or English ("3 december 2026"), on the
/// legal calendar (Europe/Amsterdam), so that a day is the same day deadlines and retention count.
enum WebDates {
    static let calendar = LegalCalendar()

    static func day(_ date: Date, in language: Language) -> String {
        day(calendar.calendarDate(of: date), in: language)
    }

    static func day(_ day: CalendarDate, in language: Language) -> String {
        Phrases(language).day(day)
    }

    /// A day and time, to the minute, on the legal calendar: "3 december 2026, 14:05".
    static func moment(_ date: Date, in language: Language) -> String {
        Phrases(language).moment(date)
    }

    /// The value of a `datetime-local` field ("2026-12-03T14:05"), read on the legal calendar;
    /// `nil` when empty or not such a value.
    static func localMoment(_ text: String?) -> Date? {
        guard let text, text.count >= 16, let day = CalendarDate(String(text.prefix(10))), text[text.index(text.startIndex, offsetBy: 10)] == "T"
        else { return nil }
        let clock = text.dropFirst(11).split(separator: ":").compactMap { Int($0) }
        guard clock.count >= 2, (0..<24).contains(clock[0]), (0..<60).contains(clock[1]) else { return nil }
        return calendar.calendar.date(from: DateComponents(year: day.year, month: day.month, day: day.day, hour: clock[0], minute: clock[1]))
    }

    /// `date` as the value of a `datetime-local` field, on the legal calendar.
    static func localInput(_ date: Date?) -> String {
        guard let date else { return "" }
        let parts = calendar.calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return String(format: "%04d-%02d-%02dT%02d:%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0, parts.hour ?? 0, parts.minute ?? 0)
    }
}
