/// The sections about rights, complaints, minors, automated decisions, breaches, changes and
/// contact.
extension StatementBuilder {
    func rights() -> Document.Section {
        let rights = policy.rights
        let portable = policy.purposes.contains { [.consent, .contract].contains($0.legalBasis.kind) }
        let objectable = policy.purposes.contains { [.legitimateInterest, .publicTask].contains($0.legalBasis.kind) || $0.directMarketing }
        let consented = policy.purposes.contains { $0.legalBasis.kind == .consent }
        var list: [[Document.Span]] = [
            [.strong(say.pick("Inzage", "Access")), .text(say.pick(": u kunt zien welke gegevens wij van u hebben, waarvoor, van wie wij ze kregen, aan wie wij ze gaven en hoe lang wij ze bewaren.", ": you can see which data we hold about you, why, where we got it, who received it and how long we keep it."))],
            [.strong(say.pick("Correctie", "Rectification")), .text(say.pick(": u kunt onjuiste of onvolledige gegevens laten verbeteren of aanvullen.", ": you can have incorrect or incomplete data corrected or completed."))],
            [.strong(say.pick("Verwijdering", "Erasure")), .text(say.pick(": u kunt uw gegevens laten verwijderen, tenzij een wet ons verplicht ze te bewaren; dan zeggen wij welke gegevens wij bewaren en waarom.", ": you can have your data erased, unless a law obliges us to keep it; we then tell you what we keep and why."))],
            [.strong(say.pick("Beperking", "Restriction")), .text(say.pick(": u kunt vragen het gebruik van uw gegevens tijdelijk te beperken, bijvoorbeeld terwijl wij een correctie beoordelen.", ": you can ask us to restrict the use of your data for a while, for example while we assess a correction."))],
        ]
        if objectable {
            list.append([.strong(say.pick("Bezwaar", "Objection")), .text(say.pick(": tegen verwerking op grond van gerechtvaardigd belang kunt u bezwaar maken; tegen direct marketing altijd, en dan stoppen wij direct.", ": you can object to processing based on legitimate interest; to direct marketing always, and we then stop at once."))])
        }
        if portable {
            list.append([.strong(say.pick("Overdraagbaarheid", "Portability")), .text(say.pick(": gegevens die u ons gaf op basis van toestemming of overeenkomst krijgt u in een gangbaar, machineleesbaar formaat, of sturen wij door naar een andere organisatie.", ": data you gave us on the basis of consent or a contract you receive in a common, machine-readable format, or we send it on to another organisation."))])
        }
        if consented {
            list.append([.strong(say.pick("Toestemming intrekken", "Withdrawing consent")), .text(say.pick(": toestemming kunt u altijd intrekken, even eenvoudig als u die gaf.", ": you can always withdraw consent, as easily as you gave it."))])
        }
        var blocks: [Document.Block] = [.paragraph([.text(say.pick("U heeft de volgende rechten:", "You have the following rights:"))]), .bullets(list)]
        if let selfService = rights.selfService { blocks.append(.paragraph([.text(text(selfService))])) }
        blocks.append(.paragraph([.text(say.pick("Een verzoek stuurt u naar ", "Send a request to ")), emailLink(policy.requestContact), .text(say.pick(
            ". Wij reageren zo snel mogelijk, maar uiterlijk binnen \(say.duration(rights.answerWithin)) na ontvangst. Is uw verzoek ingewikkeld of ontvangen wij veel verzoeken, dan kunnen wij de termijn met twee maanden verlengen; dat laten wij u binnen de eerste termijn weten, met de reden. Een verzoek is gratis.",
            ". We answer as soon as possible, at the latest within \(say.duration(rights.answerWithin)) of receipt. If your request is complex or we receive many, we may extend this by two months; we tell you so within the first period, with the reason. A request is free of charge."))]))
        if !rights.identityChecks.isEmpty {
            blocks.append(.paragraph([.text(say.pick(
                "Om zeker te weten dat het verzoek van u komt, controleren wij uw identiteit: ",
                "To make sure the request comes from you, we check your identity: ")
                + rights.identityChecks.map(say.identityCheck).joined(separator: say.pick("; of ", "; or ")) + ".")]))
        }
        return Document.Section(anchor: "rights", title: say.pick("Uw rechten", "Your rights"), blocks: blocks)
    }

    func complaints() -> Document.Section {
        let authority = policy.controller.supervisoryAuthority
        return Document.Section(anchor: "complaints", title: say.pick("Klachten", "Complaints"), blocks: [
            .paragraph([.text(say.pick(
                "Bent u het niet eens met hoe wij met uw gegevens omgaan? Neem dan eerst contact met ons op. U heeft ook het recht een klacht in te dienen bij de ",
                "If you disagree with how we handle your data, please contact us first. You also have the right to lodge a complaint with the ")),
             .link(authority.name, url: authority.url),
             .text(say.pick(", de toezichthouder op de naleving van de privacywetgeving, en om naar de rechter te stappen.",
                            ", the authority that supervises privacy law, and to go to court."))]),
        ])
    }

    func minors() -> Document.Section {
        let title = say.pick("Kinderen", "Children")
        guard let minors = policy.minors else {
            return Document.Section(anchor: "children", title: title, blocks: [.paragraph([.text(say.pick(
                "Onze diensten zijn niet op kinderen gericht. Voor kinderen onder de 16 jaar vragen wij toestemming aan een ouder of voogd.",
                "Our services are not aimed at children. For children under 16 we ask a parent or guardian for consent."))])])
        }
        let rule = switch minors.belowMinimum {
        case .refuse: say.pick(
            "Wij verwerken geen gegevens van personen jonger dan \(minors.minimumAge) jaar. Ontdekken wij dat wij die toch hebben, dan verwijderen wij ze. Denkt u dat dit het geval is, neem dan contact met ons op.",
            "We do not process data of people younger than \(minors.minimumAge). If we find we hold such data, we delete it. If you think this is the case, please contact us.")
        case .parentalConsent: say.pick(
            "Voor personen jonger dan \(minors.minimumAge) jaar verwerken wij gegevens alleen met toestemming van een ouder of voogd. Denkt u dat wij zonder die toestemming gegevens van een kind hebben, neem dan contact met ons op; wij verwijderen ze dan.",
            "For people younger than \(minors.minimumAge) we process data only with the consent of a parent or guardian. If you think we hold a child's data without that consent, please contact us and we will delete it.")
        }
        return Document.Section(anchor: "children", title: title, blocks: [.paragraph([.text(rule)])])
    }

    func automatedDecisions() -> Document.Section {
        let title = say.pick("Geautomatiseerde besluitvorming", "Automated decision-making")
        guard !policy.automatedDecisions.isEmpty else {
            return Document.Section(anchor: "automated-decisions", title: title, blocks: [.paragraph([.text(say.pick(
                "Wij nemen geen besluiten die uitsluitend op geautomatiseerde verwerking berusten en die voor u rechtsgevolgen of vergelijkbare aanzienlijke gevolgen hebben.",
                "We take no decisions based solely on automated processing that have legal or similarly significant effects on you."))])])
        }
        var blocks: [Document.Block] = []
        for decision in policy.automatedDecisions {
            blocks.append(.heading(text(decision.description)))
            blocks.append(.bullets([
                [.strong(say.pick("Hoe het werkt", "How it works")), .text(": " + text(decision.logic))],
                [.strong(say.pick("Gevolgen voor u", "What it means for you")), .text(": " + text(decision.consequences))],
            ]))
        }
        blocks.append(.paragraph([.text(say.pick(
            "U kunt altijd vragen om menselijke tussenkomst, uw standpunt geven en het besluit aanvechten.",
            "You can always ask for human involvement, give your point of view and contest the decision."))]))
        return Document.Section(anchor: "automated-decisions", title: title, blocks: blocks)
    }

    func breaches() -> Document.Section {
        let window = say.duration(policy.breaches.notifyAuthorityWithin)
        var blocks: [Document.Block] = [.paragraph([.text(say.pick(
            "Gaat er ondanks onze maatregelen toch iets mis met uw gegevens (een datalek), dan melden wij dat binnen \(window) na ontdekking bij de \(policy.controller.supervisoryAuthority.name), als de wet dat vraagt. Loopt u een hoog risico, dan informeren wij u zelf zonder onnodige vertraging.",
            "If, despite our measures, something goes wrong with your data (a data breach), we report it to the \(policy.controller.supervisoryAuthority.name) within \(window) of discovering it, where the law requires. If you are at high risk, we inform you without undue delay."))])]
        if let reportTo = policy.breaches.reportTo {
            blocks.append(.paragraph([.text(say.pick("Ontdekt u zelf een datalek? Meld het zo snel mogelijk via ", "Found a data breach yourself? Report it as soon as possible to ")), emailLink(reportTo), "."]))
        }
        return Document.Section(anchor: "breaches", title: say.pick("Datalekken", "Data breaches"), blocks: blocks)
    }

    func changes() -> Document.Section {
        var blocks: [Document.Block] = [.paragraph([.text(say.pick(
            "Wij kunnen deze privacyverklaring aanpassen. Deze versie (\(policy.info.version)) geldt vanaf \(date(policy.info.date)). Vragen wij uw toestemming voor een doel en verandert dat doel, dan vragen wij opnieuw om toestemming.",
            "We may change this privacy statement. This version (\(policy.info.version)) applies from \(date(policy.info.date)). If we ask your consent for a purpose and that purpose changes, we ask for your consent again."))])]
        if let changes = policy.changes { blocks.append(.paragraph([.text(text(changes.announcement))])) }
        if let url = policy.info.url {
            blocks.append(.paragraph([.text(say.pick("De actuele versie staat op ", "The current version is at ")), .link(url, url: url), "."]))
        }
        return Document.Section(anchor: "changes", title: say.pick("Wijzigingen", "Changes"), blocks: blocks)
    }

    func contact() -> Document.Section {
        let controller = policy.controller
        var lines: [[Document.Span]] = [[.strong(controller.name)]]
        if let address = controller.address {
            lines.append([.text("\(address.street), \(address.postcode) \(address.city)")])
        }
        lines.append([.text(say.pick("E-mail: ", "E-mail: ")), emailLink(policy.requestContact)])
        if let phone = controller.phone { lines.append([.text(say.pick("Telefoon: ", "Phone: ") + phone)]) }
        return Document.Section(anchor: "contact", title: "Contact", blocks: [
            .paragraph([.text(say.pick("Heeft u vragen over deze privacyverklaring of over uw gegevens? Neem contact met ons op:",
                                       "Questions about this statement or your data? Contact us:"))]),
            .bullets(lines),
        ])
    }
}
