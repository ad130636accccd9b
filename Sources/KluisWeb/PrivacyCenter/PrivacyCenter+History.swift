import Foundation
import Hummingbird
import KluisCore

/// Who used my data, and why: the person's access history in plain words, newest first, paged.
/// Applications are named by their key's name; break-glass reasons are shown as written. The
/// person's own looks at their data are left out; what they changed themselves stays.
extension PrivacyCenter {
    static let historyPageSize = 25

    func history(_ request: Request, _ context: CenterRequestContext) async throws -> Response {
        let subject = try person(context)
        let language = language(request, context)
        let t = pages.texts(language)
        // The person's own looks at their data would bury everyone else's use: left out.
        let events = try await vault.ownAccessHistory(of: subject, by: .person(subject))
            .filter { !($0.actor == subject.rawValue && $0.action == .export) }
        let pageCount = max(1, (events.count + Self.historyPageSize - 1) / Self.historyPageSize)
        let page = min(max(request.uri.queryParameters.get("page").flatMap { Int($0) } ?? 1, 1), pageCount)
        let shown = events.dropFirst((page - 1) * Self.historyPageSize).prefix(Self.historyPageSize)
        let rows: [[String: Any]] = shown.map { event in
            var row: [String: Any] = [
                "when": WebDates.moment(event.time, in: language),
                "who": who(event.actor, subject: subject, t: t),
                "what": what(event, language: language, t: t),
                "why": event.purpose.flatMap { vault.policy.purpose($0)?.name.text(in: language) } ?? "",
                "refused": event.outcome == .denied,
            ]
            if event.breakGlass, let reason = event.reason {
                row["breakGlass"] = CenterTexts.fill(t["break_glass"] ?? "", ["reason": reason])
            }
            return row
        }
        var values: [String: Any] = ["rows": rows, "hasRows": !rows.isEmpty,
                                     "pageLabel": CenterTexts.fill(t["page"] ?? "", ["page": "\(page)", "pages": "\(pageCount)"])]
        values["paged"] = pageCount > 1
        if page > 1 { values["newer"] = page - 1 }
        if page < pageCount { values["older"] = page + 1 }
        return show(CenterPage(template: "history", title: t["history"] ?? "", values: values, current: .history), request, context)
    }

    /// The actor in words: the person, the privacy center, staff, or an application by its name.
    private func who(_ actor: String, subject: SubjectID, t: [String: String]) -> String {
        switch actor {
        case subject.rawValue: t["you"] ?? actor
        case SignInService.actor: t["center_actor"] ?? actor
        case "operator": t["operator"] ?? actor
        default: actor
        }
    }

    /// What was done, with the categories by their names.
    private func what(_ event: AccessPackage.AccessEvent, language: Language, t: [String: String]) -> String {
        let categories = event.categories.compactMap { vault.policy.category($0)?.name.text(in: language) }.joined(separator: ", ")
        let recipient = event.action == .disclosure ? event.reason.flatMap { vault.policy.recipient($0)?.name.text(in: language) } ?? "" : ""
        // The privacy center signs no one in by itself: what it does is send a code.
        let key = event.action == .signIn && event.actor == SignInService.actor ? "did_send_code" : "did_" + event.action.rawValue
        let text = t[key] ?? event.action.rawValue
        return CenterTexts.fill(text, ["categories": categories.isEmpty ? t["your_data"] ?? "" : categories, "recipient": recipient])
    }
}
