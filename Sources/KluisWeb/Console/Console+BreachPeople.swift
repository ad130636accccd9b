import Foundation
import HTTPTypes
import Hummingbird
import KluisCore

/// The people a breach concerned: selected by what was exposed (categories, a time window,
/// purposes, a list of subject ids), counted without opening a value, then told by e-mail in
/// their language (art. 34), with the letter shown first. Counting and telling visit everyone
/// the selection could hold, so they run in the background.
extension Console {
    func breachPeopleForm(_ request: Request, _ context: ConsoleRequestContext) async throws -> Response {
        try await withBreach(request, context) { breach in try await breachPeopleForm(breach, request, context) }
    }

    private func breachPeopleForm(_ breach: Breach, _ request: Request, _ context: ConsoleRequestContext, posted: [String: String]? = nil,
                                  error: String? = nil) async throws -> Response {
        let language = language(request, context)
        let t = pages.texts(language)
        let policy = vault.policy
        func checked(_ field: String, _ stored: Bool) -> Bool { posted.map { $0[field] == "on" } ?? stored }
        var values: [String: Any] = [
            "action": base + "/breaches/" + breach.id + "/people", "back": base + "/breaches/" + breach.id,
            "categories": policy.categories.map { category in
                ["id": category.id, "name": category.name.text(in: language),
                 "checked": checked("category." + category.id, breach.categories.contains(category.id))]
            },
            "purposes": policy.purposes.map { ["id": $0.id, "name": $0.name.text(in: language), "checked": checked("purpose." + $0.id, false)] },
            // Records collected after the breach ended were not exposed; any before may have been.
            "from": posted?["from"] ?? "",
            "until": posted?["until"] ?? breach.timeline.endedAt.map(WebDates.localInput) ?? "",
            "subjects": posted?["subjects"] ?? "",
            "hasOutbox": configuration.outbox != nil,
            "languages": policy.info.languages.map { letterLanguage -> [String: Any] in
                let code = letterLanguage.rawValue
                let text = letterText(from: posted ?? [:], language: letterLanguage)
                let letter = BreachLetter(breach: breach, policy: policy, language: letterLanguage, text: text)
                return ["code": code, "name": CenterPages.languageName(letterLanguage), "subject": letter.subject, "body": letter.body,
                        "happened": posted?["happened." + code] ?? "", "consequences": posted?["consequences." + code] ?? "",
                        "measures": posted?["measures." + code] ?? "", "advice": posted?["advice." + code] ?? ""]
            },
            "rounds": breach.peopleTold.map { round in
                ["at": time(round.at, language), "selected": round.selected, "told": round.told, "withoutAddress": round.withoutAddress]
            },
        ]
        if let error { values["error"] = error }
        return show(ConsolePage(template: "console-breach-people", title: "\(t["breach_people"] ?? "") \(breach.id)", values: values,
                                status: error == nil ? .ok : .unprocessableContent, current: .breaches), request, context)
    }

    /// The words for the letter in `language` the form gives; `nil` when it gives none.
    private func letterText(from form: [String: String], language: Language) -> BreachLetter.Text? {
        func part(_ name: String) -> String? {
            let text = (form[name + "." + language.rawValue] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            return text.isEmpty ? nil : text
        }
        let text = BreachLetter.Text(happened: part("happened"), consequences: part("consequences"), measures: part("measures"),
                                     advice: part("advice"))
        return text == BreachLetter.Text() ? nil : text
    }

    /// Counts (`step=count`), previews the letters (`step=preview`) or tells (`step=tell`) the
    /// people the form selects; counting and telling run as a background job.
    func breachPeopleStep(_ request: Request, _ context: ConsoleRequestContext) async throws -> Response {
        try await withBreach(request, context) { breach in
            let form = context.form
            do {
                let exposure = try self.exposure(from: form)
                let texts = Dictionary(uniqueKeysWithValues: vault.policy.info.languages.compactMap { language in
                    letterText(from: form, language: language).map { (language, $0) }
                })
                let principal = try principal(context)
                let breaches = vault.breaches
                let id = breach.id
                let back = base + "/breaches/" + id
                switch form["step"] {
                case "preview":
                    // The letters with the words given, checked as they will be when sent.
                    try breaches.checkLetterTexts(texts)
                    return try await breachPeopleForm(breach, request, context, posted: form)
                case "count":
                    _ = try exposure.checked(against: vault.policy)
                    let job = jobs.start("breach_count", owner: principal.id, now: vault.now(), back: back) { report in
                        let audience = try await breaches.audience(of: id, exposure: exposure, by: principal) { visited in
                            report(["visited": String(visited)])
                        }
                        return ["selected": String(audience.selected), "withAddress": String(audience.withAddress),
                                "alreadyTold": String(audience.alreadyTold)]
                    }
                    return .redirect(to: base + "/jobs/" + job, type: .normal)
                case "tell":
                    guard let outbox = configuration.outbox else {
                        throw VaultError(.inputInvalid, "no outbox is configured: the people cannot be sent an e-mail from here")
                    }
                    _ = try exposure.checked(against: vault.policy)
                    try breaches.checkLetterTexts(texts)
                    let job = jobs.start("breach_tell", owner: principal.id, now: vault.now(), back: back) { report in
                        let round = try await breaches.tell(id, exposure: exposure, texts: texts, outbox: outbox, by: principal) { visited in
                            report(["visited": String(visited)])
                        }
                        return ["selected": String(round.selected), "told": String(round.told), "withoutAddress": String(round.withoutAddress)]
                    }
                    return .redirect(to: base + "/jobs/" + job, type: .normal)
                default:
                    throw HTTPError(.badRequest)
                }
            } catch let error as VaultError where error.code != .storeFailure {
                return try await breachPeopleForm(breach, request, context, posted: form, error: error.message)
            }
        }
    }

    /// The selection the form describes.
    private func exposure(from form: [String: String]) throws(VaultError) -> BreachExposure {
        func moment(_ field: String) throws(VaultError) -> Date? {
            let text = (form[field] ?? "").trimmingCharacters(in: .whitespaces)
            guard !text.isEmpty else { return nil }
            guard let date = WebDates.localMoment(text) else { throw VaultError(.inputInvalid, "'\(field)' is not a day and a time") }
            return date
        }
        let subjects = (form["subjects"] ?? "").split(whereSeparator: { $0.isWhitespace || $0 == "," }).map(String.init)
        let ids = subjects.compactMap(SubjectID.init(rawValue:))
        guard ids.count == subjects.count else { throw VaultError(.inputInvalid, "the list holds something that is not a subject id (sub_…)") }
        return BreachExposure(categories: vault.policy.categories.map(\.id).filter { form["category." + $0] == "on" },
                              from: try moment("from"), until: try moment("until"),
                              purposes: vault.policy.purposes.map(\.id).filter { form["purpose." + $0] == "on" }, subjects: ids)
    }
}
