import ArgumentParser
import Foundation
import KluisCore

/// `kluis breaches show ID [--format json]`: one breach, whole.
struct BreachesShowCommand: ContextualCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "One breach, whole: its clock, timeline, what happened, the assessment, the notifications and the people told.",
        discussion: "The JSON is the breach's entry of 'kluis breaches export --format json'."
    )

    @OptionGroup var vault: VaultOptions
    @Argument(help: "The breach id (brc_…).") var id: String
    @Option(help: "Output format: text or json.") var format: BreachesListCommand.ListFormat = .text

    func run(in context: CommandContext) async throws -> Int32 {
        let id = try BreachesCommand.parseID(id)
        let (entry, clock, now) = try await vault.withVault(in: context) { opened in
            let register = BreachRegister(breaches: [try await opened.breaches.breach(id)], policy: opened.policy,
                                          clock: opened.breaches.clock, now: opened.now())
            return (register.breaches[0], opened.breaches.clock, register.exportedAt)
        }
        switch format {
        case .text: context.write(Self.describe(entry.breach, clock: clock, now: now))
        case .json: context.write(try BreachesCommand.json(entry))
        }
        return 0
    }

    /// The breach in readable lines, in the order of the AP's form.
    static func describe(_ breach: Breach, clock: BreachClock, now: Date) -> String {
        let time: (Date) -> String = BreachesCommand.time
        var text = "\(breach.id) · \(breach.state.rawValue) · \(breach.incident.rawValue)\n\(breach.summary)\n"
        func section(_ title: String, _ empty: String? = nil) { text += "\n" + title + (empty.map { ": \($0)" } ?? "") + "\n" }
        func line(_ label: String, _ value: String?) {
            guard let value, !value.isEmpty else { return }
            text += "  " + label.padding(toLength: max(label.count, 20), withPad: " ", startingAt: 0) + " " + value + "\n"
        }
        func list(_ values: [String]) -> String? { values.isEmpty ? nil : values.joined(separator: ", ") }
        func range(_ range: Breach.Range?) -> String? { range.map { "\($0.minimum) to \($0.maximum)" } }
        func contact(_ person: Breach.Contact?) -> String? {
            person.map { [$0.name, $0.jobTitle, $0.phone, $0.email].compactMap { $0 }.joined(separator: ", ") }
        }

        section("clock")
        line("deadline", "\(time(clock.deadline(of: breach))) (\(clock.hours) hours from awareness)")
        line("now", BreachesCommand.clock(of: breach, clock: clock, now: now))
        let timeline = breach.timeline
        section("timeline")
        line("started at", timeline.startedAt.map(time) ?? "not known")
        line("ended at", timeline.ongoing ? "still going on" : timeline.endedAt.map(time) ?? "not known")
        line("discovered at", time(timeline.discoveredAt))
        line("aware at", time(timeline.awareAt))
        line("processor told at", timeline.processorToldAt.map(time))
        section("who")
        line("reporter", contact(breach.reporter))
        line("contact", contact(breach.contact))
        line("processors", list(breach.processors))
        section("what")
        line("nature", list(breach.nature.map(\.rawValue)))
        line("data kinds", list(breach.dataKinds.map(\.rawValue)))
        line("categories", list(breach.categories))
        line("records", range(breach.records))
        line("people", range(breach.people))
        line("groups", list(breach.groups))
        line("encrypted", breach.encrypted.map { $0 ? "yes" : "no" } ?? "not known")
        line("prior measures", breach.priorMeasures)
        line("consequences", breach.consequences)
        line("measures taken", breach.measuresTaken)
        line("measures planned", breach.measuresPlanned)
        line("cross border", breach.crossBorder)
        line("attachments", list(breach.attachments))

        if let assessment = breach.assessment {
            section("assessment")
            line("assessed at", "\(time(assessment.assessedAt)) by \(assessment.assessedBy)")
            line("tell the authority", "\(assessment.tellAuthority.yes ? "yes" : "no"): \(assessment.tellAuthority.reason)")
            line("tell the people", "\(assessment.tellPeople.yes ? "yes" : "no"): \(assessment.tellPeople.reason)"
                 + (assessment.peopleException.map { " (exception \($0.rawValue))" } ?? ""))
            line("factors", list(BreachesAssessCommand.Factor.holding(in: assessment.factors).map(\.rawValue)) ?? "none")
            line("notes", assessment.factors.notes)
            line("ENISA severity", assessment.severity.map(BreachesAssessCommand.describe))
        } else {
            section("assessment", "none yet")
        }

        if breach.notifications.isEmpty {
            section("notifications", "none yet")
        } else {
            section("notifications")
            for notification in breach.notifications {
                let details = ["sent at \(time(notification.sentAt))", notification.reference.map { "reference \($0)" },
                               notification.lateReason.map { "late: \($0)" }, "by \(notification.by)"].compactMap { $0 }
                line(notification.phase.rawValue, details.joined(separator: "; "))
            }
        }

        if breach.peopleTold.isEmpty {
            section("people told", "none yet")
        } else {
            section("people told")
            for round in breach.peopleTold {
                line(time(round.at), "\(round.told) told of \(round.selected) selected, \(round.withoutAddress) without an address; "
                     + "selected by \(describe(round.exposure)); by \(round.by)")
            }
        }
        if !breach.remindersSent.isEmpty {
            section("reminders sent", "after " + breach.remindersSent.sorted().map(String.init).joined(separator: ", ") + " hours")
        }
        section("report version")
        line(breach.reportFingerprint, "(give it to 'kluis breaches update --if-match' with a file written from this)")
        return text
    }

    /// How a round selected its people, without naming anyone.
    static func describe(_ exposure: BreachExposure) -> String {
        var parts: [String] = []
        if !exposure.categories.isEmpty { parts.append("categories " + exposure.categories.joined(separator: ", ")) }
        if let from = exposure.from { parts.append("from " + BreachesCommand.time(from)) }
        if let until = exposure.until { parts.append("until " + BreachesCommand.time(until)) }
        if !exposure.purposes.isEmpty { parts.append("purposes " + exposure.purposes.joined(separator: ", ")) }
        if !exposure.subjects.isEmpty { parts.append("\(exposure.subjects.count) listed subject\(exposure.subjects.count == 1 ? "" : "s")") }
        return parts.joined(separator: ", ")
    }
}
