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
        let parts = calendar.calendar.dateComponents([.hour, .minute], from: date)
        return day(date, in: language) + String(format: ", %02d:%02d", parts.hour ?? 0, parts.minute ?? 0)
    }
}
