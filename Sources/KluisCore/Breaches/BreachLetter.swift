import Foundation

/// The message to a person whose data a breach concerned (art. 34(2)), in their language and the
/// policy's voice, in clear and plain words: what happened, which of their data, the likely
/// consequences, what was done and what they can do, and whom to ask.
public struct BreachLetter: Sendable, Hashable {
    /// What the people are told, in one language; what is not given comes from the register.
    public struct Text: Sendable, Hashable, Codable {
        public var happened: String?
        public var consequences: String?
        public var measures: String?
        /// What the person can do themselves (change a password, watch for phishing).
        public var advice: String?

        public init(happened: String? = nil, consequences: String? = nil, measures: String? = nil, advice: String? = nil) {
            self.happened = happened
            self.consequences = consequences
            self.measures = measures
            self.advice = advice
        }

        /// Each part checked as the register's texts are: no personal data in a mass letter.
        func checked() throws(VaultError) -> Text {
            Text(happened: try BreachText.checkedIfGiven(happened, field: "happened"),
                 consequences: try BreachText.checkedIfGiven(consequences, field: "consequences"),
                 measures: try BreachText.checkedIfGiven(measures, field: "measures"),
                 advice: try BreachText.checkedIfGiven(advice, field: "advice"))
        }
    }

    public let subject: String
    public let body: String

    public init(breach: Breach, policy: Policy, language: Language, text: Text?) {
        let say = Phrases(language, informal: policy.info.informal)
        let controller = policy.controller.name
        let categories = breach.categories.compactMap(policy.category).map { $0.name.text(in: language) }
        let measures = text?.measures ?? [breach.measuresTaken, breach.measuresPlanned].compactMap { $0 }.joined(separator: "\n")
        let contact = policy.controller.dpo ?? policy.controller.privacyContact
        let contactLine = contact.map { person in [person.name, person.email, person.phone].compactMap { $0 }.joined(separator: ", ") }
            ?? policy.requestContact
        subject = say.pick("Een datalek bij \(controller) dat uw gegevens betreft", "A data breach at \(controller) that concerns your data")
        var parts = [
            say.pick("Beste lezer,", "Dear reader,"),
            say.pick("Wij schrijven u omdat er bij \(controller) een datalek is geweest waarbij uw persoonsgegevens betrokken zijn. Wij vinden het belangrijk u daar eerlijk en zo snel mogelijk over te vertellen.",
                     "We are writing to you because \(controller) had a data breach that involved your personal data. We want to tell you honestly and as soon as we can."),
            say.pick("Wat er is gebeurd", "What happened") + "\n" + (text?.happened ?? breach.summary),
        ]
        if !categories.isEmpty {
            parts.append(say.pick("Om welke gegevens het gaat", "Which of your data") + "\n" + categories.map { "- \($0)" }.joined(separator: "\n"))
        }
        if let consequences = text?.consequences ?? breach.consequences {
            parts.append(say.pick("Wat de gevolgen voor u kunnen zijn", "What this may mean for you") + "\n" + consequences)
        }
        if !measures.isEmpty {
            parts.append(say.pick("Wat wij hebben gedaan en nog doen", "What we did and are doing") + "\n" + measures)
        }
        if let advice = text?.advice {
            parts.append(say.pick("Wat u zelf kunt doen", "What you can do yourself") + "\n" + advice)
        }
        parts.append(say.pick("Heeft u vragen? Neem contact op met: \(contactLine).", "Questions? Please contact: \(contactLine)."))
        parts.append(say.pick("Met vriendelijke groet,", "Kind regards,") + "\n" + controller)
        parts.append(say.pick("Kenmerk", "Reference") + ": \(breach.id)")
        body = parts.joined(separator: "\n\n")
    }

    /// The message to `address`.
    public func message(to address: String) -> OutboxMessage {
        OutboxMessage(to: address, subject: subject, body: body)
    }
}
