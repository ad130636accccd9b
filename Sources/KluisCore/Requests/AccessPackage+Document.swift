import Foundation

extension AccessPackage {
    /// The package as a readable page, in Dutch or English: the same facts as the JSON.
    public func document(policy: Policy, in language: Language) -> Document {
        let say = Phrases(language, informal: policy.info.informal)
        func pick(_ nl: String, _ en: String) -> String { say.pick(nl, en) }
        func time(_ date: Date?) -> String {
            date.map { LegalCalendar().calendarDate(of: $0).description } ?? pick("nog niet bekend", "not yet known")
        }
        let statement = StatementBuilder(policy: policy, language: language)
        var sections: [Document.Section] = []
        sections.append(.init(anchor: "answer", title: pick("Over dit antwoord", "About this answer"), blocks: [
            .paragraph([.text(request.map { request in pick(
                "Dit is ons antwoord op uw verzoek om inzage (artikel 15 AVG), kenmerk \(request), opgesteld op \(time(generatedAt)) door \(controller).",
                "This is our answer to your access request (article 15 GDPR), reference \(request), made on \(time(generatedAt)) by \(controller).")
            } ?? pick(
                "Dit is het overzicht van uw gegevens (artikel 15 AVG) uit ons privacycentrum, opgesteld op \(time(generatedAt)) door \(controller).",
                "This is the overview of your data (article 15 GDPR) from our privacy center, made on \(time(generatedAt)) by \(controller)."))]),
            .paragraph([.text(processed
                ? pick("Wij verwerken persoonsgegevens van u. Hieronder staan ze allemaal.", "We process personal data about you. All of it is below.")
                : pick("Wij verwerken geen persoonsgegevens van u.", "We process no personal data about you."))]),
        ]))
        var dataBlocks: [Document.Block] = []
        for category in data {
            dataBlocks.append(.heading("\(category.name) (\(say.origin(category.origin)))"))
            for record in category.records {
                dataBlocks.append(.table(headers: [pick("Veld", "Field"), pick("Waarde", "Value")],
                                         rows: record.fields.sorted { $0.key < $1.key }.map { [$0.key, $0.value] }
                                             + [[pick("vastgelegd", "recorded"), time(record.createdAt)]]))
                for redaction in record.redacted ?? [] {
                    dataBlocks.append(.paragraph([.text(pick("Weggelaten: ", "Left out: ") + redaction.fields.joined(separator: ", ")
                                                        + ". " + redaction.reason)]))
                }
            }
        }
        sections.append(.init(anchor: "data", title: pick("Uw gegevens", "Your data"), blocks: dataBlocks))
        sections.append(.init(anchor: "purposes", title: pick("Doelen en grondslagen", "Purposes and legal bases"), blocks: [
            .table(headers: [pick("Doel", "Purpose"), pick("Grondslag", "Legal basis"), pick("Gegevens", "Data"), pick("Sinds", "Since")],
                   rows: purposes.map { [$0.name, $0.legalBasis, $0.categories.joined(separator: ", "), time($0.since)] }),
        ]))
        var recipientBlocks: [Document.Block] = [.heading(pick("Aan wie wij uw gegevens gaven", "Who we gave your data to"))]
        recipientBlocks.append(disclosures.isEmpty
            ? .paragraph([.text(pick("Wij hebben uw gegevens aan niemand verstrekt.", "We have given your data to no one."))])
            : .table(headers: [pick("Ontvanger", "Recipient"), pick("Land", "Country"), pick("Gegevens", "Data"), pick("Datum", "Date")],
                     rows: disclosures.map { [$0.name, say.country($0.country), $0.categories.joined(separator: ", "), time($0.time)] }))
        recipientBlocks.append(.heading(pick("Ontvangers volgens ons beleid", "Recipients under our policy")))
        recipientBlocks.append(.table(headers: [pick("Ontvanger", "Recipient"), pick("Rol", "Role"), pick("Land", "Country")],
                                      rows: recipients.map { [$0.name, say.role($0.role), say.country($0.country)] }))
        sections.append(.init(anchor: "recipients", title: pick("Ontvangers", "Recipients"), blocks: recipientBlocks))
        sections.append(.init(anchor: "retention", title: pick("Hoe lang wij uw gegevens bewaren", "How long we keep your data"), blocks: [
            .table(headers: [pick("Gegevens", "Data"), pick("Regel", "Rule"), pick("Uw gegevens gaan weg op", "Your data goes on")],
                   rows: retention.map { [$0.category, $0.rules.joined(separator: "; "), time($0.eraseBy)] }),
        ]))
        if !sources.isEmpty {
            sections.append(.init(anchor: "sources", title: pick("Herkomst", "Sources"), blocks: [
                .table(headers: [pick("Gegevens", "Data"), pick("Herkomst", "Source")], rows: sources.map { [$0.category, $0.source] }),
            ]))
        }
        sections.append(.init(anchor: "automated", title: pick("Geautomatiseerde besluiten", "Automated decisions"), blocks: automatedDecisions.isEmpty
            ? [.paragraph([.text(pick("Wij nemen over u geen besluiten zonder menselijke tussenkomst.", "We take no decisions about you without human involvement."))])]
            : [.table(headers: [pick("Besluit", "Decision"), pick("Logica", "Logic"), pick("Gevolgen", "Consequences")],
                      rows: automatedDecisions.map { [$0.description, $0.logic, $0.consequences] })]))
        sections.append(.init(anchor: "transfers", title: pick("Doorgifte buiten de EER", "Transfers outside the EEA"), blocks: transfers.isEmpty
            ? [.paragraph([.text(pick("Uw gegevens gaan niet buiten de Europese Economische Ruimte.", "Your data does not leave the European Economic Area."))])]
            : [.table(headers: [pick("Ontvanger", "Recipient"), pick("Land", "Country"), pick("Waarborg", "Safeguard")],
                      rows: transfers.map { [$0.recipient, say.country($0.country), $0.safeguard] })]))
        if !consents.isEmpty {
            sections.append(.init(anchor: "consents", title: pick("Toestemming en bezwaar", "Consent and objection"), blocks: [
                .table(headers: [pick("Doel", "Purpose"), pick("Toestemming", "Consent"), pick("Bezwaar", "Objection")],
                       rows: consents.map { [$0.purpose, $0.status.replacingOccurrences(of: "_", with: " "), say.yesNo($0.objected)] }),
            ]))
        }
        if !restrictions.isEmpty {
            sections.append(.init(anchor: "restrictions", title: pick("Beperking", "Restriction"), blocks: [
                .table(headers: [pick("Gegevens", "Data"), pick("Reden", "Ground"), pick("Sinds", "Since")],
                       rows: restrictions.map { [$0.categories.isEmpty ? pick("alle", "all") : $0.categories.joined(separator: ", "),
                                                 $0.ground.rawValue.replacingOccurrences(of: "_", with: " "), time($0.since)] }),
            ]))
        }
        if !breaches.isEmpty {
            sections.append(.init(anchor: "breaches", title: pick("Datalekken", "Data breaches"), blocks: [
                .paragraph([.text(pick("Wij hebben u ingelicht over deze datalekken waarbij uw gegevens betrokken waren.",
                                       "We told you of these data breaches that involved your data."))]),
                .table(headers: [pick("Ingelicht op", "Told on"), pick("Wat er gebeurde", "What happened"), pick("Gevolgen", "Consequences"),
                                 pick("Maatregelen", "Measures"), pick("Kenmerk", "Reference")],
                       rows: breaches.map { [time($0.toldAt), $0.summary, $0.consequences ?? "", $0.measures ?? "", $0.breach] }),
            ]))
        }
        sections.append(.init(anchor: "history", title: pick("Wie uw gegevens inzag", "Who accessed your data"), blocks: [
            .table(headers: [pick("Datum", "Date"), pick("Wie", "Who"), pick("Wat", "What"), pick("Doel of reden", "Purpose or reason")],
                   rows: accessHistory.map { [time($0.time), $0.actor, $0.action.rawValue.replacingOccurrences(of: "_", with: " "),
                                              [$0.purpose, $0.reason].compactMap { $0 }.joined(separator: ": ")] }),
        ]))
        sections.append(statement.rights())
        sections.append(statement.complaints())
        return Document(language: language, title: pick("Inzage in uw gegevens", "Access to your data"),
                        subtitle: [controller, request?.rawValue].compactMap { $0 }.joined(separator: " · "), sections: sections)
    }
}
