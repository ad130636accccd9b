import KluisCore
import Testing

@Suite struct CalendarDateTests {
    @Test func acceptsLeapDaysOnlyInLeapYears() {
        #expect(CalendarDate("2028-02-29") != nil)
        #expect(CalendarDate("2026-02-29") == nil)
        #expect(CalendarDate("2000-02-29") != nil)
        #expect(CalendarDate("1900-02-29") == nil)
    }

    @Test(arguments: ["2026-13-01", "2026-04-31", "26-01-01", "2026-1-01", "2026/01/01", "tomorrow"])
    func rejectsMalformedDates(text: String) {
        #expect(CalendarDate(text) == nil)
    }

    @Test func ordersAndPrints() throws {
        let early = try #require(CalendarDate("2026-01-31"))
        let late = try #require(CalendarDate("2026-02-01"))
        #expect(early < late)
        #expect(early.description == "2026-01-31")
    }
}
