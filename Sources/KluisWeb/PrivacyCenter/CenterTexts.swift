import KluisCore

/// The privacy center's own words, per language and, in Dutch, in the policy's voice ("u" or
/// "je"). Templates read them as `t.key`; a page's values come beside them. One table per
/// language keeps every text of a language in one place.
enum CenterTexts {
    /// The texts in `language`; Dutch addresses people as `informal` says.
    static func texts(_ language: Language, informal: Bool) -> [String: String] {
        switch language {
        case .en: english
        case .nl: dutch(informal: informal)
        }
    }

    static let english: [String: String] = [
        "center": "Privacy center",
        "skip": "Skip to content",
        "languages": "Language",
        "menu": "Privacy center",
        "sign_out": "Sign out",
        "statement": "Privacy statement",
        "sign_in_title": "Sign in",
        "sign_in_intro": "Here you can see the personal data we hold about you, download it, correct or delete it, and change your permissions. To sign in, type your e-mail address: we send you a code.",
        "email": "E-mail address",
        "email_hint": "The address we know you by.",
        "send_code": "Send me a code",
        "sign_in_note": "If we hold no data under this address, we send a message saying so instead. Either way this page looks the same, so no one learns from it whether you are known to us.",
        "code_title": "Type your code",
        "code_intro": "We have sent an e-mail to the address you typed. Type the six digits from it. The code is valid for 10 minutes and works once.",
        "code": "Code",
        "code_hint": "Six digits, for example 123456.",
        "sign_in": "Sign in",
        "new_code": "No e-mail? Ask for a new code",
        "signed_out": "You are signed out.",
        "session_ended": "Your session has ended. Please sign in again.",
        "handoff_title": "Signing you in",
        "handoff_continue": "Continue to the privacy center",
        "link_failed_title": "This link does not work",
        "link_failed": "The sign-in link is not valid, was used already or has expired. Go back to the site you came from and try again, or sign in with your e-mail address.",
        "to_sign_in": "Sign in with your e-mail address",
        "form_expired_title": "This form has expired",
        "form_expired": "For your safety we accept a form only from the page we sent it with. Perhaps the page was open too long. Please go back, reload the page and try again.",
        "too_many_title": "Too many attempts",
        "too_many": "There were too many attempts from here. Please try again later.",
        "no_mail_title": "Signing in by e-mail is not available",
        "no_mail": "This privacy center cannot send e-mail yet. Please contact us: see the privacy statement.",
        "my_data": "My data",
        "my_data_intro": "This is all the personal data we hold about you, by kind, with why we hold it and until when.",
        "nothing_held": "We hold no personal data about you.",
        "field": "Field",
        "value": "Value",
        "record": "Record",
        "added": "Added",
        "kept_for": "Why we keep it",
        "kept_until": "Kept until",
        "until_unknown": "Not yet known: it depends on something that has not happened yet, such as the end of your contract.",
        "origin": "Where it came from",
        "shared_with": "Shared with",
        "shared_with_none": "We have not shared it with anyone outside our organisation.",
        "since": "since",
        "not_shown": "withheld because it is about someone else too",
    ]

    static func dutch(informal: Bool) -> [String: String] {
        // "u" or "je": the same sentence in the policy's voice.
        let you = informal ? "je" : "u", your = informal ? "je" : "uw", You = informal ? "Je" : "U", Your = informal ? "Je" : "Uw"
        return [
            "center": "Privacycentrum",
            "skip": "Naar de inhoud",
            "languages": "Taal",
            "menu": "Privacycentrum",
            "sign_out": "Uitloggen",
            "statement": "Privacyverklaring",
            "sign_in_title": "Inloggen",
            "sign_in_intro": "Hier ziet \(you) welke persoonsgegevens wij van \(you) hebben. \(You) kunt ze downloaden, verbeteren of verwijderen en \(your) toestemmingen aanpassen. Vul \(your) e-mailadres in om in te loggen: wij sturen \(you) een code.",
            "email": "E-mailadres",
            "email_hint": "Het adres waarmee wij \(you) kennen.",
            "send_code": "Stuur mij een code",
            "sign_in_note": "Hebben wij onder dit adres geen gegevens, dan sturen wij een bericht dat dat zegt. Deze pagina ziet er in beide gevallen hetzelfde uit, zodat niemand hieraan kan zien of wij \(you) kennen.",
            "code_title": "Vul \(your) code in",
            "code_intro": "Wij hebben een e-mail gestuurd naar het adres dat \(you) invulde. Vul de zes cijfers daaruit in. De code is 10 minuten geldig en werkt één keer.",
            "code": "Code",
            "code_hint": "Zes cijfers, bijvoorbeeld 123456.",
            "sign_in": "Inloggen",
            "new_code": "Geen e-mail ontvangen? Vraag een nieuwe code aan",
            "signed_out": "\(You) bent uitgelogd.",
            "session_ended": "\(Your) sessie is afgelopen. Log opnieuw in.",
            "handoff_title": "\(You) wordt ingelogd",
            "handoff_continue": "Verder naar het privacycentrum",
            "link_failed_title": "Deze link werkt niet",
            "link_failed": "De inloglink is ongeldig, al gebruikt of verlopen. Ga terug naar de site waar \(you) vandaan kwam en probeer het opnieuw, of log in met \(your) e-mailadres.",
            "to_sign_in": "Inloggen met \(your) e-mailadres",
            "form_expired_title": "Dit formulier is verlopen",
            "form_expired": "Voor \(your) veiligheid accepteren wij een formulier alleen vanaf de pagina waarmee wij het stuurden. Misschien stond de pagina te lang open. Ga terug, laad de pagina opnieuw en probeer het nog eens.",
            "too_many_title": "Te veel pogingen",
            "too_many": "Er waren te veel pogingen vanaf hier. Probeer het later opnieuw.",
            "no_mail_title": "Inloggen per e-mail is niet beschikbaar",
            "no_mail": "Dit privacycentrum kan nog geen e-mail versturen. Neem contact met ons op: zie de privacyverklaring.",
            "my_data": "Mijn gegevens",
            "my_data_intro": "Dit zijn alle persoonsgegevens die wij van \(you) hebben, per soort, met waarom wij ze hebben en tot wanneer.",
            "nothing_held": "Wij hebben geen persoonsgegevens van \(you).",
            "field": "Veld",
            "value": "Waarde",
            "record": "Gegeven",
            "added": "Toegevoegd",
            "kept_for": "Waarom wij het bewaren",
            "kept_until": "Bewaard tot",
            "until_unknown": "Nog niet bekend: dat hangt af van iets wat nog niet is gebeurd, zoals het einde van \(your) contract.",
            "origin": "Waar het vandaan komt",
            "shared_with": "Gedeeld met",
            "shared_with_none": "Wij hebben het met niemand buiten onze organisatie gedeeld.",
            "since": "sinds",
            "not_shown": "weggelaten omdat het ook over iemand anders gaat",
        ]
    }
}
