import Foundation
import KluisCore
import KluisTesting
import Testing

/// The breach register: the 72-hour clock in real hours, across a weekend, a change of the
/// clocks and a holiday; late notifications refused without a reason; phased follow-ups; texts
/// without personal data; every step audited; on both stores.
@Suite struct BreachRegisterTests {
    static let admin = VaultFixture.admin
    static let amsterdam = TimeZone(identifier: "Europe/Amsterdam")!

    /// A moment in Amsterdam's local time, worked out by the test itself.
    static func local(_ year: Int, _ month: Int, _ day: Int, _ hour: Int, _ minute: Int = 0) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = amsterdam
        return calendar.date(from: DateComponents(year: year, month: month, day: day, hour: hour, minute: minute))!
    }

    static func report(aware: Date, summary: String = "A laptop with client files was stolen from a car.") -> BreachReport {
        BreachReport(summary: summary, incident: .stolenDevice, nature: [.theft, .reading],
                     timeline: Breach.Timeline(startedAt: aware - 7200, discoveredAt: aware - 3600, awareAt: aware),
                     reporter: Breach.Contact(name: "Fleur de Vries", jobTitle: "owner", phone: "06 1234 5678"),
                     dataKinds: [.nameAddress, .email, .health], categories: ["contact"],
                     records: Breach.Range(minimum: 40, maximum: 60), people: Breach.Range(minimum: 40, maximum: 60),
                     groups: ["clients"], encrypted: false)
    }

    @Test func theClockRunsSeventyTwoRealHoursThroughAWeekendAClockChangeAndAHoliday() {
        let clock = BreachClock()
        // Friday 23 October 2026, 15:00 summer time: the clocks go back on Sunday the 25th, so
        // 72 real hours end on Monday at 14:00 winter time.
        var breach = Breach(id: "brc_x", state: .open, summary: "s", incident: .hacking, nature: [],
                            timeline: .init(discoveredAt: Self.local(2026, 10, 23, 15), awareAt: Self.local(2026, 10, 23, 15)),
                            reporter: .init(name: "F", jobTitle: "o", phone: "1"), contact: nil, processors: [], dataKinds: [], categories: [],
                            records: nil, people: nil, groups: [], encrypted: nil, priorMeasures: nil, consequences: nil,
                            measuresTaken: nil, measuresPlanned: nil, crossBorder: nil, attachments: [], notifications: [],
                            createdAt: Date(), updatedAt: Date())
        #expect(clock.deadline(of: breach) == Self.local(2026, 10, 26, 14))
        #expect(clock.deadline(of: breach).timeIntervalSince(breach.timeline.awareAt) == 72 * 3600)
        // Christmas Eve 2026 at noon: the holidays and the weekend after count like any hours.
        breach.timeline.awareAt = Self.local(2026, 12, 24, 12)
        #expect(clock.deadline(of: breach) == Self.local(2026, 12, 27, 12))
        #expect(clock.timeLeft(of: breach, at: Self.local(2026, 12, 26, 12)) == 24 * 3600)
        #expect(!clock.isLate(breach, notifiedAt: Self.local(2026, 12, 27, 12)))
        #expect(clock.isLate(breach, notifiedAt: Self.local(2026, 12, 27, 12, 1)))
        // A policy promising less is held to it; one promising more is held to the law's 72.
        #expect(BreachClock(policy: BreachPolicy(notifyAuthorityWithin: ISODuration(hours: 48))).hours == 48)
        #expect(BreachClock(policy: BreachPolicy(notifyAuthorityWithin: ISODuration(days: 5))).hours == 72)
    }

    @Test(arguments: StoreKind.enabled) func aBreachIsRegisteredNotifiedInPhasesAndAudited(store: StoreKind) async throws {
        let fixture = try await VaultFixture(store: store)
        let breaches = fixture.vault.breaches
        let aware = fixture.clock.now() - 80 * 3600
        let opened = try await breaches.open(Self.report(aware: aware), draft: true, by: Self.admin)
        #expect(opened.state == .draft && opened.id.hasPrefix("brc_"))
        #expect(try await breaches.breach(opened.id) == opened)

        // Eighty hours on: late, so a first notification needs the reason.
        let late = await #expect(throws: VaultError.self) {
            try await breaches.recordNotification(opened.id, phase: .first, by: Self.admin)
        }
        #expect(late?.message.contains("give the reason for the delay") == true)
        await #expect(throws: VaultError.self, "a follow-up before a first") {
            try await breaches.recordNotification(opened.id, phase: .followUp, by: Self.admin)
        }
        let first = try await breaches.recordNotification(opened.id, phase: .first, reference: "AP-2026-1234",
                                                          lateReason: "the stolen laptop's contents were only known on Monday", by: Self.admin)
        #expect(first.state == .open && first.notifications.count == 1 && first.notifications[0].reference == "AP-2026-1234")
        fixture.clock.advance(by: 3600)
        let followed = try await breaches.recordNotification(opened.id, phase: .followUp, by: Self.admin)
        #expect(followed.notifications.map(\.phase) == [.first, .followUp])
        #expect(followed.notifications[1].sentAt == fixture.clock.now())
        // A notification in time needs no reason.
        let another = try await breaches.open(Self.report(aware: fixture.clock.now() - 3600), by: Self.admin)
        let onTime = try await breaches.recordNotification(another.id, phase: .first, by: Self.admin)
        #expect(onTime.notifications[0].lateReason == nil)
        #expect(try await breaches.all().map(\.id) == [another.id, opened.id], "not the latest awareness first")

        try await breaches.withdraw(another.id, reason: "the laptop was found unopened in the office", by: Self.admin)
        #expect(try await breaches.breach(another.id).state == .withdrawn)
        await #expect(throws: VaultError.self) { try await breaches.amend(another.id, with: Self.report(aware: aware), by: Self.admin) }
        await #expect(throws: VaultError.self, "a withdrawn breach closed") { try await breaches.close(another.id, by: Self.admin) }

        let events = try await fixture.vault.auditEvents(limit: 100).map(\.entry).filter { $0.action == .breach }
        #expect(events.map(\.reason) == ["\(opened.id) opened as a draft", "\(opened.id) notified (first)", "\(opened.id) notified (follow_up)",
                                          "\(another.id) opened", "\(another.id) notified (first)",
                                          "\(another.id) withdrawn: the laptop was found unopened in the office"])
    }

    @Test func theRegistersTextsHoldNoPersonalData() async throws {
        let fixture = try await VaultFixture()
        let breaches = fixture.vault.breaches
        let aware = fixture.clock.now()
        for (summary, refusal) in [("Mail sent to jan@voorbeeld.example by mistake", "e-mail address"),
                                   ("The file of 111222333 was read", "BSN"), ("Called 06 1234 5678 back", "phone number")] {
            let error = await #expect(throws: VaultError.self) {
                try await breaches.open(Self.report(aware: aware, summary: summary), by: Self.admin)
            }
            #expect(error?.message.contains(refusal) == true, "\(error?.message ?? "")")
        }
        var backwards = Self.report(aware: aware)
        backwards.timeline.discoveredAt = aware + 60
        await #expect(throws: VaultError.self) { try await breaches.open(backwards, by: Self.admin) }
        var counts = Self.report(aware: aware)
        counts.people = Breach.Range(minimum: 10, maximum: 5)
        await #expect(throws: VaultError.self) { try await breaches.open(counts, by: Self.admin) }
        var unknown = Self.report(aware: aware)
        unknown.categories = ["nonsense"]
        await #expect(throws: VaultError.self) { try await breaches.open(unknown, by: Self.admin) }
        await #expect(throws: VaultError.self, "not for an application's key") {
            try await breaches.open(Self.report(aware: aware), by: Principal(id: "key_app", purposes: ["service"]))
        }
        #expect(try await breaches.all().isEmpty, "a refused breach was stored")
        let opened = try await breaches.open(Self.report(aware: aware), by: Self.admin)
        let error = await #expect(throws: VaultError.self) {
            try await breaches.recordNotification(opened.id, phase: .first, reference: "case of jan@voorbeeld.example", by: Self.admin)
        }
        #expect(error?.message.contains("e-mail address") == true)
        #expect(try await breaches.breach(opened.id).notifications.isEmpty)
    }
}
