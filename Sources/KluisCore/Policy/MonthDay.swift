/// A day of the year without a year, such as the end of a fiscal year.
public struct MonthDay: Sendable, Hashable {
    public var month: Int
    public var day: Int

    public init(month: Int, day: Int) {
        self.month = month
        self.day = day
    }

    /// Parses `MM-DD`; February 29 is refused because most years lack it.
    public init?(_ text: String) {
        let parts = text.split(separator: "-")
        guard parts.count == 2, let month = Int(parts[0]), let day = Int(parts[1]),
              (1...12).contains(month), day >= 1,
              day <= CalendarDate.daysIn(month: month, year: 2001) else { return nil }
        self.init(month: month, day: day)
    }
}
