/// The names of the breach register's choices, as the AP's form words them in Dutch.
extension Phrases {
    public func incident(_ incident: Breach.Incident) -> String {
        switch incident {
        case .lostDevice: pick("Apparaat of gegevensdrager verloren", "Device or data carrier lost")
        case .stolenDevice: pick("Apparaat of gegevensdrager gestolen", "Device or data carrier stolen")
        case .misdirectedMail: pick("Post of e-mail naar de verkeerde ontvanger", "Mail or e-mail sent to the wrong recipient")
        case .hacking: pick("Hacking", "Hacking")
        case .malware: pick("Malware (zoals ransomware)", "Malware (such as ransomware)")
        case .phishing: pick("Phishing", "Phishing")
        case .unauthorisedAccess: pick("Toegang door een onbevoegde", "Access by someone not authorised")
        case .disclosedByMistake: pick("Per ongeluk openbaar gemaakt of verstrekt", "Disclosed or published by mistake")
        case .other: pick("Anders", "Other")
        }
    }

    public func nature(_ nature: Breach.Nature) -> String {
        switch nature {
        case .reading: pick("Lezen (vertrouwelijkheid)", "Reading (confidentiality)")
        case .copying: pick("Kopiëren", "Copying")
        case .altering: pick("Veranderen (integriteit)", "Altering (integrity)")
        case .deleting: pick("Verwijderen", "Deleting")
        case .destroying: pick("Vernietigen (beschikbaarheid)", "Destroying (availability)")
        case .theft: pick("Diefstal", "Theft")
        }
    }

    public func dataKind(_ kind: Breach.DataKind) -> String {
        switch kind {
        case .nameAddress: pick("Naam, adres en woonplaats (NAW)", "Name, address and town")
        case .phone: pick("Telefoonnummers", "Phone numbers")
        case .email: pick("E-mailadressen of andere adressen voor elektronische communicatie", "E-mail addresses or other addresses for electronic communication")
        case .accessData: pick("Toegangs- of identificatiegegevens (zoals inlognaam, wachtwoord, klantnummer)", "Access or identification data (user name, password, customer number)")
        case .financial: pick("Financiële of economische gegevens", "Financial or economic data")
        case .identityDocument: pick("Kopie paspoort of identiteitsbewijs", "Copy of a passport or ID card")
        case .sex: pick("Geslacht", "Sex")
        case .birthDate: pick("Geboortedatum of leeftijd", "Date of birth or age")
        case .bsn: pick("Burgerservicenummer (BSN)", "Citizen service number (BSN)")
        case .religion: pick("Godsdienst of levensovertuiging", "Religion or belief")
        case .race: pick("Ras of etnische afkomst", "Race or ethnic origin")
        case .politics: pick("Politieke opvattingen", "Political opinions")
        case .health: pick("Gezondheidsgegevens", "Health data")
        case .sexLife: pick("Seksueel leven of seksuele gerichtheid", "Sex life or sexual orientation")
        case .tradeUnion: pick("Lidmaatschap van een vakbond", "Trade union membership")
        case .criminal: pick("Strafrechtelijke gegevens", "Criminal data")
        case .unlawfulBehaviour: pick("Gegevens over onrechtmatig of hinderlijk gedrag", "Data about unlawful or antisocial behaviour")
        case .other: pick("Andere gegevens", "Other data")
        }
    }

    public func breachState(_ state: Breach.State) -> String {
        switch state {
        case .draft: pick("Concept", "Draft")
        case .open: pick("Open", "Open")
        case .closed: pick("Afgesloten", "Closed")
        case .withdrawn: pick("Ingetrokken", "Withdrawn")
        }
    }

    public func notificationPhase(_ phase: Breach.Notification.Phase) -> String {
        switch phase {
        case .first: pick("Nieuwe melding", "New notification")
        case .followUp: pick("Vervolgmelding (aanvulling of wijziging)", "Follow-up (supplement or change)")
        case .withdrawal: pick("Intrekking van de melding", "Withdrawal of the notification")
        }
    }

    public func peopleException(_ exception: BreachAssessment.PeopleException) -> String {
        switch exception {
        case .unintelligible: pick("De gegevens waren onbegrijpelijk voor anderen (versleuteld, sleutel veilig)",
                                   "The data was unintelligible to others (encrypted, key safe)")
        case .riskRemoved: pick("Genomen maatregelen maken het hoge risico niet langer waarschijnlijk",
                                "Measures taken make the high risk no longer likely")
        case .disproportionateEffort: pick("Ieder afzonderlijk inlichten vergt onevenredige inspanning: openbare mededeling",
                                           "Telling each would take disproportionate effort: a public notice")
        }
    }

    public func severityLevel(_ level: BreachAssessment.Severity.Level) -> String {
        switch level {
        case .low: pick("laag", "low")
        case .medium: pick("gemiddeld", "medium")
        case .high: pick("hoog", "high")
        case .veryHigh: pick("zeer hoog", "very high")
        }
    }

    public func yesNo(_ value: Bool?) -> String {
        switch value {
        case true?: pick("Ja", "Yes")
        case false?: pick("Nee", "No")
        case nil: pick("Nog niet bekend", "Not known yet")
        }
    }
}
