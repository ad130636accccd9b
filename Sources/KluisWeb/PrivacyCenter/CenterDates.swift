import Foundation
import KluisCore

/// Days as people read them, in Dutch or English ("3 december 2026"), on the legal calendar
/// (Europe/Amsterdam), so that a day is the same day the deadlines and retention count.
enum CenterDates {
    static let calendar = LegalCalendar()

    static func day(_ date: Date, in language: Language) -> String {
        let day = calendar.calendarDate(of: date)
        let months = language == .nl
            ? ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"]
            : ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
        return "\(day.day) \(months[day.month - 1]) \(day.year)"
    }
}
