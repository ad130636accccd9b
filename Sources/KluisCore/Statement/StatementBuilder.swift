/// Builds the privacy statement of a policy in one language: who we are, what data for which
/// purpose on which basis and for how long, where it comes from, who receives it, cookies,
/// security, rights, complaints, minors, automated decisions, breaches, changes and contact.
///
/// Everything comes from the policy; the only fixed text is the wording in ``Phrases``.
public struct StatementBuilder: Sendable {
    public let policy: Policy
    public let language: Language
    let say: Phrases

    public init(policy: Policy, language: Language) {
        self.policy = policy
        self.language = language
        self.say = Phrases(language, informal: policy.info.informal)
    }

    /// The statement as a document, ready for a page (KluisPages) or ``MarkdownWriter``.
    public func build() -> Document {
        let controller = policy.controller
        var sections = [whoWeAre(), dataWeProcess(), purposes(), sources(), recipients()]
        if !policy.cookies.isEmpty { sections.append(cookies()) }
        sections += [security(), retention(), rights(), complaints(), minors(),
                     automatedDecisions(), breaches(), changes(), contact()]
        return Document(
            language: language,
            title: say.pick("Privacyverklaring van \(controller.name)", "Privacy statement of \(controller.name)"),
            subtitle: say.pick("Versie \(policy.info.version), geldig vanaf \(date(policy.info.date))",
                               "Version \(policy.info.version), effective \(date(policy.info.date))"),
            sections: sections
        )
    }

    func text(_ localized: LocalizedText) -> String {
        localized.text(in: language)
    }

    func date(_ date: CalendarDate) -> String {
        say.day(date)
    }

    func emailLink(_ address: String) -> Document.Span {
        .link(address, url: "mailto:\(address)")
    }

    func categoryNames(_ ids: [String]) -> String {
        ids.compactMap(policy.category).map { text($0.name) }.joined(separator: ", ")
    }

    // MARK: Sections

    private func whoWeAre() -> Document.Section {
        let controller = policy.controller
        var blocks: [Document.Block] = [
            .paragraph([.strong(controller.name), .text(say.pick(
                " is verantwoordelijk voor de verwerking van uw persoonsgegevens zoals beschreven in deze privacyverklaring. Hierin leest u welke gegevens wij verwerken, waarom, op welke grondslag, hoe lang wij ze bewaren, met wie wij ze delen en welke rechten u heeft.",
                " is responsible for processing your personal data as described in this privacy statement. It explains which data we process, why, on which legal basis, how long we keep it, who we share it with and which rights you have."))]),
        ]
        var facts: [[Document.Span]] = []
        if let address = controller.address {
            facts.append([.text(say.pick("Adres: ", "Address: ") + "\(address.street), \(address.postcode) \(address.city), \(say.country(address.country))")])
        }
        if let kvk = controller.kvk { facts.append([.text(say.pick("KvK-nummer: ", "Chamber of Commerce number: ") + kvk)]) }
        facts.append([.text(say.pick("E-mail: ", "E-mail: ")), emailLink(controller.email)])
        if let phone = controller.phone { facts.append([.text(say.pick("Telefoon: ", "Phone: ") + phone)]) }
        if let website = controller.website { facts.append([.text("Website: "), .link(website, url: website)]) }
        blocks.append(.bullets(facts))
        if let dpo = controller.dpo {
            var spans: [Document.Span] = [.text(say.pick("Onze functionaris gegevensbescherming is ", "Our data protection officer is ")), .strong(dpo.name)]
            if let email = dpo.email { spans += [.text(say.pick(", bereikbaar via ", ", reachable at ")), emailLink(email)] }
            if let phone = dpo.phone { spans.append(.text(say.pick(" of ", " or ") + phone)) }
            blocks.append(.paragraph(spans + ["."]))
        } else if let contact = controller.privacyContact {
            var spans: [Document.Span] = [.text(say.pick("Voor vragen over privacy kunt u terecht bij ", "For privacy questions, contact ")), .strong(contact.name)]
            if let email = contact.email { spans += [" (", emailLink(email), ")"] }
            blocks.append(.paragraph(spans + ["."]))
        }
        if let representative = controller.representative {
            blocks.append(.paragraph([.text(say.pick("Onze vertegenwoordiger in de EU (art. 27 AVG) is ", "Our representative in the EU (Art. 27 GDPR) is ") + representative.name + (representative.email.map { " (\($0))" } ?? "") + ".")]))
        }
        return Document.Section(anchor: "who-we-are", title: say.pick("Wie wij zijn", "Who we are"), blocks: blocks)
    }

    private func dataWeProcess() -> Document.Section {
        var blocks: [Document.Block] = [
            .paragraph([.text(say.pick(
                "Wij verwerken de volgende persoonsgegevens. Per soort gegevens ziet u om welke gegevens het gaat, waar ze vandaan komen en of u ze moet verstrekken.",
                "We process the following personal data. For each kind you see what it contains, where it comes from and whether you must provide it."))]),
            .table(
                headers: [say.pick("Gegevens", "Data"), say.pick("Wat", "What"), say.pick("Herkomst", "Origin"),
                          say.pick("Verplicht", "Required"), say.pick("Van wie", "About whom")],
                rows: policy.categories.map { category in
                    let what = category.description.map(text) ?? ""
                    let subjects = policy.purposes(using: category.id).flatMap(\.subjects)
                    var seen: Set<String> = []
                    let people = subjects.filter { seen.insert($0).inserted }.compactMap(policy.subject).map { text($0.name) }
                    return [text(category.name), what, say.origin(category.origin), say.yesNo(category.required),
                            people.joined(separator: ", ")]
                }
            ),
        ]
        let special = policy.categories.filter(\.special.needsCondition)
        if special.isEmpty {
            blocks.append(.paragraph([.text(say.pick(
                "Wij verwerken geen bijzondere persoonsgegevens (zoals gegevens over gezondheid, godsdienst of etnische afkomst) en geen strafrechtelijke gegevens.",
                "We process no special categories of personal data (such as data about health, religion or ethnic origin) and no criminal data."))]))
        } else {
            blocks.append(.paragraph([.text(say.pick("Bijzondere persoonsgegevens die wij verwerken: ", "Special categories of data we process: ")
                + special.map { "\(text($0.name)) (\(say.special($0.special)))" }.joined(separator: "; ") + ".")]))
        }
        return Document.Section(anchor: "data", title: say.pick("Welke gegevens wij verwerken", "The data we process"), blocks: blocks)
    }

    private func purposes() -> Document.Section {
        var blocks: [Document.Block] = [.paragraph([.text(say.pick(
            "Wij gebruiken uw gegevens alleen voor de doelen hieronder. Per doel ziet u welke gegevens wij gebruiken, op welke grondslag en hoe lang wij ze bewaren.",
            "We use your data only for the purposes below. For each purpose you see which data we use, on which legal basis and for how long we keep it."))])]
        for purpose in policy.purposes {
            blocks.append(.heading(text(purpose.name)))
            if let description = purpose.description { blocks.append(.paragraph([.text(text(description))])) }
            var basis = say.legalBasisInFull(purpose.legalBasis)
            if let condition = purpose.specialCondition {
                basis += "; " + say.specialCondition(condition) + (purpose.specialLaw.map { ": \($0)" } ?? "")
            }
            blocks.append(.paragraph([.strong(say.pick("Grondslag: ", "Legal basis: ")), .text(basis)]))
            blocks.append(.table(
                headers: [say.pick("Gegevens", "Data"), say.pick("Bewaartermijn", "Retention")],
                rows: purpose.categories.compactMap(policy.category).map { category in
                    [text(category.name), say.retention(purpose.retention(for: category.id))]
                }
            ))
            for hold in purpose.retention.holds {
                blocks.append(.paragraph([.text(say.pick("Uitzondering op de bewaartermijn: ", "Exception to the retention period: ") + text(hold.description))]))
            }
            if purpose.legalBasis.kind == .consent {
                blocks.append(.paragraph([.text(say.pick(
                    "U kunt uw toestemming op elk moment intrekken; dat is even eenvoudig als het geven ervan. Verwerking vóór de intrekking blijft rechtmatig.",
                    "You can withdraw your consent at any time, as easily as you gave it. Processing before the withdrawal remains lawful."))]))
            }
            if purpose.directMarketing {
                blocks.append(.paragraph([.text(say.pick(
                    "U kunt altijd bezwaar maken tegen direct marketing; wij stoppen dan direct.",
                    "You can always object to direct marketing; we then stop at once."))]))
            }
        }
        return Document.Section(anchor: "purposes", title: say.pick("Waarvoor wij uw gegevens gebruiken", "Why we use your data"), blocks: blocks)
    }

    private func sources() -> Document.Section {
        var items: [[Document.Span]] = []
        for origin in DataOrigin.allCases {
            let categories = policy.categories.filter { $0.origin == origin }
            guard !categories.isEmpty else { continue }
            if origin == .thirdParty {
                for category in categories {
                    items.append([.strong(text(category.name)), .text(": " + say.origin(origin) + (category.source.map { " — " + text($0) } ?? ""))])
                }
            } else {
                items.append([.strong(say.origin(origin).capitalizedFirst), .text(": " + categories.map { text($0.name) }.joined(separator: ", "))])
            }
        }
        return Document.Section(anchor: "sources", title: say.pick("Waar uw gegevens vandaan komen", "Where your data comes from"),
                                blocks: [.bullets(items)])
    }
}

extension String {
    /// The string ending in a full stop, added only when it has no closing punctuation.
    var withFinalStop: String {
        guard let last, !".!?".contains(last) else { return self }
        return self + "."
    }

    /// The string with its first letter in upper case.
    var capitalizedFirst: String {
        guard let first else { return self }
        return first.uppercased() + dropFirst()
    }
}
