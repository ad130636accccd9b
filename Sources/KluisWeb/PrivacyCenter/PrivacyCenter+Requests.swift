import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdAuth
import KluisCore

/// My requests: each with its state, the day the answer is due, an extension and its reason,
/// the answer; and a form to make a new one, verified by the sign-in.
extension PrivacyCenter {
    func requests(_ request: Request, _ context: CenterRequestContext) async throws -> Response {
        let subject = try person(context)
        let language = language(request, context)
        let t = pages.texts(language)
        let found = try await vault.requests.list(.all, subject: subject)
        let rows: [[String: Any]] = found.map { status in
            let request = status.request
            var notes: [String] = []
            if let extended = request.extended {
                notes.append(CenterTexts.fill(t["extended"] ?? "", ["date": WebDates.day(status.deadlines.extendedDeadline, in: language),
                                                                  "reason": extended.reason]))
            }
            if let rejection = request.rejection { notes.append(CenterTexts.fill(t["rejection"] ?? "", ["reason": rejection])) }
            if let outcome = request.outcome { notes.append(CenterTexts.fill(t["outcome"] ?? "", ["outcome": outcome])) }
            var row: [String: Any] = [
                "id": request.id.rawValue, "type": t["type_" + request.type.rawValue] ?? request.type.rawValue,
                "received": WebDates.day(request.receivedAt, in: language), "state": t["state_" + request.state.rawValue] ?? "",
                "notes": notes,
            ]
            if !request.state.isFinal { row["due"] = WebDates.day(status.deadlines.due, in: language) }
            return row
        }
        let types = RequestType.allCases.enumerated().map { index, type in
            ["value": type.rawValue, "label": t["type_" + type.rawValue] ?? type.rawValue, "first": index == 0] as [String: Any]
        }
        return show(CenterPage(template: "requests", title: t["requests"] ?? "", values: ["requests": rows, "types": types],
                               current: .requests), request, context)
    }

    func submitRequest(_ request: Request, _ context: CenterRequestContext) async throws -> Response {
        let subject = try person(context)
        guard let type = context.form["type"].flatMap(RequestType.init(rawValue:)) else {
            return try await requests(request, context)
        }
        let status = try await file(type, for: subject, context)
        noteSent(status, "request_sent", request, context)
        return .redirect(to: base + "/requests")
    }

    /// Files a request of the person, verified by how they signed in.
    func file(_ type: RequestType, categories: [String] = [], proposing proposals: [RequestService.ProposedValue] = [],
              for subject: SubjectID, _ context: CenterRequestContext) async throws -> RequestStatus {
        try await vault.requests.submitOwn(type, categories: categories, proposing: proposals,
                                           signedInBy: context.sessions.session?.signedInBy ?? .registeredEmail, by: .person(subject))
    }

    /// Leaves a notice for the next page that the request was sent, with the day it is due.
    func noteSent(_ status: RequestStatus, _ key: String, _ request: Request, _ context: CenterRequestContext) {
        context.sessions.withLockedSession { session in
            session?.notice = key
            session?.noticeDate = status.deadlines.due
        }
    }
}
