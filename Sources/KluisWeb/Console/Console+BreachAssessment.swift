import Foundation
import HTTPTypes
import Hummingbird
import KluisCore

/// The assessment of a breach: the factors to weigh (offered from what the register says), the
/// ENISA severity score as an aid, and the two decisions (tell the authority, tell the people),
/// each with its reasons.
extension Console {
    static let assessmentFactors = ["sensitive_data", "easily_identified", "severe_consequences", "vulnerable_people", "many_people",
                                    "unintelligible"]

    func assessmentForm(_ request: Request, _ context: ConsoleRequestContext) async throws -> Response {
        try await withBreach(request, context) { breach in try await assessmentForm(breach, request, context) }
    }

    private func assessmentForm(_ breach: Breach, _ request: Request, _ context: ConsoleRequestContext, posted: [String: String]? = nil,
                                error: String? = nil) async throws -> Response {
        let language = language(request, context)
        let t = pages.texts(language)
        let say = phrases(language)
        let assessment = breach.assessment
        let factors = assessment?.factors ?? BreachAssessment.Factors.suggested(by: breach, policy: vault.policy)
        let stored = [factors.sensitiveData, factors.easilyIdentified, factors.severeConsequences, factors.vulnerablePeople,
                      factors.manyPeople, factors.unintelligible]
        func value(_ field: String, _ stored: String?) -> String { posted?[field] ?? stored ?? "" }
        func decision(_ field: String, _ stored: BreachAssessment.Decision?) -> [[String: Any]] {
            let chosen = posted?[field] ?? stored.map { $0.yes ? "yes" : "no" }
            return ["yes", "no"].map { ["value": $0, "label": t["answer_" + $0] ?? $0, "checked": chosen == $0] }
        }
        let severity = assessment?.severity
        func scale(_ field: String, _ options: [Double], _ stored: Double?) -> [[String: Any]] {
            let chosen = posted?[field] ?? stored.map { String($0) } ?? ""
            return [["value": "", "label": "—", "selected": chosen.isEmpty]]
                + options.map { ["value": String($0), "label": String($0), "selected": chosen == String($0)] }
        }
        var values: [String: Any] = [
            "action": base + "/breaches/" + breach.id + "/assessment", "back": base + "/breaches/" + breach.id,
            "suggested": assessment == nil,
            "facts": [
                [t["kinds"] ?? "", breach.dataKinds.map(say.dataKind).joined(separator: "; ")],
                [t["people_count"] ?? "", breach.people.map { "\($0.minimum)–\($0.maximum)" } ?? "—"],
                [t["groups"] ?? "", breach.groups.joined(separator: "; ")],
                [t["encrypted"] ?? "", say.yesNo(breach.encrypted)],
                [t["consequences"] ?? "", breach.consequences ?? "—"],
            ].map { ["label": $0[0], "value": $0[1]] },
            "factors": zip(Self.assessmentFactors, stored).map { name, on in
                ["name": name, "label": t["factor_" + name] ?? name, "checked": posted.map { $0["factor." + name] == "on" } ?? on]
            },
            "notes": value("notes", factors.notes),
            "contexts": scale("context", [1, 2, 3, 4], severity?.context),
            "identifications": scale("identification", [0.25, 0.5, 0.75, 1], severity?.identification),
            "confidentialities": scale("confidentiality", [0, 0.25, 0.5], severity?.confidentiality),
            "integrities": scale("integrity", [0, 0.25, 0.5], severity?.integrity),
            "availabilities": scale("availability", [0, 0.25, 0.5], severity?.availability),
            "malicious": posted.map { $0["malicious"] == "on" } ?? severity?.malicious ?? false,
            "score": severity.map { String(format: "%.2f", $0.score) + " (" + say.severityLevel($0.level) + ")" } as Any,
            "authorityOptions": decision("tell_authority", assessment?.tellAuthority),
            "authorityReason": value("authority_reason", assessment?.tellAuthority.reason),
            "peopleOptions": decision("tell_people", assessment?.tellPeople),
            "peopleReason": value("people_reason", assessment?.tellPeople.reason),
            "exceptions": [["value": "", "label": t["no_exception"] ?? "", "selected": (posted?["exception"] ?? assessment?.peopleException?.rawValue ?? "").isEmpty]]
                + BreachAssessment.PeopleException.allCases.map {
                    ["value": $0.rawValue, "label": say.peopleException($0),
                     "selected": (posted?["exception"] ?? assessment?.peopleException?.rawValue) == $0.rawValue]
                },
        ]
        if let error { values["error"] = error }
        return show(ConsolePage(template: "console-breach-assessment", title: "\(t["assessment"] ?? "") \(breach.id)", values: values,
                                status: error == nil ? .ok : .unprocessableContent, current: .breaches), request, context)
    }

    func assess(_ request: Request, _ context: ConsoleRequestContext) async throws -> Response {
        try await withBreach(request, context) { breach in
            let form = context.form
            do {
                let factor = { (name: String) in form["factor." + name] == "on" }
                let factors = BreachAssessment.Factors(sensitiveData: factor("sensitive_data"), easilyIdentified: factor("easily_identified"),
                                                       severeConsequences: factor("severe_consequences"),
                                                       vulnerablePeople: factor("vulnerable_people"), manyPeople: factor("many_people"),
                                                       unintelligible: factor("unintelligible"), notes: form["notes"])
                func number(_ field: String) -> Double? { form[field].flatMap(Double.init) }
                var severity: BreachAssessment.Severity?
                if let context = number("context"), let identification = number("identification") {
                    severity = BreachAssessment.Severity(context: context, identification: identification,
                                                         confidentiality: number("confidentiality") ?? 0, integrity: number("integrity") ?? 0,
                                                         availability: number("availability") ?? 0, malicious: form["malicious"] == "on")
                }
                guard let authority = form["tell_authority"], let people = form["tell_people"] else {
                    throw VaultError(.inputInvalid, "decide both: whether the authority and whether the people are told")
                }
                try await vault.breaches.assess(breach.id, factors: factors, severity: severity,
                                                tellAuthority: .init(yes: authority == "yes", reason: form["authority_reason"] ?? ""),
                                                tellPeople: .init(yes: people == "yes", reason: form["people_reason"] ?? ""),
                                                peopleException: form["exception"].flatMap(BreachAssessment.PeopleException.init(rawValue:)),
                                                by: try principal(context))
                return redirect(to: base + "/breaches/" + breach.id, notice: "breach_assessed", context)
            } catch let error as VaultError where error.code != .storeFailure {
                return try await assessmentForm(breach, request, context, posted: form, error: error.message)
            }
        }
    }

    /// The text for the AP's form, in its order and in Dutch, for the phase asked; printable too.
    func authorityText(_ request: Request, _ context: ConsoleRequestContext, printable: Bool = false) async throws -> Response {
        try await withBreach(request, context) { breach in
            let language = language(request, context)
            let t = pages.texts(language)
            let phase = request.uri.queryParameters.get("phase").flatMap(Breach.Notification.Phase.init(rawValue:)) ?? .first
            let text = try await vault.breaches.authorityText(of: breach.id, phase: phase)
            let href = base + "/breaches/" + breach.id
            if printable { return StandaloneDocument.response(text.document, policy: vault.policy) }
            let say = phrases(language)
            return show(ConsolePage(template: "console-breach-authority", title: "\(t["authority_text"] ?? "") \(breach.id)", values: [
                "intro": t["authority_intro"] ?? "", "back": href, "printHref": href + "/authority.html?phase=" + phase.rawValue,
                "phases": Breach.Notification.Phase.allCases.map {
                    ["href": href + "/authority?phase=" + $0.rawValue, "label": say.notificationPhase($0), "current": $0 == phase]
                },
                "sections": text.sections.map { section in
                    ["title": section.title, "anchor": section.anchor, "groups": section.groups.map { group in
                        ["heading": group.heading as Any, "hasEntries": !group.entries.isEmpty, "notes": group.notes,
                         "entries": group.entries.map { ["question": $0.question, "answer": $0.answer] }] as [String: Any]
                    }] as [String: Any]
                },
            ], current: .breaches), request, context)
        }
    }
}
