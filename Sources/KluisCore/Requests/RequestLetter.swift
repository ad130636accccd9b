import Foundation

/// The letter or e-mail to a requester about where their request stands, in their language and
/// the policy's voice: the acknowledgement with the legal deadline, the request for
/// identification, an extension with its reason, a refusal with the right to complain, or the
/// answer. Plain words, the organisation's name, no personal value: staff send it as it is, or
/// add to it.
public struct RequestLetter: Sendable, Hashable {
    public var subject: String
    public var body: String

    public init(for status: RequestStatus, policy: Policy, in language: Language) {
        let phrases = Phrases(language, informal: policy.info.informal)
        let request = status.request
        let controller = policy.controller.name
        let authority = policy.controller.supervisoryAuthority
        let type = phrases.pick(Self.dutchType(request.type), Self.englishType(request.type))
        let received = phrases.day(status.deadlines.receipt)
        let due = phrases.day(status.deadlines.due)
        let sign = phrases.pick("Met vriendelijke groet,\n\(controller)", "Kind regards,\n\(controller)")
        func letter(_ subjectNL: String, _ subjectEN: String, _ nl: String, _ en: String) -> (String, String) {
            (phrases.pick(subjectNL, subjectEN), phrases.pick("Beste,\n\n", "Dear,\n\n") + phrases.pick(nl, en) + "\n\n" + sign)
        }
        let text: (String, String)
        switch request.state {
        case .received, .inProgress:
            text = letter("Uw verzoek om \(type)", "Your request for \(type)",
                          "Wij hebben uw verzoek om \(type) op \(received) ontvangen. U krijgt uiterlijk op \(due) antwoord.",
                          "We received your request for \(type) on \(received). You will have our answer by \(due) at the latest.")
        case .awaitingIdentification:
            let methods = policy.rights.identityChecks.map { phrases.humanize($0.rawValue) }.joined(separator: ", ")
            text = letter("Wie bent u? Over uw verzoek om \(type)", "Who are you? About your request for \(type)",
                          "Wij willen uw gegevens alleen aan u geven. Laat ons daarom weten dat u het bent, op een van deze manieren: \(methods). Stuur nooit een onafgeschermde kopie van uw identiteitsbewijs. De termijn om te antwoorden loopt weer zodra wij weten dat u het bent.",
                          "We want to give your data to you only. Please show us it is you, in one of these ways: \(methods). Never send an unshielded copy of your ID. The time to answer runs again as soon as we know it is you.")
        case .extended:
            let reason = request.extended?.reason ?? ""
            text = letter("Meer tijd voor uw verzoek om \(type)", "More time for your request for \(type)",
                          "Wij hebben meer tijd nodig om uw verzoek om \(type) van \(received) te beantwoorden, omdat: \(reason). U krijgt uiterlijk op \(due) antwoord.",
                          "We need more time to answer your request for \(type) of \(received), because: \(reason). You will have our answer by \(due) at the latest.")
        case .rejected:
            let reason = request.rejection ?? ""
            text = letter("Uw verzoek om \(type)", "Your request for \(type)",
                          "Wij doen niets met uw verzoek om \(type) van \(received), omdat: \(reason). Bent u het hier niet mee eens? Dan kunt u een klacht indienen bij de \(authority.name) (\(authority.url)) of naar de rechter gaan.",
                          "We do not act on your request for \(type) of \(received), because: \(reason). If you disagree, you may complain to the \(authority.name) (\(authority.url)) or go to court.")
        case .fulfilled:
            let outcome: (String, String) = switch request.type {
            case .access: ("In de bijlage staat welke gegevens wij van u hebben, waarvoor, hoe lang en met wie wij ze delen.",
                           "Attached is what data we hold of you, what for, for how long and with whom we share it.")
            case .portability: ("In de bijlage staan de gegevens die u ons gaf, in een bestand dat andere programma's kunnen lezen.",
                                "Attached is the data you gave us, in a file other programs can read.")
            case .rectification: ("Wij hebben uw gegevens verbeterd.", "We corrected your data.")
            case .erasure: ("Wij hebben uw gegevens verwijderd, behalve wat de wet ons verplicht te bewaren; dat verwijderen wij zodra die plicht afloopt.",
                            "We deleted your data, except what the law obliges us to keep; we delete that as soon as the obligation ends.")
            case .restriction: ("Wij gebruiken uw gegevens niet meer, behalve om ze te bewaren, totdat wij u anders laten weten.",
                                "We no longer use your data, other than to store it, until we tell you otherwise.")
            case .objection: ("Wij gebruiken uw gegevens niet meer voor dit doel.", "We no longer use your data for this purpose.")
            case .withdrawal: ("Wij hebben uw toestemming ingetrokken; vanaf nu gebruiken wij uw gegevens daar niet meer voor.",
                               "We withdrew your consent; from now on we no longer use your data for it.")
            }
            text = letter("Antwoord op uw verzoek om \(type)", "Answer to your request for \(type)",
                          "U vroeg ons op \(received) om \(type). " + outcome.0, "On \(received) you asked us for \(type). " + outcome.1)
        }
        subject = text.0
        body = text.1
    }

    static func dutchType(_ type: RequestType) -> String {
        switch type {
        case .access: "inzage"
        case .portability: "overdracht van uw gegevens"
        case .rectification: "correctie"
        case .erasure: "verwijdering"
        case .restriction: "beperking van het gebruik"
        case .objection: "bezwaar"
        case .withdrawal: "intrekking van uw toestemming"
        }
    }

    static func englishType(_ type: RequestType) -> String {
        switch type {
        case .access: "access"
        case .portability: "a copy of your data to take along"
        case .rectification: "correction"
        case .erasure: "erasure"
        case .restriction: "restriction of use"
        case .objection: "objection"
        case .withdrawal: "withdrawal of your consent"
        }
    }
}
