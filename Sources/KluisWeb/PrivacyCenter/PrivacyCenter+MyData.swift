import Foundation
import Hummingbird
import KluisCore

/// "My data": what the vault holds of the person, by category, why, since and until when,
/// where it came from and with whom it was shared. Read as the person's own access (art. 15).
extension PrivacyCenter {
    func myData(_ request: Request, _ context: CenterRequestContext) async throws -> Response {
        let subject = try person(context)
        let language = language(request, context)
        let t = pages.texts(language)
        let package = try await vault.ownAccessPackage(of: subject, in: language, by: .person(subject))
        let say = Phrases(language)
        let categories: [[String: Any]] = package.data.map { data in
            let purposes = package.purposes.filter { $0.categories.contains(data.category) }
            let eraseBy = package.retention.first { $0.category == data.category }?.eraseBy
            let shared = Array(Set(package.disclosures.filter { $0.categories.contains(data.category) }.map(\.name))).sorted()
            let source = package.sources.first { $0.category == data.category }?.source ?? say.origin(data.origin)
            let records: [[String: Any]] = data.records.enumerated().map { index, record in
                let caption = data.records.count > 1
                    ? "\(t["record"] ?? "") \(index + 1) · \(t["added"] ?? "") \(WebDates.day(record.createdAt, in: language))"
                    : "\(t["added"] ?? "") \(WebDates.day(record.createdAt, in: language))"
                return ["caption": caption,
                        "fields": record.fields.sorted { $0.key < $1.key }.map { ["name": say.humanize($0.key), "value": $0.value] }]
            }
            var values: [String: Any] = [
                "id": data.category, "name": data.name, "origin": source, "records": records,
                "purposes": purposes.enumerated().map { index, purpose in
                    ["name": purpose.name, "basis": purpose.legalBasis, "since": WebDates.day(purpose.since, in: language),
                     "last": index == purposes.count - 1] as [String: Any]
                },
                "sharedWith": shared.enumerated().map { index, name in ListItem(text: name, last: index == shared.count - 1) },
            ]
            if let eraseBy { values["until"] = WebDates.day(eraseBy, in: language) }
            return values
        }
        let breaches: [[String: Any]] = package.breaches.map { breach in
            var values: [String: Any] = ["id": breach.breach, "told": WebDates.day(breach.toldAt, in: language), "summary": breach.summary]
            if let consequences = breach.consequences { values["consequences"] = consequences }
            if let measures = breach.measures, !measures.isEmpty { values["measures"] = measures }
            return values
        }
        return show(CenterPage(template: "my-data", title: t["my_data"] ?? "", values: ["categories": categories, "breaches": breaches,
                                                                                        "hasBreaches": !breaches.isEmpty],
                               current: .myData), request, context)
    }
}

/// A list item for a template that separates items with commas: its text, and whether it is
/// the last.
struct ListItem {
    let text: String
    let last: Bool
}
