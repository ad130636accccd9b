import Foundation

/// The fixed wording of statements and registers in one language: how Kluis says "2 years after
/// the contract ends" or "legitimate interest" in Dutch and in English.
public struct Phrases: Sendable {
    public let language: Language
    /// Whether Dutch says "je" rather than "u" (the policy's voice).
    public let informal: Bool

    public init(_ language: Language, informal: Bool = false) {
        self.language = language
        self.informal = informal
    }

    /// `nl` or `en` text by the phrase's language; Dutch in the policy's voice.
    func pick(_ nl: String, _ en: String) -> String {
        guard language == .nl else { return en }
        return informal ? DutchVoice.informal(nl) : nl
    }

    /// "3 december 2026", "3 December 2026".
    public func day(_ date: CalendarDate) -> String {
        let months = pick(
            "januari februari maart april mei juni juli augustus september oktober november december",
            "January February March April May June July August September October November December"
        ).split(separator: " ")
        return "\(date.day) \(months[date.month - 1]) \(date.year)"
    }

    /// "23 oktober 2026, 15:00", "23 October 2026, 15:00": a moment in Dutch time, as the
    /// authority's form and the people told read it.
    public func moment(_ date: Date) -> String {
        let parts = LegalCalendar().calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        guard let day = CalendarDate(year: parts.year ?? 0, month: parts.month ?? 1, day: parts.day ?? 1) else { return "\(date)" }
        return "\(self.day(day)), " + String(format: "%02d:%02d", parts.hour ?? 0, parts.minute ?? 0)
    }

    // MARK: Durations

    /// "2 jaar", "6 months", "4 weeks", "72 uur".
    public func duration(_ duration: ISODuration) -> String {
        var parts: [String] = []
        func add(_ n: Int, _ nlOne: String, _ nlMany: String, _ enOne: String, _ enMany: String) {
            guard n > 0 else { return }
            parts.append("\(n) " + (n == 1 ? pick(nlOne, enOne) : pick(nlMany, enMany)))
        }
        add(duration.years, "jaar", "jaar", "year", "years")
        add(duration.months, "maand", "maanden", "month", "months")
        add(duration.weeks, "week", "weken", "week", "weeks")
        add(duration.days, "dag", "dagen", "day", "days")
        add(duration.hours, "uur", "uur", "hour", "hours")
        add(duration.minutes, "minuut", "minuten", "minute", "minutes")
        add(duration.seconds, "seconde", "seconden", "second", "seconds")
        guard parts.count > 1 else { return parts.first ?? pick("0 dagen", "0 days") }
        return parts.dropLast().joined(separator: ", ") + pick(" en ", " and ") + parts.last!
    }

    /// "2 jaar na het einde van de overeenkomst, daarna verwijderd".
    public func retention(_ terms: RetentionRule.Terms) -> String {
        let period: String
        if terms.duration.isZero {
            period = pick("tot ", "until ") + anchorEvent(terms.anchor)
        } else {
            period = duration(terms.duration) + pick(" na ", " after ") + anchorEvent(terms.anchor)
        }
        let then = terms.then == .delete
            ? pick(", daarna verwijderd", ", then deleted")
            : pick(", daarna geanonimiseerd", ", then anonymised")
        return period + then
    }

    /// The anchor as an event: "het einde van de overeenkomst", "the contract ends".
    public func anchorEvent(_ anchor: RetentionAnchor) -> String {
        switch anchor {
        case .collected: pick("het moment van verzamelen", "collection")
        case .lastContact: pick("het laatste contact", "the last contact")
        case .contractEnd: pick("het einde van de overeenkomst", "the end of the contract")
        case .consentWithdrawn: pick("het intrekken van de toestemming", "consent is withdrawn")
        case .accountClosed: pick("het opheffen van het account", "the account is closed")
        case .fiscalYearEnd: pick("het einde van het boekjaar", "the end of the financial year")
        case .field(let name): pick("de datum ‘\(humanize(name))’", "the date ‘\(humanize(name))’")
        case .event(let name): pick("de gebeurtenis ‘\(humanize(name))’", "the event ‘\(humanize(name))’")
        }
    }

    /// `invoice_date` as "invoice date".
    public func humanize(_ id: String) -> String {
        id.replacingAll("_", with: " ")
    }

    // MARK: Legal terms

    /// "Uitvoering van een overeenkomst (art. 6(1)(b) AVG)".
    public func legalBasis(_ basis: LegalBasis) -> String {
        let name = switch basis.kind {
        case .consent: pick("Toestemming", "Consent")
        case .contract: pick("Uitvoering van een overeenkomst", "Performance of a contract")
        case .legalObligation: pick("Wettelijke verplichting", "Legal obligation")
        case .vitalInterest: pick("Vitaal belang", "Vital interest")
        case .publicTask: pick("Taak van algemeen belang", "Public task")
        case .legitimateInterest: pick("Gerechtvaardigd belang", "Legitimate interest")
        }
        return "\(name) (\(article(basis.kind.article)))"
    }

    /// The basis with what it rests on: the law, or the interest.
    public func legalBasisInFull(_ basis: LegalBasis) -> String {
        switch basis {
        case .legalObligation(let law): legalBasis(basis) + ": " + law
        case .legitimateInterest(let interest): legalBasis(basis) + ": " + interest.text(in: language)
        default: legalBasis(basis)
        }
    }

    /// "art. 6(1)(b) AVG" or "Art. 6(1)(b) GDPR".
    public func article(_ point: String) -> String {
        pick("art. \(point) AVG", "Art. \(point) GDPR")
    }

    public func specialCondition(_ condition: SpecialCondition) -> String {
        let name = switch condition {
        case .explicitConsent: pick("uitdrukkelijke toestemming", "explicit consent")
        case .employmentAndSocialSecurity: pick("arbeidsrecht en sociale zekerheid", "employment and social security law")
        case .vitalInterest: pick("vitaal belang", "vital interest")
        case .notForProfitBody: pick("stichting of vereniging zonder winstoogmerk", "not-for-profit body")
        case .madePublicBySubject: pick("door u zelf openbaar gemaakt", "made public by you")
        case .legalClaims: pick("rechtsvorderingen", "legal claims")
        case .substantialPublicInterest: pick("zwaarwegend algemeen belang", "substantial public interest")
        case .healthOrSocialCare: pick("gezondheidszorg of sociale zorg", "health or social care")
        case .publicHealth: pick("volksgezondheid", "public health")
        case .archivingOrResearch: pick("archivering, onderzoek of statistiek", "archiving, research or statistics")
        case .authorisedByLaw: pick("bij wet toegestaan", "authorised by law")
        }
        return "\(name) (\(article(condition.article)))"
    }

    public func special(_ category: SpecialCategory) -> String {
        switch category {
        case .none: pick("geen", "none")
        case .racialOrEthnicOrigin: pick("ras of etnische afkomst", "racial or ethnic origin")
        case .politicalOpinions: pick("politieke opvattingen", "political opinions")
        case .religiousOrPhilosophicalBeliefs: pick("godsdienst of levensovertuiging", "religious or philosophical beliefs")
        case .tradeUnionMembership: pick("lidmaatschap van een vakbond", "trade union membership")
        case .genetic: pick("genetische gegevens", "genetic data")
        case .biometric: pick("biometrische gegevens", "biometric data")
        case .health: pick("gezondheid", "health")
        case .sexLifeOrSexualOrientation: pick("seksueel gedrag of seksuele gerichtheid", "sex life or sexual orientation")
        case .criminal: pick("strafrechtelijke gegevens", "criminal convictions and offences")
        }
    }

    public func origin(_ origin: DataOrigin) -> String {
        switch origin {
        case .provided: pick("door u verstrekt", "provided by you")
        case .observed: pick("verzameld bij uw gebruik van onze diensten", "collected as you use our services")
        case .derived: pick("door ons afgeleid", "derived by us")
        case .thirdParty: pick("van derden ontvangen", "received from others")
        }
    }

    public func role(_ role: RecipientRole) -> String {
        switch role {
        case .processor: pick("verwerker", "processor")
        case .subProcessor: pick("subverwerker", "sub-processor")
        case .jointController: pick("gezamenlijk verwerkingsverantwoordelijke", "joint controller")
        case .thirdParty: pick("derde", "third party")
        case .groupCompany: pick("groepsmaatschappij", "group company")
        case .authority: pick("overheidsinstantie", "public authority")
        }
    }

    /// The safeguard of a transfer, in words.
    public func transfer(_ transfer: Transfer?, country: String) -> String {
        guard Country.isInEEA(country) == false else { return pick("binnen de EER", "within the EEA") }
        guard let transfer else { return pick("geen waarborg vastgelegd", "no safeguard recorded") }
        let mechanism = switch transfer.mechanism {
        case .adequacy: pick("adequaatheidsbesluit van de Europese Commissie (art. 45 AVG)", "adequacy decision of the European Commission (Art. 45 GDPR)")
        case .euUsDpf: pick("EU-VS Data Privacy Framework", "EU-US Data Privacy Framework")
        case .scc:
            pick("standaardcontractbepalingen van de Europese Commissie", "standard contractual clauses of the European Commission")
                + (transfer.sccModule.map { pick(", module \($0)", ", module \($0)") } ?? "")
        case .bcr: pick("bindende bedrijfsvoorschriften (art. 47 AVG)", "binding corporate rules (Art. 47 GDPR)")
        case .derogation:
            pick("uitzondering voor een specifieke situatie", "derogation for a specific situation")
                + (transfer.derogation.map { " (\(article($0.article)))" } ?? "")
        }
        guard let note = transfer.note else { return mechanism }
        return mechanism + ". " + note.text(in: language)
    }

    public func identityCheck(_ check: IdentityCheck) -> String {
        switch check {
        case .signedInSession: pick("door in te loggen op uw account", "by signing in to your account")
        case .registeredEmail: pick("door een bevestiging vanaf het e-mailadres dat bij ons bekend is", "by a confirmation from the e-mail address we have on record")
        case .phoneCallback: pick("door terugbellen naar het telefoonnummer dat bij ons bekend is", "by a call back to the phone number we have on record")
        case .idCopyShielded: pick("met een kopie van uw identiteitsbewijs waarop u pasfoto, MRZ (de strook met nummers onderaan), documentnummer en BSN zwart maakt; wij vernietigen de kopie direct na de controle", "with a copy of your ID on which you black out the photo, the MRZ (the strip of characters at the bottom), the document number and your citizen service number (BSN); we destroy the copy right after the check")
        case .inPerson: pick("door persoonlijk langs te komen met een geldig identiteitsbewijs", "in person, with a valid ID")
        }
    }

    public func yesNo(_ value: Bool) -> String {
        value ? pick("ja", "yes") : pick("nee", "no")
    }

    /// A country code with its name where Kluis knows it.
    public func country(_ code: String) -> String {
        Phrases.countryNames[code].map { pick($0.nl, $0.en) } ?? code
    }

    static let countryNames: [String: (nl: String, en: String)] = [
        "NL": ("Nederland", "the Netherlands"), "BE": ("België", "Belgium"), "DE": ("Duitsland", "Germany"),
        "FR": ("Frankrijk", "France"), "IE": ("Ierland", "Ireland"), "LU": ("Luxemburg", "Luxembourg"),
        "US": ("Verenigde Staten", "United States"), "GB": ("Verenigd Koninkrijk", "United Kingdom"),
        "CH": ("Zwitserland", "Switzerland"), "SE": ("Zweden", "Sweden"), "DK": ("Denemarken", "Denmark"),
        "ES": ("Spanje", "Spain"), "IT": ("Italië", "Italy"), "PL": ("Polen", "Poland"),
        "FI": ("Finland", "Finland"), "AT": ("Oostenrijk", "Austria"), "CA": ("Canada", "Canada"),
        "IN": ("India", "India"), "JP": ("Japan", "Japan"), "AU": ("Australië", "Australia"),
    ]
}

extension Phrases {
    /// Why part of a record is left out of a person's own copy (art. 15(4)).
    public func redactionReason(role: String) -> String {
        pick("Dit deel gaat over een ander (\(role)) en is weggelaten om diens rechten te beschermen (art. 15 lid 4 AVG).",
             "This part is about someone else (\(role)) and is left out to protect their rights (art. 15(4) GDPR).")
    }
}

extension Phrases {
    /// The subject line of a message telling a recipient of a change (art. 19).
    public func recipientNoticeSubject(_ type: RequestType, controller: String) -> String {
        pick("\(controller): \(changeNoun(type)) van persoonsgegevens die u ontving (art. 19 AVG)",
             "\(controller): \(changeNoun(type)) of personal data you received (art. 19 GDPR)")
    }

    /// The body of that message: who, which categories, what to do; never a value.
    public func recipientNotice(_ type: RequestType, subject: SubjectID, categories: [String], request: RequestID,
                                controller: String, contact: String) -> String {
        let list = categories.joined(separator: ", ")
        return pick("""
            \(controller) meldt u, zoals artikel 19 AVG vraagt, een \(changeNoun(type)) van persoonsgegevens die u van ons ontving.

            Betrokkene: \(subject)
            Gegevens: \(list)
            Verzoek: \(request)

            \(action(type))
            Dit bericht bevat geen persoonsgegevens. Vragen: \(contact)
            """, """
            \(controller) tells you, as article 19 GDPR asks, of the \(changeNoun(type)) of personal data you received from us.

            Data subject: \(subject)
            Data: \(list)
            Request: \(request)

            \(action(type))
            This message holds no personal data. Questions: \(contact)
            """)
    }

    private func changeNoun(_ type: RequestType) -> String {
        switch type {
        case .rectification: pick("rectificatie", "rectification")
        case .erasure: pick("wissing", "erasure")
        case .restriction: pick("beperking", "restriction")
        default: pick("wijziging", "change")
        }
    }

    private func action(_ type: RequestType) -> String {
        switch type {
        case .rectification: pick("Werk deze gegevens bij met de juiste waarden, die u bij ons opvraagt.",
                                  "Update this data with the correct values, which you can obtain from us.")
        case .erasure: pick("Wis deze gegevens ook bij u, tenzij de wet u verplicht ze te bewaren.",
                            "Erase this data on your side too, unless the law obliges you to keep it.")
        case .restriction: pick("Verwerk deze gegevens niet meer, behalve om ze te bewaren, tot wij u anders melden.",
                                "Do not process this data any more, except to store it, until we tell you otherwise.")
        default: ""
        }
    }
}
