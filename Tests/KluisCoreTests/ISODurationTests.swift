import KluisCore
import Testing

@Suite struct ISODurationTests {
    @Test(arguments: [
        ("P2Y", ISODuration(years: 2)),
        ("P4W", ISODuration(weeks: 4)),
        ("P1Y6M", ISODuration(years: 1, months: 6)),
        ("PT72H", ISODuration(hours: 72)),
        ("P1DT12H", ISODuration(days: 1, hours: 12)),
        ("P0D", ISODuration()),
    ])
    func parses(text: String, expected: ISODuration) {
        #expect(ISODuration(text) == expected)
    }

    @Test(arguments: ["", "P", "PT", "2Y", "P1H", "PT1D", "P-1Y", "P1.5Y", "P1Y2", "P2YT"])
    func rejects(text: String) {
        #expect(ISODuration(text) == nil)
    }

    @Test func writesBackTheSameText() {
        for text in ["P2Y", "P1Y6M", "P4W", "PT72H", "P1DT12H", "P0D"] {
            #expect(ISODuration(text)?.description == text)
        }
    }

    /// The shortest month has 28 days, so a promise beyond 28 days can overrun the legal month.
    @Test(arguments: [
        ("P4W", false), ("P1M", false), ("P28D", false), ("P2W", false),
        ("P29D", true), ("P30D", true), ("P1M1D", true), ("P2M", true), ("P1Y", true), ("P5W", true),
    ])
    func knowsWhenItCanExceedAMonth(text: String, exceeds: Bool) throws {
        #expect(try #require(ISODuration(text)).canExceedOneMonth == exceeds)
    }

    @Test func hasExactSecondsOnlyWithoutCalendarParts() {
        #expect(ISODuration("PT72H")?.exactSeconds == 72 * 3600)
        #expect(ISODuration("P3D")?.exactSeconds == 3 * 86_400)
        #expect(ISODuration("P1M")?.exactSeconds == nil)
    }
}
