import ArgumentParser
import Foundation
import KluisCore

/// `kluis breaches assess ID …`: the two decisions of arts. 33 and 34, with their reasons.
struct BreachesAssessCommand: ContextualCommand {
    static let configuration = CommandConfiguration(
        commandName: "assess",
        abstract: "Record the assessment: whether the authority and the people must be told, and why.",
        discussion: """
            The authority is told unless the breach is unlikely to result in a risk; the people when the risk \
            is high, unless an exception of art. 34(3) applies. Name the factors that hold with --factor; \
            without any, the register's suggestion is recorded (sensitive kinds of data, easy to identify, \
            groups that name children, more than 100 people, encrypted), and said so. The ENISA severity \
            score (--severity-context and --severity-identification, with the circumstances) is an aid only; \
            not telling the people of a breach it scores high or very high needs --exception. Assessing again \
            replaces the assessment.
            """
    )

    /// A factor the EDPB names to weigh.
    enum Factor: String, ExpressibleByArgument, CaseIterable {
        case sensitiveData = "sensitive_data"
        case easilyIdentified = "easily_identified"
        case severeConsequences = "severe_consequences"
        case vulnerablePeople = "vulnerable_people"
        case manyPeople = "many_people"
        case unintelligible

        /// The factors that hold in `factors`.
        static func holding(in factors: BreachAssessment.Factors) -> [Factor] {
            allCases.filter { factor in
                switch factor {
                case .sensitiveData: factors.sensitiveData
                case .easilyIdentified: factors.easilyIdentified
                case .severeConsequences: factors.severeConsequences
                case .vulnerablePeople: factors.vulnerablePeople
                case .manyPeople: factors.manyPeople
                case .unintelligible: factors.unintelligible
                }
            }
        }
    }

    enum Answer: String, ExpressibleByArgument, CaseIterable {
        case yes
        case no
    }

    @OptionGroup var vault: VaultOptions
    @Argument(help: "The breach id (brc_…).") var id: String
    @Option(help: "yes or no: must the authority be told?") var tellAuthority: Answer
    @Option(help: "Why (or why not), without personal data.") var authorityReason: String
    @Option(help: "yes or no: must the people be told?") var tellPeople: Answer
    @Option(help: "Why (or why not), without personal data.") var peopleReason: String
    @Option(help: "Why the people are not told although the risk is high: unintelligible, risk_removed or disproportionate_effort.")
    var exception: BreachAssessment.PeopleException?
    @Option(name: .customLong("factor"),
            help: "A factor that holds (repeatable): sensitive_data, easily_identified, severe_consequences, vulnerable_people, many_people or unintelligible. Default: the register's suggestion.")
    var factors: [Factor] = []
    @Option(help: "What else was weighed, without personal data.") var notes: String?
    @Option(help: "ENISA: the data processing context, 1 to 4.") var severityContext: Double?
    @Option(help: "ENISA: the ease of identification, 0.25, 0.5, 0.75 or 1.") var severityIdentification: Double?
    @Option(help: "ENISA: loss of confidentiality, 0 to 0.5.") var severityConfidentiality: Double?
    @Option(help: "ENISA: loss of integrity, 0 to 0.5.") var severityIntegrity: Double?
    @Option(help: "ENISA: loss of availability, 0 to 0.5.") var severityAvailability: Double?
    @Flag(help: "ENISA: the breach was malicious (+0.5).") var malicious = false

    func validate() throws {
        let circumstances = severityConfidentiality != nil || severityIntegrity != nil || severityAvailability != nil || malicious
        if (severityContext == nil) != (severityIdentification == nil) || (circumstances && severityContext == nil) {
            throw ValidationError("the ENISA score needs both --severity-context and --severity-identification")
        }
        if tellPeople == .yes, exception != nil {
            throw ValidationError("--exception is a reason not to tell the people: leave it out with --tell-people yes")
        }
    }

    func run(in context: CommandContext) async throws -> Int32 {
        let id = try BreachesCommand.parseID(id)
        let severity = severityContext.map { dataContext in
            BreachAssessment.Severity(context: dataContext, identification: severityIdentification ?? 0,
                                      confidentiality: severityConfidentiality ?? 0, integrity: severityIntegrity ?? 0,
                                      availability: severityAvailability ?? 0, malicious: malicious)
        }
        let (breach, suggested) = try await vault.withVault(in: context) { opened in
            let breaches = opened.breaches
            var chosen: BreachAssessment.Factors
            if factors.isEmpty {
                chosen = BreachAssessment.Factors.suggested(by: try await breaches.breach(id), policy: opened.policy)
            } else {
                let named = Set(factors)
                chosen = BreachAssessment.Factors(sensitiveData: named.contains(.sensitiveData), easilyIdentified: named.contains(.easilyIdentified),
                                                  severeConsequences: named.contains(.severeConsequences),
                                                  vulnerablePeople: named.contains(.vulnerablePeople), manyPeople: named.contains(.manyPeople),
                                                  unintelligible: named.contains(.unintelligible))
            }
            chosen.notes = notes
            let breach = try await breaches.assess(id, factors: chosen, severity: severity,
                                                   tellAuthority: .init(yes: tellAuthority == .yes, reason: authorityReason),
                                                   tellPeople: .init(yes: tellPeople == .yes, reason: peopleReason),
                                                   peopleException: exception, by: BreachesCommand.operator_)
            return (breach, factors.isEmpty)
        }
        guard let assessment = breach.assessment else { throw CommandFailure("the assessment of \(breach.id) was not recorded") }
        let holding = Factor.holding(in: assessment.factors).map(\.rawValue)
        var text = "breach \(breach.id) assessed\n"
        text += "  the authority: \(assessment.tellAuthority.yes ? "to be told" : "not told")\n"
        text += "  the people: \(assessment.tellPeople.yes ? "to be told" : "not told")"
            + (assessment.peopleException.map { " (exception \($0.rawValue))" } ?? "") + "\n"
        text += "  factors\(suggested ? ", suggested by the register as no --factor was given" : ""): "
            + (holding.isEmpty ? "none" : holding.joined(separator: ", ")) + "\n"
        if let severity = assessment.severity { text += "  ENISA severity: \(Self.describe(severity))\n" }
        context.write(text)
        return 0
    }

    /// "4.00, very_high (an aid to the decision, not the decision)".
    static func describe(_ severity: BreachAssessment.Severity) -> String {
        String(format: "%.2f", severity.score) + ", \(severity.level.rawValue) (an aid to the decision, not the decision)"
    }
}
