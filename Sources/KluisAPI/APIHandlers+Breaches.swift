import Foundation
import KluisContract
import KluisCore

/// The breach register for admins: open, amend, assess, notify, the AP's text, the people
/// counted and told, close and withdraw; every answer carries the breach's clock.
extension APIHandlers {
    func listBreaches(_ input: Operations.ListBreaches.Input) async throws -> Operations.ListBreaches.Output {
        let register = try await vault.breaches.register(by: try APICaller.admin())
        return .ok(.init(body: .json(try ContractJSON.convert(register, using: JSONBody.snakeCaseEncoder))))
    }

    func openBreach(_ input: Operations.OpenBreach.Input) async throws -> Operations.OpenBreach.Output {
        let body = switch input.body { case .json(let body): body }
        let breach = try await vault.breaches.open(try Self.report(body), draft: body.draft ?? false, by: try APICaller.admin())
        return .created(.init(body: .json(try entry(breach))))
    }

    func showBreach(_ input: Operations.ShowBreach.Input) async throws -> Operations.ShowBreach.Output {
        _ = try APICaller.admin()
        let breach = try await vault.breaches.breach(input.path.breachId)
        return .ok(.init(headers: .init(eTag: EntityTags.quoted(breach.reportFingerprint)), body: .json(try entry(breach))))
    }

    func amendBreach(_ input: Operations.AmendBreach.Input) async throws -> Operations.AmendBreach.Output {
        let body = switch input.body { case .json(let body): body }
        let versions = try input.headers.ifMatch.flatMap(EntityTags.strong(in:))
        let breach = try await vault.breaches.amend(input.path.breachId, with: try Self.report(body), open: body.open ?? false,
                                                    filledInFrom: versions, by: try APICaller.admin())
        return .ok(.init(headers: .init(eTag: EntityTags.quoted(breach.reportFingerprint)), body: .json(try entry(breach))))
    }

    func assessBreach(_ input: Operations.AssessBreach.Input) async throws -> Operations.AssessBreach.Output {
        let body = switch input.body { case .json(let body): body }
        let factors = body.factors
        let breach = try await vault.breaches.assess(
            input.path.breachId,
            factors: BreachAssessment.Factors(sensitiveData: factors?.sensitiveData ?? false, easilyIdentified: factors?.easilyIdentified ?? false,
                                              severeConsequences: factors?.severeConsequences ?? false,
                                              vulnerablePeople: factors?.vulnerablePeople ?? false, manyPeople: factors?.manyPeople ?? false,
                                              unintelligible: factors?.unintelligible ?? false, notes: factors?.notes),
            severity: body.severity.map {
                BreachAssessment.Severity(context: $0.context, identification: $0.identification, confidentiality: $0.confidentiality ?? 0,
                                          integrity: $0.integrity ?? 0, availability: $0.availability ?? 0, malicious: $0.malicious ?? false)
            },
            tellAuthority: .init(yes: body.tellAuthority.yes, reason: body.tellAuthority.reason),
            tellPeople: .init(yes: body.tellPeople.yes, reason: body.tellPeople.reason),
            peopleException: body.peopleException.flatMap { BreachAssessment.PeopleException(rawValue: $0.rawValue) },
            by: try APICaller.admin())
        return .ok(.init(body: .json(try entry(breach))))
    }

    func recordBreachNotification(_ input: Operations.RecordBreachNotification.Input) async throws -> Operations.RecordBreachNotification.Output {
        let body = switch input.body { case .json(let body): body }
        let breach = try await vault.breaches.recordNotification(
            input.path.breachId, phase: Breach.Notification.Phase(rawValue: body.phase.rawValue) ?? .first, at: body.sentAt,
            reference: body.reference, lateReason: body.lateReason, by: try APICaller.admin())
        return .ok(.init(body: .json(try entry(breach))))
    }

    func breachAuthorityText(_ input: Operations.BreachAuthorityText.Input) async throws -> Operations.BreachAuthorityText.Output {
        _ = try APICaller.admin()
        let phase = input.query.phase.flatMap { Breach.Notification.Phase(rawValue: $0.rawValue) } ?? .first
        let text = try await vault.breaches.authorityText(of: input.path.breachId, phase: phase)
        let document = text.document
        let sections = text.sections.map { section in
            Components.Schemas.BreachAuthorityText.SectionsPayloadPayload(
                title: section.title,
                entries: section.groups.flatMap(\.entries).map { .init(question: $0.question, answer: $0.answer) },
                notes: section.groups.flatMap { [$0.heading].compactMap { $0 } + $0.notes })
        }
        return .ok(.init(body: .json(.init(phase: .init(rawValue: phase.rawValue) ?? .first, title: document.title, subtitle: document.subtitle,
                                           sections: sections, markdown: MarkdownWriter.render(document)))))
    }

    func countBreachPeople(_ input: Operations.CountBreachPeople.Input) async throws -> Operations.CountBreachPeople.Output {
        let body = switch input.body { case .json(let body): body }
        let audience = try await vault.breaches.audience(of: input.path.breachId, exposure: try Self.exposure(body), by: try APICaller.admin())
        return .ok(.init(body: .json(try ContractJSON.convert(audience))))
    }

    func tellBreachPeople(_ input: Operations.TellBreachPeople.Input) async throws -> Operations.TellBreachPeople.Output {
        let body = switch input.body { case .json(let body): body }
        let principal = try APICaller.admin()
        guard let outbox = configuration.outbox else {
            throw VaultError(.inputInvalid, "this server has no outbox configured, so it cannot write to people")
        }
        func text(_ text: Components.Schemas.BreachLetterText?) -> BreachLetter.Text? {
            text.map { BreachLetter.Text(happened: $0.happened, consequences: $0.consequences, measures: $0.measures, advice: $0.advice) }
        }
        var texts: [Language: BreachLetter.Text] = [:]
        texts[.nl] = text(body.texts?.nl)
        texts[.en] = text(body.texts?.en)
        let round = try await vault.breaches.tell(input.path.breachId, exposure: try Self.exposure(body.exposure), texts: texts, outbox: outbox,
                                                  by: principal)
        return .ok(.init(body: .json(try ContractJSON.convert(round, using: JSONBody.snakeCaseEncoder))))
    }

    func closeBreach(_ input: Operations.CloseBreach.Input) async throws -> Operations.CloseBreach.Output {
        .ok(.init(body: .json(try entry(try await vault.breaches.close(input.path.breachId, by: try APICaller.admin())))))
    }

    func withdrawBreach(_ input: Operations.WithdrawBreach.Input) async throws -> Operations.WithdrawBreach.Output {
        let body = switch input.body { case .json(let body): body }
        let breach = try await vault.breaches.withdraw(input.path.breachId, reason: body.reason, by: try APICaller.admin())
        return .ok(.init(body: .json(try entry(breach))))
    }

    /// The breach with its clock, as the contract writes it.
    private func entry(_ breach: Breach) throws -> Components.Schemas.BreachEntry {
        let register = BreachRegister(breaches: [breach], policy: vault.policy, clock: vault.breaches.clock, now: vault.now())
        return try ContractJSON.convert(register.breaches[0], using: JSONBody.snakeCaseEncoder)
    }

    private static func report(_ body: Components.Schemas.BreachReport) throws(VaultError) -> BreachReport {
        func contact(_ contact: Components.Schemas.BreachContact) -> Breach.Contact {
            Breach.Contact(name: contact.name, jobTitle: contact.jobTitle, phone: contact.phone, email: contact.email)
        }
        func range(_ range: Components.Schemas.BreachRange?) -> Breach.Range? {
            range.map { Breach.Range(minimum: $0.minimum, maximum: $0.maximum) }
        }
        let timeline = body.timeline
        return BreachReport(
            summary: body.summary, incident: Breach.Incident(rawValue: body.incident.rawValue) ?? .other,
            nature: (body.nature ?? []).compactMap { Breach.Nature(rawValue: $0.rawValue) },
            timeline: Breach.Timeline(startedAt: timeline.startedAt, endedAt: timeline.endedAt, ongoing: timeline.ongoing ?? false,
                                      discoveredAt: timeline.discoveredAt, awareAt: timeline.awareAt, processorToldAt: timeline.processorToldAt),
            reporter: contact(body.reporter), contact: body.contact.map(contact), processors: body.processors ?? [],
            dataKinds: (body.dataKinds ?? []).compactMap { Breach.DataKind(rawValue: $0.rawValue) }, categories: body.categories ?? [],
            records: range(body.records), people: range(body.people), groups: body.groups ?? [], encrypted: body.encrypted,
            priorMeasures: body.priorMeasures, consequences: body.consequences, measuresTaken: body.measuresTaken,
            measuresPlanned: body.measuresPlanned, crossBorder: body.crossBorder, attachments: body.attachments ?? [])
    }

    private static func exposure(_ body: Components.Schemas.BreachExposure) throws(VaultError) -> BreachExposure {
        let subjects = body.subjects ?? []
        let ids = subjects.compactMap(SubjectID.init(rawValue:))
        guard ids.count == subjects.count else { throw VaultError(.inputInvalid, "'subjects' holds something that is not a subject id (sub_…)") }
        return BreachExposure(categories: body.categories ?? [], from: body.from, until: body.until, purposes: body.purposes ?? [], subjects: ids)
    }
}
