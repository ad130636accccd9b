import Foundation

/// What to enter in the AP's notification form, in its order and in Dutch, ready to copy: for a
/// first notification, a follow-up or a withdrawal. Built from the register alone; what the
/// register does not know yet is said to be unknown, so the form can go within the 72 hours and
/// be completed in a follow-up.
public struct BreachAuthorityText: Sendable {
    public let document: Document

    public init(breach: Breach, policy: Policy, phase: Breach.Notification.Phase, clock: BreachClock, now: Date) {
        let say = Phrases(.nl)
        let unknown = "Nog niet bekend"
        let controller = policy.controller
        func contact(_ person: Breach.Contact) -> [[String]] {
            [["Naam", person.name], ["Functie", person.jobTitle], ["Telefoonnummer", person.phone], ["E-mailadres", person.email ?? "—"]]
        }
        func table(_ rows: [[String]]) -> Document.Block { .table(headers: ["Vraag", "Antwoord"], rows: rows) }

        var about = [["Soort melding", say.notificationPhase(phase)]]
        let references = breach.notifications.compactMap(\.reference)
        if phase != .first {
            about.append(["Meldnummer van de eerdere melding", references.first ?? "(het nummer dat de AP gaf)"])
        }
        about.append(["Kunt u redelijkerwijs uitsluiten dat er persoonsgegevens verloren zijn gegaan of onrechtmatig zijn verwerkt?", "Nee"])
        about.append(["Eigen kenmerk", breach.id])

        var organisation = [["Naam van de organisatie", controller.name]]
        if let kvk = controller.kvk { organisation.append(["KvK-nummer", kvk]) }
        if let address = controller.address {
            organisation.append(["Adres", "\(address.street), \(address.postcode) \(address.city)"])
        }
        organisation.append(["E-mailadres van de organisatie", controller.email])
        var contacts: [Document.Block] = [table(organisation), .heading("Melder")] + [table(contact(breach.reporter))]
        if let person = breach.contact, person != breach.reporter {
            contacts += [.heading("Contactpersoon voor de AP"), table(contact(person))]
        }
        contacts.append(table([["Betrokken verwerkers", breach.processors.isEmpty ? "Geen" : breach.processors.joined(separator: "; ")]]))

        let timeline = breach.timeline
        var time = [
            ["Begin van het lek", timeline.startedAt.map(say.moment) ?? unknown],
            ["Einde van het lek", timeline.ongoing ? "Het lek duurt nog voort" : timeline.endedAt.map(say.moment) ?? unknown],
            ["Ontdekt op", say.moment(timeline.discoveredAt)],
            ["Vastgesteld op (start van de termijn van 72 uur)", say.moment(timeline.awareAt)],
        ]
        if let told = timeline.processorToldAt { time.append(["Door de verwerker gemeld op", say.moment(told)]) }
        time.append(["Uiterlijk te melden op", say.moment(clock.deadline(of: breach))])
        if phase == .first {
            let notified = breach.firstNotification
            let late = clock.isLate(breach, notifiedAt: notified?.sentAt ?? now)
            if let reason = notified?.lateReason {
                time.append(["Reden van de late melding", reason])
            } else if late {
                time.append(["Reden van de late melding", "(verplicht: de melding komt later dan 72 uur na vaststelling)"])
            }
        }

        let general = breach.dataKinds.filter { !$0.isSpecial }.map(say.dataKind)
        let special = breach.dataKinds.filter(\.isSpecial).map(say.dataKind)
        func range(_ range: Breach.Range?) -> (String, String) {
            guard let range else { return (unknown, unknown) }
            return ("\(range.minimum)", "\(range.maximum)")
        }
        let people = range(breach.people)

        var followUp: [[String]] = []
        let told = breach.peopleTold.filter { $0.told > 0 }
        if let last = told.last {
            let count = told.reduce(0) { $0 + $1.told }
            followUp.append(["Zijn de betrokkenen geïnformeerd?", "Ja"])
            followUp.append(["Wanneer en hoe", "\(count) betrokkenen per e-mail, het laatst op \(say.moment(last.at))"])
        } else if let assessment = breach.assessment {
            followUp.append(["Zijn de betrokkenen geïnformeerd?", assessment.tellPeople.yes ? "Nog niet; dat gaat gebeuren" : "Nee"])
            followUp.append([assessment.tellPeople.yes ? "Wanneer en hoe" : "Waarom niet",
                             ([assessment.peopleException.map(say.peopleException)].compactMap { $0 } + [assessment.tellPeople.reason])
                                 .joined(separator: ". ")])
        } else {
            followUp.append(["Zijn de betrokkenen geïnformeerd?", "Nog niet; de beoordeling loopt"])
        }
        let withoutAddress = breach.peopleTold.reduce(0) { $0 + $1.withoutAddress }
        if withoutAddress > 0 {
            followUp.append(["Niet per e-mail bereikbaar", "\(withoutAddress) betrokkenen; zij worden op een andere manier ingelicht"])
        }
        followUp += [
            ["Genomen maatregelen", breach.measuresTaken ?? unknown],
            ["Geplande maatregelen", breach.measuresPlanned ?? unknown],
            ["Grensoverschrijdende aspecten", breach.crossBorder ?? unknown],
        ]
        if !breach.attachments.isEmpty { followUp.append(["Bijlagen (kenmerken)", breach.attachments.joined(separator: "; ")]) }

        var sections = [
            Document.Section(anchor: "melding", title: "1. Over de melding", blocks: [table(about)]),
            Document.Section(anchor: "contact", title: "2. Contactgegevens", blocks: contacts),
            Document.Section(anchor: "tijdlijn", title: "3. Tijdlijn", blocks: [table(time)]),
            Document.Section(anchor: "lek", title: "4. Het datalek", blocks: [table([
                ["Samenvatting", breach.summary],
                ["Soort incident", say.incident(breach.incident)],
                ["Aard van het lek", breach.nature.isEmpty ? unknown : breach.nature.map(say.nature).joined(separator: "; ")],
            ])]),
            Document.Section(anchor: "gegevens", title: "5. De persoonsgegevens", blocks: [table([
                ["Algemene persoonsgegevens", general.isEmpty ? "Geen" : general.joined(separator: "; ")],
                ["Bijzondere persoonsgegevens", special.isEmpty ? "Geen" : special.joined(separator: "; ")],
                ["Geschat aantal records", breach.records.map { "\($0.minimum) tot \($0.maximum)" } ?? unknown],
            ])]),
            Document.Section(anchor: "betrokkenen", title: "6. De betrokkenen", blocks: [table([
                ["Groepen betrokkenen", breach.groups.isEmpty ? unknown : breach.groups.joined(separator: "; ")],
                ["Minimum aantal betrokkenen", people.0],
                ["Maximum aantal betrokkenen", people.1],
            ])]),
            Document.Section(anchor: "maatregelen-vooraf", title: "7. Maatregelen vooraf", blocks: [table([
                ["Waren de gegevens versleuteld, gehasht of op een andere manier onbegrijpelijk voor onbevoegden?", say.yesNo(breach.encrypted)],
                ["Hoe", breach.priorMeasures ?? unknown],
            ])]),
            Document.Section(anchor: "gevolgen", title: "8. Gevolgen", blocks: [table([
                ["Mogelijke gevolgen voor de betrokkenen", breach.consequences ?? unknown],
            ])]),
            Document.Section(anchor: "vervolg", title: "9. Vervolgacties", blocks: [table(followUp)]),
        ]
        if phase == .withdrawal {
            sections.append(Document.Section(anchor: "intrekking", title: "10. Intrekking", blocks: [
                .paragraph(["Na nader onderzoek blijkt er geen sprake van een datalek; de melding wordt ingetrokken."]),
            ]))
        }
        document = Document(language: .nl, title: "Melding datalek aan de Autoriteit Persoonsgegevens",
                            subtitle: "\(say.notificationPhase(phase)) · \(controller.name) · opgesteld \(say.moment(now))", sections: sections)
    }
}

extension BreachAuthorityText {
    /// A section of the form as questions and answers, for a face that lays it out itself: in
    /// groups, each under the sub-heading it follows (the reporter, the contact person).
    public struct Section: Sendable, Hashable {
        public var title: String
        public var anchor: String
        public var groups: [Group]
    }

    public struct Group: Sendable, Hashable {
        public var heading: String?
        public var entries: [Entry]
        public var notes: [String]
    }

    public struct Entry: Sendable, Hashable {
        public var question: String
        public var answer: String
    }

    public var sections: [Section] {
        document.sections.map { section in
            var groups = [Group(heading: nil, entries: [], notes: [])]
            for block in section.blocks {
                switch block {
                case .heading(let text):
                    groups.append(Group(heading: text, entries: [], notes: []))
                case .table(_, let rows):
                    groups[groups.count - 1].entries += rows.map { Entry(question: $0.first ?? "", answer: $0.dropFirst().joined(separator: " ")) }
                case .paragraph(let spans):
                    groups[groups.count - 1].notes.append(spans.map(\.plainText).joined())
                case .bullets(let items):
                    groups[groups.count - 1].notes += items.map { $0.map(\.plainText).joined() }
                }
            }
            return Section(title: section.title, anchor: section.anchor,
                           groups: groups.filter { $0.heading != nil || !$0.entries.isEmpty || !$0.notes.isEmpty })
        }
    }
}
