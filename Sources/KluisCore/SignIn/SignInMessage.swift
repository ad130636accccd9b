/// The e-mails of signing in, in the person's language and the policy's voice: plain words, the
/// organisation's name, and what to do if it was not them.
struct SignInMessage {
    let controller: String
    let language: Language
    let informal: Bool
    let to: String

    /// The message with a sign-in code.
    func code(_ code: String) -> OutboxMessage {
        let minutes = Int(SignInService.codeLifetime / 60)
        switch language {
        case .nl:
            let (your, you) = informal ? ("Je", "je") : ("Uw", "u")
            return OutboxMessage(to: to, subject: "\(your) inlogcode voor het privacycentrum van \(controller)", body: """
                \(your) code om in te loggen in het privacycentrum van \(controller) is:

                    \(code)

                De code is \(minutes) minuten geldig en werkt één keer.
                Heb\(informal ? " je" : "t u") niet geprobeerd in te loggen? Dan kan \(you) dit bericht negeren; zonder de code kan niemand bij \(informal ? "je" : "uw") gegevens.
                """)
        case .en:
            return OutboxMessage(to: to, subject: "Your sign-in code for the privacy center of \(controller)", body: """
                Your code to sign in to the privacy center of \(controller) is:

                    \(code)

                The code is valid for \(minutes) minutes and works once.
                If you did not try to sign in, you can ignore this message: without the code no one can reach your data.
                """)
        }
    }

    /// The message for an address under which no data is held: the person learns that, and no
    /// one else learns anything.
    func nothingHeld() -> OutboxMessage {
        switch language {
        case .nl:
            let (your, you) = informal ? ("Je", "je") : ("Uw", "u")
            return OutboxMessage(to: to, subject: "\(your) aanvraag voor het privacycentrum van \(controller)", body: """
                Iemand, waarschijnlijk \(you), wilde met dit e-mailadres inloggen in het privacycentrum van \(controller).
                Onder dit adres hebben wij geen gegevens van \(informal ? "je" : "u"), dus er is niets om in te zien.

                Heb\(informal ? " je" : "t u") dit niet gevraagd? Dan kan \(you) dit bericht negeren.
                """)
        case .en:
            return OutboxMessage(to: to, subject: "Your request for the privacy center of \(controller)", body: """
                Someone, probably you, tried to sign in to the privacy center of \(controller) with this e-mail address.
                We hold no data of yours under this address, so there is nothing to see.

                If you did not ask for this, you can ignore this message.
                """)
        }
    }
}
