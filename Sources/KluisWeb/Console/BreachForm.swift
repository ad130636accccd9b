import Foundation
import KluisCore

/// The console's breach form: the fields of the AP's form, read into a ``BreachReport`` and
/// written back for editing. Times are `datetime-local` fields on the legal calendar; lists are
/// one item per line; choices are checkboxes named `nature.…`, `kind.…` and `category.…`.
struct BreachForm {
    let form: [String: String]

    /// The report the form describes; what cannot be read is said plainly, naming the field.
    func report() throws(VaultError) -> BreachReport {
        func time(_ field: String, required: Bool = false) throws(VaultError) -> Date? {
            let text = (form[field] ?? "").trimmingCharacters(in: .whitespaces)
            if text.isEmpty {
                if required { throw VaultError(.inputInvalid, "'\(field)' is required: a day and a time") }
                return nil
            }
            guard let date = WebDates.localMoment(text) else { throw VaultError(.inputInvalid, "'\(field)' is not a day and a time") }
            return date
        }
        func range(_ field: String) throws(VaultError) -> Breach.Range? {
            let minimum = (form[field + "_min"] ?? "").trimmingCharacters(in: .whitespaces)
            let maximum = (form[field + "_max"] ?? "").trimmingCharacters(in: .whitespaces)
            if minimum.isEmpty && maximum.isEmpty { return nil }
            guard let low = Int(minimum), let high = Int(maximum.isEmpty ? minimum : maximum) else {
                throw VaultError(.inputInvalid, "the number of \(field) needs a whole minimum and maximum")
            }
            return Breach.Range(minimum: low, maximum: high)
        }
        func contact(_ prefix: String) -> Breach.Contact? {
            let name = text(prefix + "_name") ?? ""
            let job = text(prefix + "_job_title") ?? ""
            let phone = text(prefix + "_phone") ?? ""
            guard !(name + job + phone).isEmpty || text(prefix + "_email") != nil else { return nil }
            return Breach.Contact(name: name, jobTitle: job, phone: phone, email: text(prefix + "_email"))
        }
        guard let incident = form["incident"].flatMap(Breach.Incident.init(rawValue:)) else {
            throw VaultError(.inputInvalid, "choose the type of incident")
        }
        guard let discovered = try time("discovered_at", required: true), let aware = try time("aware_at", required: true) else {
            throw VaultError(.inputInvalid, "'aware_at' is required")
        }
        guard let reporter = contact("reporter") else { throw VaultError(.inputInvalid, "give the reporter's name, job title and phone") }
        return BreachReport(
            summary: form["summary"] ?? "", incident: incident, nature: Breach.Nature.allCases.filter { checked("nature." + $0.rawValue) },
            timeline: Breach.Timeline(startedAt: try time("started_at"), endedAt: try time("ended_at"), ongoing: checked("ongoing"),
                                      discoveredAt: discovered, awareAt: aware, processorToldAt: try time("processor_told_at")),
            reporter: reporter, contact: contact("contact"), processors: lines("processors"),
            dataKinds: Breach.DataKind.allCases.filter { checked("kind." + $0.rawValue) },
            categories: form.keys.filter { $0.hasPrefix("category.") && checked($0) }.map { String($0.dropFirst("category.".count)) }.sorted(),
            records: try range("records"), people: try range("people"), groups: lines("groups"),
            encrypted: form["encrypted"] == "yes" ? true : form["encrypted"] == "no" ? false : nil,
            priorMeasures: text("prior_measures"), consequences: text("consequences"), measuresTaken: text("measures_taken"),
            measuresPlanned: text("measures_planned"), crossBorder: text("cross_border"), attachments: lines("attachments"))
    }

    private func checked(_ field: String) -> Bool { form[field] == "on" }

    private func text(_ field: String) -> String? {
        let text = (form[field] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty ? nil : text
    }

    private func lines(_ field: String) -> [String] {
        (form[field] ?? "").split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// The form's values for `breach` (or as posted, to show again after a refusal): what the
    /// template fills in.
    static func values(of breach: Breach?, posted: [String: String]?, policy: Policy, language: Language, texts t: [String: String]) -> [String: Any] {
        let say = Phrases(language)
        func value(_ field: String, _ stored: String?) -> String { posted?[field] ?? stored ?? "" }
        func isChecked(_ field: String, _ stored: Bool) -> Bool { posted.map { $0[field] == "on" } ?? stored }
        let kinds = Breach.DataKind.allCases.map { kind -> [String: Any] in
            ["value": kind.rawValue, "label": say.dataKind(kind), "checked": isChecked("kind." + kind.rawValue, breach?.dataKinds.contains(kind) ?? false)]
        }
        func contact(_ prefix: String, _ person: Breach.Contact?) -> [String: String] {
            ["name": value(prefix + "_name", person?.name), "jobTitle": value(prefix + "_job_title", person?.jobTitle),
             "phone": value(prefix + "_phone", person?.phone), "email": value(prefix + "_email", person?.email)]
        }
        let encrypted = posted?["encrypted"] ?? breach?.encrypted.map { $0 ? "yes" : "no" } ?? "unknown"
        return [
            "summary": value("summary", breach?.summary),
            "incidents": Breach.Incident.allCases.map {
                ["value": $0.rawValue, "label": say.incident($0), "selected": value("incident", breach?.incident.rawValue) == $0.rawValue]
            },
            "natures": Breach.Nature.allCases.map {
                ["value": $0.rawValue, "label": say.nature($0), "checked": isChecked("nature." + $0.rawValue, breach?.nature.contains($0) ?? false)]
            },
            "startedAt": value("started_at", breach?.timeline.startedAt.map(WebDates.localInput)),
            "endedAt": value("ended_at", breach?.timeline.endedAt.map(WebDates.localInput)),
            "ongoing": isChecked("ongoing", breach?.timeline.ongoing ?? false),
            "discoveredAt": value("discovered_at", breach.map { WebDates.localInput($0.timeline.discoveredAt) }),
            "awareAt": value("aware_at", breach.map { WebDates.localInput($0.timeline.awareAt) }),
            "processorToldAt": value("processor_told_at", breach?.timeline.processorToldAt.map(WebDates.localInput)),
            "reporter": contact("reporter", breach?.reporter), "contact": contact("contact", breach?.contact),
            "processors": value("processors", breach?.processors.joined(separator: "\n")),
            "generalKinds": kinds.filter { !(Breach.DataKind(rawValue: $0["value"] as? String ?? "")?.isSpecial ?? false) },
            "specialKinds": kinds.filter { Breach.DataKind(rawValue: $0["value"] as? String ?? "")?.isSpecial ?? false },
            "categories": policy.categories.map { category in
                ["id": category.id, "name": category.name.text(in: language),
                 "kinds": Breach.DataKind.kinds(of: category).map(say.dataKind).joined(separator: "; "),
                 "checked": isChecked("category." + category.id, breach?.categories.contains(category.id) ?? false)]
            },
            "recordsMin": value("records_min", breach?.records.map { "\($0.minimum)" }),
            "recordsMax": value("records_max", breach?.records.map { "\($0.maximum)" }),
            "peopleMin": value("people_min", breach?.people.map { "\($0.minimum)" }),
            "peopleMax": value("people_max", breach?.people.map { "\($0.maximum)" }),
            "groups": value("groups", breach?.groups.joined(separator: "\n")),
            "encryptedOptions": ["yes", "no", "unknown"].map { ["value": $0, "label": t["encrypted_" + $0] ?? $0, "checked": encrypted == $0] },
            "priorMeasures": value("prior_measures", breach?.priorMeasures),
            "consequences": value("consequences", breach?.consequences),
            "measuresTaken": value("measures_taken", breach?.measuresTaken),
            "measuresPlanned": value("measures_planned", breach?.measuresPlanned),
            "crossBorder": value("cross_border", breach?.crossBorder),
            "attachments": value("attachments", breach?.attachments.joined(separator: "\n")),
        ]
    }
}
