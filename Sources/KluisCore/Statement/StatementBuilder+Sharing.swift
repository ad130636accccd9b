/// The sections about disclosure, cookies, security and retention.
extension StatementBuilder {
    func recipients() -> Document.Section {
        let title = say.pick("Met wie wij gegevens delen", "Who we share data with")
        guard !policy.recipients.isEmpty else {
            return Document.Section(anchor: "recipients", title: title, blocks: [.paragraph([.text(say.pick(
                "Wij delen uw gegevens met niemand, tenzij een wet ons daartoe verplicht.",
                "We share your data with no one, unless a law obliges us to."))])])
        }
        // Only say processors have agreements when every one of them does.
        let processors = policy.recipients.filter(\.role.isProcessor)
        let agreed = !processors.isEmpty && processors.allSatisfy { $0.agreement != nil }
        var blocks: [Document.Block] = [
            .paragraph([.text(say.pick(
                "Wij delen uw gegevens alleen met de ontvangers hieronder, voor de genoemde doelen."
                    + (agreed ? " Verwerkers werken in onze opdracht en hebben met ons een verwerkersovereenkomst." : ""),
                "We share your data only with the recipients below, for the purposes named."
                    + (agreed ? " Processors work on our behalf under a processing agreement with us." : "")))]),
            .table(
                headers: [say.pick("Ontvanger", "Recipient"), say.pick("Rol", "Role"), say.pick("Land", "Country"),
                          say.pick("Doelen", "Purposes"), say.pick("Gegevens", "Data"), say.pick("Waarborg", "Safeguard")],
                rows: policy.recipients.map { recipient in
                    let purposes = recipient.purposes.compactMap(policy.purpose).map { text($0.name) }.joined(separator: ", ")
                    let categories = recipient.categories.isEmpty
                        ? categoryNames(uniqueCategories(of: recipient.purposes))
                        : categoryNames(recipient.categories)
                    let name = text(recipient.name) + (recipient.description.map { " — " + text($0) } ?? "")
                    return [name, say.role(recipient.role), say.country(recipient.country), purposes, categories,
                            say.transfer(recipient.transfer, country: recipient.country)]
                }
            ),
        ]
        let abroad = policy.recipients.filter(\.isOutsideEEA)
        if abroad.isEmpty {
            blocks.append(.paragraph([.text(say.pick(
                "Uw gegevens blijven binnen de Europese Economische Ruimte (EER).",
                "Your data stays within the European Economic Area (EEA)."))]))
        } else {
            blocks.append(.heading(say.pick("Doorgifte buiten de EER", "Transfers outside the EEA")))
            blocks.append(.paragraph([.text(say.pick(
                "Enkele ontvangers zijn gevestigd buiten de Europese Economische Ruimte. Wij geven uw gegevens alleen door met een passende waarborg; een kopie daarvan kunt u bij ons opvragen.",
                "Some recipients are established outside the European Economic Area. We transfer your data only with an appropriate safeguard; you can ask us for a copy of it."))]))
            blocks.append(.bullets(abroad.map { recipient in
                [.strong(text(recipient.name)), .text(" (\(say.country(recipient.country))): " + say.transfer(recipient.transfer, country: recipient.country).withFinalStop)]
            }))
        }
        return Document.Section(anchor: "recipients", title: title, blocks: blocks)
    }

    func uniqueCategories(of purposes: [String]) -> [String] {
        var seen: Set<String> = []
        return purposes.compactMap(policy.purpose).flatMap(\.categories).filter { seen.insert($0).inserted }
    }

    func cookies() -> Document.Section {
        var blocks: [Document.Block] = [.paragraph([.text(say.pick(
            "Wij gebruiken cookies en vergelijkbare technieken. Voor alles behalve strikt noodzakelijke cookies vragen wij eerst uw toestemming. U kunt uw keuze altijd wijzigen of intrekken via de cookie-instellingen.",
            "We use cookies and similar techniques. For everything but strictly necessary cookies we ask your consent first. You can change or withdraw your choice at any time in the cookie settings."))])]
        for category in policy.cookies {
            blocks.append(.heading(text(category.name)))
            if let description = category.description { blocks.append(.paragraph([.text(text(description))])) }
            let consent: String
            if category.consent {
                consent = say.pick("Alleen met uw toestemming.", "Only with your consent.")
            } else if category.exemption != nil {
                consent = say.pick("Zonder toestemming: privacyvriendelijke analyse die de wet daarvan vrijstelt.",
                                   "Without consent: privacy-friendly analytics that the law exempts.")
            } else {
                consent = say.pick("Altijd aan: nodig om de website te laten werken.", "Always on: needed for the website to work.")
            }
            var facts: [String] = [consent]
            if !category.consentMode.isEmpty {
                facts.append("Google Consent Mode: " + category.consentMode.map(\.rawValue).joined(separator: ", ") + ".")
            }
            blocks.append(.paragraph([.text(facts.joined(separator: " "))]))
            if !category.providers.isEmpty {
                blocks.append(.table(
                    headers: [say.pick("Aanbieder", "Provider"), say.pick("Doel", "Purpose"), "Cookies"],
                    rows: category.providers.map { provider in
                        let cookies = provider.cookies.map { cookie in
                            cookie.name + " (" + (cookie.lifetime.map(say.duration) ?? say.pick("sessie", "session")) + ")"
                        }.joined(separator: ", ")
                        return [provider.name, provider.purpose.map(text) ?? "", cookies]
                    }
                ))
            }
        }
        return Document.Section(anchor: "cookies", title: "Cookies", blocks: blocks)
    }

    func security() -> Document.Section {
        var blocks: [Document.Block] = [.paragraph([.text(say.pick(
            "Wij nemen passende technische en organisatorische maatregelen om uw gegevens te beschermen tegen verlies en onrechtmatig gebruik.",
            "We take appropriate technical and organisational measures to protect your data against loss and unlawful use."))])]
        if !policy.security.measures.isEmpty {
            blocks.append(.bullets(policy.security.measures.map { [.text(text($0))] }))
        }
        return Document.Section(anchor: "security", title: say.pick("Hoe wij uw gegevens beveiligen", "How we protect your data"), blocks: blocks)
    }

    func retention() -> Document.Section {
        var rows: [[String]] = []
        for category in policy.categories {
            for purpose in policy.purposes(using: category.id) {
                rows.append([text(category.name), text(purpose.name), say.retention(purpose.retention(for: category.id))])
            }
        }
        return Document.Section(anchor: "retention", title: say.pick("Hoe lang wij gegevens bewaren", "How long we keep your data"), blocks: [
            .paragraph([.text(say.pick(
                "Wij bewaren gegevens niet langer dan nodig. Gegevens die voor meer doelen worden gebruikt, bewaren wij tot de langste termijn hieronder is verstreken; daarna worden ze automatisch verwijderd of geanonimiseerd.",
                "We keep data no longer than necessary. Data used for several purposes is kept until the longest period below has passed; it is then deleted or anonymised automatically."))]),
            .table(headers: [say.pick("Gegevens", "Data"), say.pick("Doel", "Purpose"), say.pick("Bewaartermijn", "Retention")], rows: rows),
        ])
    }
}
