import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdAuth
import KluisCore

/// Correct: a person changes the fields of their records where the policy lets them
/// (`correction: self_service`); elsewhere their proposal is filed as a rectification request.
extension PrivacyCenter {
    func corrections(_ request: Request, _ context: CenterRequestContext) async throws -> Response {
        try await correctionPage(request, context)
    }

    func correct(_ request: Request, _ context: CenterRequestContext) async throws -> Response {
        let subject = try person(context)
        let language = language(request, context)
        let data = try await vault.ownData(of: subject, in: language, by: .person(subject))
        guard let categoryID = context.form["category"], let category = vault.policy.category(categoryID),
              let recordID = context.form["record"].flatMap(RecordID.init(rawValue:)),
              let record = data.first(where: { $0.category == categoryID })?.records.first(where: { $0.id == recordID }) else {
            return try await correctionPage(request, context, status: .badRequest)
        }
        let editable = Self.editableFields(of: category, in: record)
        var fields = record.fields
        var changed: [String: String] = [:]
        for name in editable {
            let typed = (context.form["field." + name] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            guard typed != (record.fields[name] ?? "") else { continue }
            changed[name] = typed
            fields[name] = typed.isEmpty ? nil : typed
        }
        guard !changed.isEmpty else {
            return try await correctionPage(request, context, error: (recordID, "no_change"), status: .unprocessableContent)
        }
        if category.correction == .selfService {
            guard !fields.isEmpty else {
                return try await correctionPage(request, context, error: (recordID, "no_change"), status: .unprocessableContent)
            }
            try await vault.write(NewRecord(category: category.id, id: recordID, fields: fields), for: subject, by: .person(subject))
            context.sessions.withLockedSession { $0?.notice = "corrected" }
        } else {
            let proposals = changed.sorted { $0.key < $1.key }.map {
                RequestService.ProposedValue(category: category.id, record: recordID, field: $0.key, value: $0.value)
            }
            noteSent(try await file(.rectification, proposing: proposals, for: subject, context), "correction_requested", request, context)
        }
        return .redirect(to: base + "/correct")
    }

    /// The fields a person may change: the category's, but those that are someone else's part
    /// of a shared record.
    static func editableFields(of category: DataCategory, in record: AccessPackage.ExportedRecord) -> [String] {
        let redacted = Set(record.redacted?.flatMap(\.fields) ?? [])
        return category.fields.filter { !redacted.contains($0) }
    }

    private func correctionPage(_ request: Request, _ context: CenterRequestContext, error: (RecordID, String)? = nil,
                                status: HTTPResponse.Status = .ok) async throws -> Response {
        let subject = try person(context)
        let language = language(request, context)
        let t = pages.texts(language)
        let say = Phrases(language)
        let categories: [[String: Any]] = try await vault.ownData(of: subject, in: language, by: .person(subject)).compactMap { data in
            guard let category = vault.policy.category(data.category) else { return nil }
            let records: [[String: Any]] = data.records.enumerated().map { index, record in
                var legend = data.name
                if data.records.count > 1 {
                    legend += " · \(t["record"] ?? "") \(index + 1) · \(t["added"] ?? "") \(WebDates.day(record.createdAt, in: language))"
                }
                var values: [String: Any] = [
                    "category": category.id, "record": record.id.rawValue, "legend": legend,
                    "fields": Self.editableFields(of: category, in: record).map { name in
                        ["name": name, "label": say.humanize(name), "value": record.fields[name] ?? "", "inputID": "f-\(record.id.rawValue)-\(name)"]
                    },
                ]
                if let error, error.0 == record.id { values["error"] = t[error.1] }
                return values
            }
            return ["id": category.id, "name": data.name, "selfService": category.correction == .selfService, "records": records]
        }
        return show(CenterPage(template: "correct", title: t["correct"] ?? "", values: ["categories": categories], status: status,
                               current: .correct), request, context)
    }
}
