import Foundation
import HTTPTypes
import Hummingbird
import KluisCore
import KluisPages

/// Requests, for the desk: the queue with legal deadlines, and a page per request with every
/// step the command line has (ask for identification, send and check a code, record an identity
/// check, extend or refuse with a reason, fulfil), the letter to the requester, and the access
/// package as the person will see it.
extension Console {
    func requestQueue(_ request: Request, _ context: ConsoleRequestContext) async throws -> Response {
        let language = language(request, context)
        let t = pages.texts(language)
        let filter = request.uri.queryParameters.get("filter").flatMap(RequestFilter.init(rawValue:)) ?? .open
        let rows: [[String: Any]] = try await vault.requests.list(filter).map { requestRow($0, t, language) }
        return show(ConsolePage(template: "console-requests", title: t["requests"] ?? "", values: [
            "requests": rows, "hasRequests": !rows.isEmpty,
            "filters": RequestFilter.allCases.map { ["value": $0.rawValue, "label": t["filter_" + $0.rawValue] ?? "", "current": $0 == filter] },
        ], current: .requests), request, context)
    }

    func requestRow(_ status: RequestStatus, _ t: [String: String], _ language: Language) -> [String: Any] {
        [
            "id": status.request.id.rawValue, "href": base + "/requests/" + status.request.id.rawValue,
            "type": t["type_" + status.request.type.rawValue] ?? status.request.type.rawValue,
            "received": WebDates.day(status.request.receivedAt, in: language),
            "due": status.request.state.isFinal ? "—" : WebDates.day(status.deadlines.due, in: language),
            "state": t["state_" + status.request.state.rawValue] ?? status.request.state.rawValue,
            "overdue": status.isOverdue,
        ]
    }

    func requestPage(_ request: Request, _ context: ConsoleRequestContext) async throws -> Response {
        let language = language(request, context)
        guard let id = context.parameters.get("request").flatMap(RequestID.init(rawValue:)) else { throw HTTPError(.notFound) }
        let status: RequestStatus
        do {
            status = try await vault.requests.status(of: id)
        } catch let error as VaultError where error.code == .requestNotFound {
            return problem(error, request, context, back: base + "/requests")
        }
        return try await requestPage(status, request, context, language: language)
    }

    /// The page of one request; `done` names the step just taken, for its notice.
    private func requestPage(_ status: RequestStatus, _ request: Request, _ context: ConsoleRequestContext, language: Language,
                             done: String? = nil, error: String? = nil, status code: HTTPResponse.Status = .ok) async throws -> Response {
        let t = pages.texts(language)
        let names = try await staff.actorNames()
        let dsr = status.request
        let open = !dsr.state.isFinal
        let verified = dsr.identity != nil
        let letter = RequestLetter(for: status, policy: vault.policy, in: language)
        var values: [String: Any] = [
            "id": dsr.id.rawValue, "action": base + "/requests/" + dsr.id.rawValue,
            "type": t["type_" + dsr.type.rawValue] ?? dsr.type.rawValue,
            "channel": dsr.channel.rawValue, "received": time(dsr.receivedAt, language),
            "state": t["state_" + dsr.state.rawValue] ?? dsr.state.rawValue,
            "subject": dsr.subject.map { ["id": $0.rawValue, "href": base + "/people/" + $0.rawValue] } as Any,
            "categories": dsr.categories.joined(separator: ", "), "purposes": dsr.purposes.joined(separator: ", "),
            "target": WebDates.day(status.deadlines.target, in: language), "deadline": WebDates.day(status.deadlines.due, in: language),
            "monthDeadline": WebDates.day(status.deadlines.monthDeadline, in: language),
            "paused": status.deadlines.isPaused, "overdue": status.isOverdue && open,
            "identity": dsr.identity.map { identity in
                ["method": phrases(language).humanize(identity.method.rawValue), "at": time(identity.verifiedAt, language),
                 "by": names[identity.verifiedBy] ?? identity.verifiedBy]
            } as Any,
            "extension": dsr.extended?.reason as Any, "rejection": dsr.rejection as Any, "outcome": dsr.outcome as Any,
            "history": dsr.history.map { step in
                ["time": time(step.time, language), "actor": names[step.actor] ?? step.actor,
                 "state": t["state_" + step.state.rawValue] ?? step.state.rawValue, "note": step.note ?? ""]
            },
            "letter": ["subject": letter.subject, "body": letter.body],
            // The steps that apply now.
            "mayAskIdentification": open && !verified && dsr.state == .received && dsr.subject != nil,
            "maySendCode": open && !verified && dsr.subject != nil && configuration.outbox != nil
                && vault.policy.rights.identityChecks.contains(.registeredEmail),
            "mayVerify": open && !verified && dsr.subject != nil,
            "methods": vault.policy.rights.identityChecks.filter { $0 != .signedInSession }.map {
                ["value": $0.rawValue, "label": phrases(language).humanize($0.rawValue)]
            },
            "mayExtend": open && dsr.state != .extended, "mayReject": open,
            "mayFulfil": open && (verified || dsr.subject == nil),
            "hasPackage": verified && (dsr.type == .access || dsr.type == .portability),
            "isAccess": dsr.type == .access, "isPortability": dsr.type == .portability,
            "isRectification": dsr.type == .rectification && dsr.proposals?.isEmpty == false,
        ]
        if let done { values["done"] = t["done_" + done] }
        if let error { values["error"] = error }
        return show(ConsolePage(template: "console-request", title: "\(t["request"] ?? "") \(dsr.id.rawValue)", values: values,
                                status: code, current: .requests), request, context)
    }

    /// One step on a request, by the form's `step`.
    func requestStep(_ request: Request, _ context: ConsoleRequestContext) async throws -> Response {
        let language = language(request, context)
        guard let id = context.parameters.get("request").flatMap(RequestID.init(rawValue:)) else { throw HTTPError(.notFound) }
        let principal = try principal(context)
        let form = context.form
        let step = form["step"] ?? ""
        do {
            let status: RequestStatus
            switch step {
            case "identification":
                status = try await vault.requests.askForIdentification(id, by: principal)
            case "send_code":
                guard let outbox = configuration.outbox else { throw VaultError(.requestInvalid, "no outbox is configured to send codes") }
                status = try await vault.requests.sendVerificationCode(id, outbox: outbox, by: principal)
            case "verify":
                guard let method = form["method"].flatMap(IdentityCheck.init(rawValue:)) else {
                    throw VaultError(.requestInvalid, "choose how the requester's identity was checked")
                }
                status = try await vault.requests.verifyIdentity(id, method: method, code: form["code"].flatMap { $0.isEmpty ? nil : $0 },
                                                                 by: principal)
            case "extend":
                status = try await vault.requests.extend(id, reason: form["reason"] ?? "", by: principal)
            case "reject":
                status = try await vault.requests.reject(id, reason: form["reason"] ?? "", by: principal)
            case "fulfil":
                let fulfilment = try await vault.requests.status(of: id).request.type == .rectification
                    ? vault.requests.fulfilAsProposed(id, notifyingRecipientsThrough: configuration.outbox, by: principal)
                    : vault.requests.fulfil(id, notifyingRecipientsThrough: configuration.outbox, by: principal)
                status = fulfilment.request
            default:
                throw HTTPError(.badRequest)
            }
            return try await requestPage(status, request, context, language: language, done: step)
        } catch let error as VaultError where error.code != .storeFailure && error.code != .rateLimited {
            // Nothing changed: the page again, with what was wrong.
            let status = try await vault.requests.status(of: id)
            return try await requestPage(status, request, context, language: language, error: error.message, status: .unprocessableContent)
        } catch let error as VaultError where error.code == .rateLimited {
            return problem(error, request, context, back: base + "/requests/" + id.rawValue)
        }
    }

    /// The access package as the person will get it (HTML), or the portability package (JSON or
    /// CSV), of a verified request. Making it is audited as the export it is.
    func requestPackage(_ request: Request, _ context: ConsoleRequestContext) async throws -> Response {
        let language = language(request, context)
        guard let id = context.parameters.get("request").flatMap(RequestID.init(rawValue:)) else { throw HTTPError(.notFound) }
        let principal = try principal(context)
        do {
            var headers = HTTPFields()
            let body: String
            switch context.parameters.get("format") {
            case "access.html":
                // As the person gets it.
                let package = try await vault.accessPackage(for: id, in: language, by: principal)
                return StandaloneDocument.response(package.document(policy: vault.policy, in: language), policy: vault.policy)
            case "data.json":
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                encoder.dateEncodingStrategy = .iso8601
                headers[.contentType] = "application/json"
                body = String(decoding: try encoder.encode(try await vault.portabilityPackage(for: id, by: principal)), as: UTF8.self)
            case "data.csv":
                headers[.contentType] = "text/csv; charset=utf-8"
                body = try await vault.portabilityPackage(for: id, by: principal).csv
            default:
                throw HTTPError(.notFound)
            }
            return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: body)))
        } catch let error as VaultError {
            return problem(error, request, context, back: base + "/requests/" + id.rawValue)
        }
    }
}
