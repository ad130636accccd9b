import Foundation
import HTTPTypes
import Hummingbird
import KluisCore

/// People, for the desk: found by an identifier through the blind index (never a list of
/// everyone; the identifier travels in a form, never in a URL), and their file: what is held,
/// why and until when, without a value; values only when read for a purpose, by the member,
/// audited. Actions: record an event, add or correct a record, place or release a hold, log a
/// disclosure.
extension Console {
    func findForm(_ request: Request, _ context: ConsoleRequestContext) async throws -> Response {
        let t = pages.texts(language(request, context))
        return show(ConsolePage(template: "console-find", title: t["people"] ?? "", values: findValues(t), current: .people), request, context)
    }

    private func findValues(_ t: [String: String]) -> [String: Any] {
        ["kinds": SubjectIdentifier.Kind.allCases.map { ["value": $0.rawValue, "label": t["kind_" + $0.rawValue] ?? $0.rawValue] }]
    }

    /// Looks the person up (audited as a lookup) and opens their file.
    func find(_ request: Request, _ context: ConsoleRequestContext) async throws -> Response {
        let t = pages.texts(language(request, context))
        do {
            let kind = context.form["kind"].flatMap(SubjectIdentifier.Kind.init(rawValue:)) ?? .email
            let subject = try await vault.lookup(try SubjectIdentifier(kind: kind, value: context.form["value"] ?? ""), by: try principal(context))
            return .redirect(to: base + "/people/" + subject.rawValue, type: .normal)
        } catch let error as VaultError where [.subjectNotFound, .identifierInvalid, .bsnRefused].contains(error.code) {
            var values = findValues(t)
            values["error"] = error.code == .subjectNotFound ? t["nobody_found"] : error.message
            return show(ConsolePage(template: "console-find", title: t["people"] ?? "", values: values,
                                    status: error.code == .subjectNotFound ? .notFound : .unprocessableContent, current: .people),
                        request, context)
        }
    }

    /// The person's file; with `?purpose=`, also their values that purpose may see, read by the
    /// member and audited.
    func personPage(_ request: Request, _ context: ConsoleRequestContext) async throws -> Response {
        let language = language(request, context)
        guard let subject = context.parameters.get("subject").flatMap(SubjectID.init(rawValue:)) else { throw HTTPError(.notFound) }
        return try await personPage(subject, request, context, language: language, purpose: request.uri.queryParameters.get("purpose").map { String($0) })
    }

    private func personPage(_ subject: SubjectID, _ request: Request, _ context: ConsoleRequestContext, language: Language,
                            purpose: String? = nil, done: String? = nil, error: String? = nil,
                            status code: HTTPResponse.Status = .ok) async throws -> Response {
        let t = pages.texts(language)
        let principal = try principal(context)
        let file: PersonFile
        do {
            file = try await vault.personFile(of: subject, by: principal)
        } catch let error as VaultError where error.code == .subjectNotFound {
            return problem(error, request, context, back: base + "/people")
        }
        let names = try await staff.actorNames()
        let phrases = phrases(language)
        let categoryName = { (id: String) in self.vault.policy.category(id)?.name.text(in: language) ?? id }
        let purposeName = { (id: String) in self.vault.policy.purpose(id)?.name.text(in: language) ?? id }
        var values: [String: Any] = [
            "subject": subject.rawValue, "action": base + "/people/" + subject.rawValue,
            "since": time(file.createdAt, language), "identifiers": file.identifierKinds.map { t["kind_" + $0] ?? $0 }.joined(separator: ", "),
            "records": file.records.map { record in
                [
                    "category": categoryName(record.category), "id": record.id.rawValue,
                    "collectedFor": record.collectedFor.map(purposeName) ?? "—", "updated": time(record.updatedAt, language),
                    "eraseBy": record.eraseBy.map { WebDates.day($0, in: language) } ?? "—",
                    "keptFor": record.keptFor.map(purposeName) ?? "",
                    "undated": record.undated.map { reason in
                        CenterTexts.fill(t["undated_" + reason.kind.rawValue] ?? "", ["detail": reason.detail ?? ""])
                    } ?? "",
                ] as [String: Any]
            },
            "purposes": file.purposes.map { application in
                ["name": purposeName(application.purpose), "id": application.purpose,
                 "basis": vault.policy.purpose(application.purpose).map { phrases.humanize($0.legalBasis.kind.rawValue) } ?? "",
                 "since": time(application.since, language),
                 "reasons": application.reasons.map { phrases.humanize($0.description.replacingOccurrences(of: "event:", with: "")) }.joined(separator: ", ")]
            },
            "consents": file.consents.map { event in
                ["purpose": purposeName(event.purpose), "kind": phrases.humanize(event.kind.rawValue), "time": time(event.time, language)]
            },
            "events": file.events.sorted { $0.value > $1.value }.map { ["name": phrases.humanize($0.key), "time": time($0.value, language)] },
            "holds": file.holds.sorted { $0.key < $1.key }.map { ["id": $0.key, "name": phrases.humanize($0.key), "since": time($0.value, language)] },
            "restrictions": file.restrictions.map { restriction in
                ["categories": restriction.categories.isEmpty ? (t["all_categories"] ?? "") : restriction.categories.map(categoryName).joined(separator: ", "),
                 "ground": phrases.humanize(restriction.ground.rawValue), "since": time(restriction.since, language)]
            },
            "requests": try await vault.requests.list(.all, subject: subject, limit: 100).map { requestRow($0, t, language) },
            "history": try await vault.auditEvents(matching: AuditQuery(subject: subject), limit: 50).map { event in
                ["time": time(event.entry.time, language), "actor": names[event.entry.actor] ?? event.entry.actor,
                 "action": phrases.humanize(event.entry.action.rawValue), "purpose": event.entry.purpose.map(purposeName) ?? "",
                 "categories": event.entry.categories.map(categoryName).joined(separator: ", "), "reason": event.entry.reason ?? "",
                 "outcome": event.entry.outcome == .allowed ? "" : phrases.humanize(event.entry.outcome.rawValue),
                 "breakGlass": event.entry.breakGlass]
            },
            // The choices of the forms.
            "readPurposes": vault.policy.purposes.map { ["id": $0.id, "name": $0.name.text(in: language), "selected": $0.id == purpose] },
            "lifecycleEvents": vault.lifecycleEvents.map { ["id": $0, "name": phrases.humanize($0)] },
            "policyHolds": vault.policy.purposes.flatMap(\.retention.holds).map(\.id).uniqued().map { ["id": $0, "name": phrases.humanize($0)] },
            "recipients": vault.policy.recipients.map { ["id": $0.id, "name": $0.name.text(in: language)] },
            "categories": vault.policy.categories.filter { $0.id != Vault.identityCategory }.map { ["id": $0.id, "name": $0.name.text(in: language)] },
            "today": WebDates.calendar.calendarDate(of: vault.now()).description,
        ]
        values["hasRecords"] = !file.records.isEmpty
        if let purpose {
            do {
                let read = try await vault.read(subject, for: purpose, by: principal)
                values["read"] = [
                    "purpose": purposeName(purpose), "purposeID": purpose,
                    "records": read.records.map { record in
                        ["category": categoryName(record.category), "categoryID": record.category, "id": record.id.rawValue,
                         "fields": record.fields.sorted { $0.key < $1.key }.map { ["name": phrases.humanize($0.key), "value": $0.value] }]
                    },
                    "withheld": read.withheld.keys.sorted().map(categoryName).joined(separator: ", "),
                ] as [String: Any]
            } catch let refusal as VaultError where refusal.code != .storeFailure {
                values["readError"] = refusal.message
            }
        }
        if let done { values["done"] = t["done_" + done] }
        if let error { values["error"] = error }
        return show(ConsolePage(template: "console-person", title: "\(t["person"] ?? "") \(subject.rawValue)", values: values,
                                status: code, current: .people), request, context)
    }

    /// One action on the person's file, by the form's `step`.
    func personStep(_ request: Request, _ context: ConsoleRequestContext) async throws -> Response {
        let language = language(request, context)
        guard let subject = context.parameters.get("subject").flatMap(SubjectID.init(rawValue:)) else { throw HTTPError(.notFound) }
        let principal = try principal(context)
        let form = context.form
        let step = form["step"] ?? ""
        do {
            switch step {
            case "event":
                try await vault.recordEvent(form["event"] ?? "", at: try Self.day(form["date"]), for: subject, by: principal)
            case "hold":
                try await vault.retention.placeHold(form["hold"] ?? "", on: subject, by: principal)
            case "release":
                try await vault.retention.releaseHold(form["hold"] ?? "", on: subject, by: principal)
            case "disclosure":
                let categories = vault.policy.categories.map(\.id).filter { form["category." + $0] == "on" }
                try await vault.recordDisclosure(of: subject, to: form["recipient"] ?? "", purpose: form["purpose"] ?? "",
                                                 categories: categories, by: principal)
            case "record":
                let category = vault.policy.category(form["category"] ?? "")
                var fields: [String: String] = [:]
                for field in category?.fields ?? [] {
                    if let value = form["field." + field]?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty { fields[field] = value }
                }
                let id = form["record"].flatMap { $0.isEmpty ? nil : RecordID(rawValue: $0) }
                _ = try await vault.write(NewRecord(category: form["category"] ?? "", id: id, fields: fields,
                                                    purpose: id == nil ? form["purpose"] : nil), for: subject, by: principal)
            default:
                throw HTTPError(.badRequest)
            }
            return try await personPage(subject, request, context, language: language, done: step)
        } catch let error as VaultError where error.code != .storeFailure && error.code != .rateLimited {
            return try await personPage(subject, request, context, language: language, error: error.message, status: .unprocessableContent)
        }
    }

    /// The form for a new record of a category, or a correction of one record with its values
    /// as `purpose` reads them (audited).
    func recordForm(_ request: Request, _ context: ConsoleRequestContext) async throws -> Response {
        let language = language(request, context)
        let t = pages.texts(language)
        guard let subject = context.parameters.get("subject").flatMap(SubjectID.init(rawValue:)),
              let category = request.uri.queryParameters.get("category").flatMap({ vault.policy.category(String($0)) }) else {
            throw HTTPError(.notFound)
        }
        var current: [String: String] = [:]
        let recordID = request.uri.queryParameters.get("record").map { String($0) }
        if let recordID, let purpose = request.uri.queryParameters.get("purpose") {
            let read = try await vault.read(subject, for: String(purpose), by: try principal(context))
            current = read.records.first { $0.id.rawValue == recordID && $0.category == category.id }?.fields ?? [:]
        }
        let phrases = phrases(language)
        return show(ConsolePage(template: "console-record", title: t[recordID == nil ? "add_record" : "correct_record_title"] ?? "", values: [
            "action": base + "/people/" + subject.rawValue, "back": base + "/people/" + subject.rawValue,
            "category": category.id, "categoryName": category.name.text(in: language), "record": recordID ?? "",
            "isNew": recordID == nil,
            "fields": category.fields.map { ["id": $0, "name": phrases.humanize($0), "value": current[$0] ?? ""] },
            "purposes": vault.policy.purposes(using: category.id).map { ["id": $0.id, "name": $0.name.text(in: language)] },
        ], current: .people), request, context)
    }

    /// A day typed as YYYY-MM-DD, as the start of that day on the legal calendar; empty: now.
    static func day(_ text: String?) throws(VaultError) -> Date? {
        guard let text = text?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
        guard let day = CalendarDate(text) else { throw VaultError(.inputInvalid, "the date must look like 2026-12-31") }
        return WebDates.calendar.startOfDay(day)
    }
}

extension Array where Element: Hashable {
    /// The elements in order, each once.
    func uniqued() -> [Element] {
        var seen: Set<Element> = []
        return filter { seen.insert($0).inserted }
    }
}
