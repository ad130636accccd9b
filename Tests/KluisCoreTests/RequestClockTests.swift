import Foundation
import KluisCore
import Testing

/// Deadlines of data-subject requests: GDPR.md's month-arithmetic vectors, Dutch public
/// holidays, the policy's shorter promise, pauses and the state machine.
@Suite struct RequestClockTests {
    /// Noon in Amsterdam on `day`, so the date is the same in every zone the machine may have.
    static func noon(_ day: String) -> Date {
        ISO8601DateFormatter().date(from: "\(day)T11:00:00Z")!
    }

    static func request(received day: String) -> DataSubjectRequest {
        DataSubjectRequest(type: .access, subject: nil, channel: .email, receivedAt: noon(day))
    }

    /// GDPR.md: received, +1 month, legal deadline, +3 months, legal deadline.
    @Test(arguments: [
        ("2026-01-31", "2026-02-28", "2026-03-02", "2026-04-30", "2026-04-30"),
        ("2028-01-31", "2028-02-29", "2028-02-29", "2028-04-30", "2028-05-01"),
        ("2026-03-31", "2026-04-30", "2026-04-30", "2026-06-30", "2026-06-30"),
        ("2026-02-07", "2026-03-07", "2026-03-09", "2026-05-07", "2026-05-07"),
        ("2026-10-31", "2026-11-30", "2026-11-30", "2027-01-31", "2027-02-01"),
        ("2026-12-24", "2027-01-24", "2027-01-25", "2027-03-24", "2027-03-24"),
    ])
    func monthArithmeticVectors(vector: (String, String, String, String, String)) {
        let deadlines = RequestClock().deadlines(of: Self.request(received: vector.0), now: Self.noon(vector.0))
        #expect(deadlines.target.description == vector.1)
        #expect(deadlines.deadline.description == vector.2)
        #expect(deadlines.extendedTarget.description == vector.3)
        #expect(deadlines.extendedDeadline.description == vector.4)
        #expect(deadlines.due == deadlines.deadline)
    }

    @Test func holidaysFollowEasterAndKingsDay() {
        #expect(PublicHolidays.easterSunday(2026).description == "2026-04-05")
        #expect(PublicHolidays.easterSunday(2027).description == "2027-03-28")
        #expect(PublicHolidays.easterSunday(2028).description == "2028-04-16")
        #expect(PublicHolidays.easterSunday(2024).description == "2024-03-31")
        #expect(PublicHolidays.holidays(in: 2026).map(\.description) == [
            "2026-01-01", "2026-04-06", "2026-04-27", "2026-05-05", "2026-05-14", "2026-05-25", "2026-12-25", "2026-12-26",
        ])
        // 27 April 2025 is a Sunday: King's Day is the 26th.
        #expect(PublicHolidays.holidays(in: 2025).contains(CalendarDate("2025-04-26")!))
        #expect(!PublicHolidays.holidays(in: 2025).contains(CalendarDate("2025-04-27")!))
        #expect(PublicHolidays.weekday(CalendarDate("2026-11-21")!) == 6)
        #expect(PublicHolidays.weekday(CalendarDate("2000-01-01")!) == 6)
    }

    @Test(arguments: [
        // King's Day, a Monday.
        ("2026-03-27", "2026-04-27", "2026-04-28"),
        // Christmas on a Friday, Boxing Day on Saturday, then Sunday.
        ("2026-11-25", "2026-12-25", "2026-12-28"),
        // Ascension Day 2026 is Thursday 14 May.
        ("2026-04-14", "2026-05-14", "2026-05-15"),
        // Whit Monday 2027 is 17 May.
        ("2027-04-17", "2027-05-17", "2027-05-18"),
    ])
    func deadlinesRollOverPublicHolidays(vector: (String, String, String)) {
        let deadlines = RequestClock().deadlines(of: Self.request(received: vector.0), now: Self.noon(vector.0))
        #expect(deadlines.target.description == vector.1)
        #expect(deadlines.deadline.description == vector.2)
    }

    @Test func aShorterPromiseWinsAndALongerOneDoesNot() {
        let fourWeeks = RequestClock(promise: ISODuration(weeks: 4))
        let march = fourWeeks.deadlines(of: Self.request(received: "2026-03-02"), now: Self.noon("2026-03-02"))
        #expect(march.target.description == "2026-03-30")
        #expect(march.deadline.description == "2026-03-30")
        // The law's month still bounds the extension decision.
        #expect(march.monthDeadline.description == "2026-04-02")
        let twoMonths = RequestClock(promise: ISODuration(months: 2))
        #expect(twoMonths.deadlines(of: Self.request(received: "2026-03-02"), now: Self.noon("2026-03-02")).target.description == "2026-04-02")
    }

    @Test func awaitingIdentificationPausesTheClockByWholeDays() throws {
        var request = Self.request(received: "2026-01-05")
        try request.move(to: .awaitingIdentification, at: Self.noon("2026-01-06"), by: "cli")
        let paused = RequestClock().deadlines(of: request, now: Self.noon("2026-01-09"))
        #expect(paused.isPaused)
        #expect(paused.pausedDays == 3)
        try request.move(to: .inProgress, at: Self.noon("2026-01-16"), by: "cli")
        let resumed = RequestClock().deadlines(of: request, now: Self.noon("2026-02-01"))
        #expect(!resumed.isPaused)
        #expect(resumed.pausedDays == 10)
        #expect(resumed.receipt.description == "2026-01-15")
        // 15 February 2026 is a Sunday.
        #expect(resumed.target.description == "2026-02-15")
        #expect(resumed.deadline.description == "2026-02-16")
    }

    @Test func theStateMachineRefusesMovesItDoesNotAllowAndChangesNothing() throws {
        var request = Self.request(received: "2026-01-05")
        #expect(throws: VaultError.self) { try request.move(to: .extended, at: Self.noon("2026-01-06"), by: "cli") }
        #expect(request.state == .received)
        #expect(request.history.count == 1)
        try request.move(to: .inProgress, at: Self.noon("2026-01-06"), by: "cli")
        try request.move(to: .fulfilled, at: Self.noon("2026-01-07"), by: "cli", note: "done")
        #expect(request.closedAt == Self.noon("2026-01-07"))
        for next in RequestState.allCases {
            #expect(throws: VaultError.self) { try request.move(to: next, at: Self.noon("2026-01-08"), by: "cli") }
        }
        #expect(request.history.map(\.state) == [.received, .inProgress, .fulfilled])
    }
}

/// The BSN eleven-test and its detection in free text.
@Suite struct BSNTests {
    @Test func theElevenTest() {
        #expect(BSN.isValid("111222333"))
        #expect(BSN.isValid("123456782"))
        #expect(BSN.isValid("12345672")) // eight digits, read as 012345672
        #expect(!BSN.isValid("123456789"))
        #expect(!BSN.isValid("000000000"))
        #expect(!BSN.isValid("12345678a"))
    }

    @Test(arguments: [
        ("mijn bsn is 123456782", true),
        ("BSN: 123.456.782, graag verwijderen", true),
        ("nummer 1234 56 782", true),
        ("111-222-333", true),
        ("bel 0612345678", false),
        ("KvK 12345678", false),
        ("factuur 123456789", false),
        ("1234567820", false),
        ("op 2026-01-31 om 12:30", false),
        ("", false),
    ])
    func detectionInText(text: String, expected: Bool) {
        #expect(BSN.occurs(in: text) == expected)
    }
}
