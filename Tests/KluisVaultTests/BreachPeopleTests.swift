import Foundation
import KluisCore
import KluisTesting
import Testing

/// After hour zero: the people a breach exposed, selected and counted without opening a value
/// and told in their language; the assessment with its reasons; the text for the AP's form; the
/// register's export; the reminders while the authority has not been told.
@Suite struct BreachPeopleTests {
    static let admin = VaultFixture.admin

    /// Collects what the vault sends, as a mail server would receive it.
    actor CollectingOutbox: Outbox {
        var messages: [OutboxMessage] = []
        func send(_ message: OutboxMessage) async throws { messages.append(message) }
    }

    /// Four people added at different times: Anna (English) and Bram hold contact details,
    /// Bram and Cas invoices; Cas has no e-mail identifier; Dirk holds contact details only,
    /// written after the breach's window.
    struct People {
        var anna, bram, cas, dirk: SubjectID
        var windowStart, windowEnd: Date
    }

    static func people(in fixture: VaultFixture) async throws -> People {
        let vault = fixture.vault
        func add(_ email: String?, _ records: [NewRecord], language: Language? = nil) async throws -> SubjectID {
            try await vault.createSubject(NewSubject(identifiers: try email.map { [try SubjectIdentifier(kind: .email, value: $0)] } ?? [],
                                                     records: records, language: language), by: admin)
        }
        let contact = { (email: String) in NewRecord(category: "contact", fields: ["email": email], purpose: "service") }
        let invoice = NewRecord(category: "invoices", fields: ["number": "F-1", "amount": "10", "invoice_date": "2026-10-01"])
        let anna = try await add("anna@voorbeeld.example", [contact("anna@voorbeeld.example")], language: .en)
        fixture.clock.advance(by: 86400)
        let windowStart = fixture.clock.now()
        let bram = try await add("bram@voorbeeld.example", [contact("bram@voorbeeld.example"), invoice])
        fixture.clock.advance(by: 3600)
        let cas = try await add(nil, [invoice])
        let windowEnd = fixture.clock.now()
        fixture.clock.advance(by: 86400)
        let dirk = try await add("dirk@voorbeeld.example", [contact("dirk@voorbeeld.example")])
        fixture.clock.advance(by: 3600)
        return People(anna: anna, bram: bram, cas: cas, dirk: dirk, windowStart: windowStart, windowEnd: windowEnd)
    }

    static func open(_ fixture: VaultFixture, hoursAgo: Double = 2) async throws -> Breach {
        try await fixture.vault.breaches.open(BreachReport(
            summary: "A backup of the customer database was left readable on a public server.", incident: .unauthorisedAccess,
            nature: [.reading, .copying],
            timeline: Breach.Timeline(startedAt: fixture.clock.now() - hoursAgo * 3600 - 7200, discoveredAt: fixture.clock.now() - hoursAgo * 3600,
                                      awareAt: fixture.clock.now() - hoursAgo * 3600),
            reporter: Breach.Contact(name: "Fleur de Vries", jobTitle: "Eigenaar", phone: "06 1234 5678", email: "fleur@voorbeeld.example"),
            processors: ["Hosting B.V."], dataKinds: [.nameAddress, .email, .financial], categories: ["contact", "invoices"],
            records: Breach.Range(minimum: 3, maximum: 5), people: Breach.Range(minimum: 3, maximum: 4), groups: ["Klanten"],
            encrypted: false, priorMeasures: "Access by password only", consequences: "Phishing in the name of the shop",
            measuresTaken: "The backup was removed and the server closed", measuresPlanned: "Backups are encrypted from now on"),
            by: admin)
    }

    @Test(arguments: StoreKind.enabled) func peopleAreSelectedByCategoryAndTimeWindowAndCountedWithoutValues(store: StoreKind) async throws {
        let fixture = try await VaultFixture(store: store)
        let people = try await Self.people(in: fixture)
        let breach = try await Self.open(fixture)
        let breaches = fixture.vault.breaches
        let before = try await fixture.vault.auditEvents(limit: 1000).count

        let invoices = try await breaches.audience(of: breach.id, exposure: BreachExposure(categories: ["invoices"]), by: Self.admin)
        #expect(invoices.selected == 2 && invoices.withAddress == 1 && invoices.alreadyTold == 0)
        let window = try await breaches.audience(of: breach.id, exposure: BreachExposure(from: people.windowStart, until: people.windowEnd),
                                                 by: Self.admin)
        #expect(window.selected == 2 && window.withAddress == 1, "Bram and Cas were written in the window")
        let contactInWindow = try await breaches.audience(
            of: breach.id, exposure: BreachExposure(categories: ["contact"], until: people.windowEnd), by: Self.admin)
        #expect(contactInWindow.selected == 2 && contactInWindow.languages == [.en: 1, .nl: 1], "Anna and Bram, not Dirk")
        let listed = try await breaches.audience(of: breach.id, exposure: BreachExposure(subjects: [people.dirk, people.cas]), by: Self.admin)
        #expect(listed.selected == 2)
        let byPurpose = try await breaches.audience(of: breach.id, exposure: BreachExposure(purposes: ["service"]), by: Self.admin)
        #expect(byPurpose.selected == 3, "the purpose applies to the three with contact details for the service")

        // Counting opens nothing: the audit log gains one count per question, no read.
        let added = try await fixture.vault.auditEvents(limit: 1000).dropFirst(before).map(\.entry)
        #expect(added.count == 5 && added.allSatisfy { $0.action == .breach && $0.subject == nil && $0.reason?.contains("counted") == true })

        for refused in [BreachExposure(), BreachExposure(categories: ["nonsense"]), BreachExposure(purposes: ["nonsense"]),
                        BreachExposure(from: people.windowEnd, until: people.windowStart)] {
            await #expect(throws: VaultError.self) { try await breaches.audience(of: breach.id, exposure: refused, by: Self.admin) }
        }
    }

    @Test(arguments: StoreKind.enabled) func thePeopleAreToldInTheirLanguageOnceAndSeeIt(store: StoreKind) async throws {
        let fixture = try await VaultFixture(store: store)
        let people = try await Self.people(in: fixture)
        let breach = try await Self.open(fixture)
        let breaches = fixture.vault.breaches
        let outbox = CollectingOutbox()
        try await fixture.vault.setLanguage(.nl, of: people.bram, by: Self.admin)

        let exposure = BreachExposure(categories: ["contact", "invoices"], until: people.windowEnd)
        let round = try await breaches.tell(breach.id, exposure: exposure, texts: [
            .en: BreachLetter.Text(advice: "Be wary of e-mails asking you to pay an invoice."),
        ], outbox: outbox, by: Self.admin)
        #expect(round.selected == 3 && round.told == 2 && round.withoutAddress == 1)
        let messages = await outbox.messages
        #expect(Set(messages.map(\.to)) == ["anna@voorbeeld.example", "bram@voorbeeld.example"])
        let toAnna = try #require(messages.first { $0.to == "anna@voorbeeld.example" })
        #expect(toAnna.subject == "A data breach at Voorbeeld B.V. that concerns your data")
        #expect(toAnna.body.contains("What happened\nA backup of the customer database") && toAnna.body.contains("Contact details"))
        #expect(toAnna.body.contains("Be wary of e-mails") && toAnna.body.contains("privacy@voorbeeld.example") && toAnna.body.contains(breach.id))
        let toBram = try #require(messages.first { $0.to == "bram@voorbeeld.example" })
        #expect(toBram.subject == "Een datalek bij Voorbeeld B.V. dat uw gegevens betreft")
        #expect(toBram.body.contains("Wat er is gebeurd") && toBram.body.contains("Contactgegevens") && toBram.body.contains("Facturen"))
        #expect(!toBram.body.contains("Be wary"), "the English advice went into the Dutch letter")

        // Told once: a second round tells no one again; the round is counted in the breach.
        let again = try await breaches.tell(breach.id, exposure: exposure, outbox: outbox, by: Self.admin)
        #expect(again.told == 0 && again.selected == 3)
        #expect(await outbox.messages.count == 2)
        let stored = try await breaches.breach(breach.id)
        #expect(stored.peopleTold.map(\.told) == [2, 0])
        #expect(try await breaches.audience(of: breach.id, exposure: exposure, by: Self.admin).alreadyTold == 2)

        // Each person told sees it, and it is in their history; the others see nothing.
        let annasBreaches = try await breaches.told(people.anna)
        #expect(annasBreaches.map(\.breach.id) == [breach.id] && annasBreaches[0].notice.language == .en)
        #expect(try await breaches.told(people.dirk).isEmpty)
        #expect(try await breaches.told(people.cas).isEmpty)
        let history = try await fixture.vault.auditEvents(limit: 1000).map(\.entry)
        #expect(history.filter { $0.action == .breach && $0.subject != nil }.compactMap(\.subject) .sorted { $0.rawValue < $1.rawValue }
                    == [people.anna, people.bram].sorted { $0.rawValue < $1.rawValue })

        // Erased (the change an erasure request commits), the person's notice goes with them;
        // the breach keeps its count.
        try await fixture.store.commit([.eraseSubject(people.anna, keeping: [])], audit: [])
        #expect(try await breaches.told(people.anna).isEmpty)
        #expect(try await breaches.breach(breach.id).peopleTold.first?.told == 2)
    }

    @Test func theAssessmentRecordsDecisionsWithReasonsAndTheScoreOnlyAsAnAid() async throws {
        let fixture = try await VaultFixture()
        let breach = try await Self.open(fixture)
        let breaches = fixture.vault.breaches
        let suggested = BreachAssessment.Factors.suggested(by: breach, policy: fixture.policy)
        #expect(suggested.sensitiveData && suggested.easilyIdentified && !suggested.manyPeople && !suggested.unintelligible)

        // ENISA: context 3 × identification 1 + confidentiality 0.5 + malicious 0.5 = 4: very high.
        let severity = BreachAssessment.Severity(context: 3, identification: 1, confidentiality: 0.5, malicious: true)
        #expect(severity.score == 4 && severity.level == .veryHigh)
        #expect(BreachAssessment.Severity(context: 1, identification: 0.75).level == .low)
        #expect(BreachAssessment.Severity(context: 2, identification: 1, confidentiality: 0.25).level == .medium)

        let no = BreachAssessment.Decision(yes: false, reason: "not told")
        await #expect(throws: VaultError.self, "a very high score without an exception") {
            try await breaches.assess(breach.id, factors: suggested, severity: severity,
                                      tellAuthority: .init(yes: true, reason: "a risk to the customers"), tellPeople: no, by: Self.admin)
        }
        await #expect(throws: VaultError.self, "a score outside the method") {
            try await breaches.assess(breach.id, factors: suggested, severity: .init(context: 5, identification: 1),
                                      tellAuthority: .init(yes: true, reason: "risk"), tellPeople: no, by: Self.admin)
        }
        await #expect(throws: VaultError.self, "a reason with an e-mail address") {
            try await breaches.assess(breach.id, factors: suggested, severity: nil,
                                      tellAuthority: .init(yes: true, reason: "ask fleur@voorbeeld.example"), tellPeople: no, by: Self.admin)
        }
        #expect(try await breaches.breach(breach.id).assessment == nil, "a refused assessment was stored")
        // The exception of 34(3) lets the people go untold, with the reason kept.
        let assessed = try await breaches.assess(breach.id, factors: suggested, severity: severity,
                                                 tellAuthority: .init(yes: true, reason: "Names and invoices of customers were readable"),
                                                 tellPeople: .init(yes: false, reason: "The server was closed before anyone copied it"),
                                                 peopleException: .riskRemoved, by: Self.admin)
        #expect(assessed.assessment?.peopleException == .riskRemoved && assessed.assessment?.assessedBy == Self.admin.id)
        let event = try await fixture.vault.auditEvents(limit: 100).last?.entry
        #expect(event?.reason == "\(breach.id) assessed: authority to be told, people not told")
    }

    @Test func theAuthorityTextHasEverySectionOfTheFormInItsOrder() async throws {
        let fixture = try await VaultFixture()
        let breach = try await Self.open(fixture, hoursAgo: 80)
        let breaches = fixture.vault.breaches
        let text = try await breaches.authorityText(of: breach.id, phase: .first).document
        #expect(text.language == .nl && text.title == "Melding datalek aan de Autoriteit Persoonsgegevens")
        #expect(text.sections.map(\.title) == ["1. Over de melding", "2. Contactgegevens", "3. Tijdlijn", "4. Het datalek",
                                                "5. De persoonsgegevens", "6. De betrokkenen", "7. Maatregelen vooraf", "8. Gevolgen",
                                                "9. Vervolgacties"])
        let plain = text.plainText
        for expected in ["Nieuwe melding", "Kunt u redelijkerwijs uitsluiten", "Voorbeeld B.V.", "12345678", "Fleur de Vries", "Eigenaar",
                         "06 1234 5678", "Hosting B.V.", "Toegang door een onbevoegde", "Lezen (vertrouwelijkheid)", "Kopiëren",
                         "Naam, adres en woonplaats (NAW)", "Financiële of economische gegevens", "3 tot 5", "Klanten",
                         "Access by password only", "Phishing in the name of the shop", "The backup was removed",
                         "Backups are encrypted from now on", "Reden van de late melding", "Nog niet; de beoordeling loopt",
                         "Grensoverschrijdende aspecten\nNog niet bekend"] {
            #expect(plain.contains(expected), "missing: \(expected)")
        }
        // The deadline in Dutch time, worked out here: awareness 80 hours before 21 November 10:00 UTC.
        let aware = fixture.clock.now() - 80 * 3600
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/Amsterdam")!
        let deadline = calendar.dateComponents([.day, .hour], from: aware + 72 * 3600)
        #expect(plain.contains("\(deadline.day!) november 2026, \(String(format: "%02d", deadline.hour!)):00"))

        try await breaches.recordNotification(breach.id, phase: .first, reference: "AP-2026-4711", lateReason: "Found on a Sunday", by: Self.admin)
        let followUp = try await breaches.authorityText(of: breach.id, phase: .followUp).document.plainText
        #expect(followUp.contains("Vervolgmelding") && followUp.contains("AP-2026-4711") && !followUp.contains("Reden van de late melding"))
    }

    @Test func theRegisterIsExportedWithItsClocks() async throws {
        let fixture = try await VaultFixture()
        let late = try await Self.open(fixture, hoursAgo: 80)
        let recent = try await Self.open(fixture, hoursAgo: 1)
        try await fixture.vault.breaches.recordNotification(recent.id, phase: .first, reference: "AP-1", by: Self.admin)
        let register = try await fixture.vault.breaches.register(by: Self.admin)
        #expect(register.breaches.map(\.breach.id) == [recent.id, late.id])
        #expect(register.breaches.map(\.late) == [false, true])
        let lines = register.csv().split(whereSeparator: \.isNewline)
        #expect(lines.count == 3 && lines[0].hasPrefix("id,state,summary,incident,aware_at,deadline,notified_at,late,reference"))
        #expect(lines[1].contains(recent.id) && lines[1].contains(",no,AP-1,") && lines[2].contains(",yes,,"))
        let json = try #require(try JSONSerialization.jsonObject(with: register.json()) as? [String: Any])
        let entries = try #require(json["breaches"] as? [[String: Any]])
        #expect(entries.count == 2 && entries[1]["late"] as? Bool == true && (entries[0]["breach"] as? [String: Any])?["id"] as? String == recent.id)
        let printed = register.document(in: .en).plainText
        #expect(printed.contains("Register of personal data breaches") && printed.contains("AP-1"))
    }

    @Test func remindersGoAtThePolicysHoursUntilTheAuthorityIsTold() async throws {
        var policy = PolicyFixture()
        policy.extra = "breaches: {notify_authority_within: PT72H, report_to: datalek@voorbeeld.example, remind_at: [PT24H, PT48H, PT66H]}"
        let fixture = try await VaultFixture(policy: policy)
        let breaches = fixture.vault.breaches
        let outbox = CollectingOutbox()
        let breach = try await Self.open(fixture, hoursAgo: 10)
        #expect(try await breaches.sendDueReminders(through: outbox) == 0)
        // 50 hours after awareness: the 24- and 48-hour reminders are both due; one message goes.
        fixture.clock.advance(by: 40 * 3600)
        #expect(try await breaches.sendDueReminders(through: outbox) == 1)
        let sent = await outbox.messages
        #expect(Set(sent.map(\.to)) == ["fleur@voorbeeld.example", "datalek@voorbeeld.example"])
        #expect(sent[0].subject == "Datalek \(breach.id): nog 22 uur om de AP in te lichten")
        #expect(try await breaches.sendDueReminders(through: outbox) == 0)
        #expect(try await breaches.breach(breach.id).remindersSent.sorted() == [24, 48])
        // Told: no more reminders.
        try await breaches.recordNotification(breach.id, phase: .first, by: Self.admin)
        fixture.clock.advance(by: 20 * 3600)
        #expect(try await breaches.sendDueReminders(through: outbox) == 0)
        #expect(await outbox.messages.count == 2)
    }
}
