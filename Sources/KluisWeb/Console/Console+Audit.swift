import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdAuth
import KluisCore

/// The audit log, for every role: events filtered by person, actor, action and time, newest
/// first, a page at a time; the chain verified in the background; the filtered events exported
/// as CSV, streamed page by page.
extension Console {
    static let auditPageSize = 50

    func auditPage(_ request: Request, _ context: ConsoleRequestContext) async throws -> Response {
        let language = language(request, context)
        let t = pages.texts(language)
        let parameters = request.uri.queryParameters
        let filter: (query: AuditQuery, text: [String: String])
        do {
            filter = try Self.auditQuery(request)
        } catch {
            return problem(error, request, context, back: base + "/audit")
        }
        let before = parameters.get("before").flatMap { Int64($0) }
        let events = try await vault.auditEvents(matching: filter.query, before: before, limit: Self.auditPageSize)
        let names = try await staff.actorNames()
        let phrases = phrases(language)
        let mayOpenPeople = ConsoleMenu.people.roles.contains(try member(context).role)
        let query = filter.text.filter { !$0.value.isEmpty }.sorted { $0.key < $1.key }
            .map { "\($0.key)=\($0.value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")" }.joined(separator: "&")
        var values: [String: Any] = [
            "events": events.map { event in
                [
                    "sequence": event.sequence, "time": time(event.entry.time, language),
                    "actor": names[event.entry.actor] ?? event.entry.actor,
                    "action": phrases.humanize(event.entry.action.rawValue),
                    "subject": event.entry.subject.map { subject in
                        ["id": subject.rawValue, "href": mayOpenPeople ? base + "/people/" + subject.rawValue : ""]
                    } as Any,
                    "purpose": event.entry.purpose ?? "", "categories": event.entry.categories.joined(separator: ", "),
                    "reason": event.entry.reason ?? "", "breakGlass": event.entry.breakGlass, "reduced": event.isReduced,
                    "outcome": event.entry.outcome == .allowed ? "" : phrases.humanize(event.entry.outcome.rawValue),
                ] as [String: Any]
            },
            "hasEvents": !events.isEmpty,
            "filter": filter.text,
            "actions": AuditAction.allCases.map { ["value": $0.rawValue, "label": phrases.humanize($0.rawValue), "selected": $0 == filter.query.action] },
            "exportHref": base + "/audit/export.csv" + (query.isEmpty ? "" : "?" + query),
        ]
        if events.count == Self.auditPageSize, let last = events.last {
            values["older"] = base + "/audit?" + (query.isEmpty ? "" : query + "&") + "before=\(last.sequence)"
        }
        return show(ConsolePage(template: "console-audit", title: t["audit"] ?? "", values: values, current: .audit), request, context)
    }

    /// The query of the page's filters; dates are days on the legal calendar, `until` inclusive.
    static func auditQuery(_ request: Request) throws(VaultError) -> (query: AuditQuery, text: [String: String]) {
        func text(_ name: String) -> String {
            request.uri.queryParameters.get(name).map { String($0).trimmingCharacters(in: .whitespaces) } ?? ""
        }
        var query = AuditQuery()
        if !text("subject").isEmpty {
            guard let subject = SubjectID(rawValue: text("subject")) else { throw VaultError(.inputInvalid, "'person' is not a subject id (sub_…)") }
            query.subject = subject
        }
        if !text("actor").isEmpty { query.actor = text("actor") }
        if !text("action").isEmpty {
            guard let action = AuditAction(rawValue: text("action")) else { throw VaultError(.inputInvalid, "'action' is not an audited action") }
            query.action = action
        }
        query.from = try day(text("from"))
        query.until = try day(text("until")).map { $0 + 86_400 }
        query.breakGlassOnly = text("break_glass") == "on"
        return (query, ["subject": text("subject"), "actor": text("actor"), "action": text("action"), "from": text("from"),
                        "until": text("until"), "break_glass": query.breakGlassOnly ? "on" : ""])
    }

    /// The filtered events as CSV, newest first, written page by page as they are read.
    func auditExport(_ request: Request, _ context: ConsoleRequestContext) async throws -> Response {
        let query: AuditQuery
        do {
            query = try Self.auditQuery(request).query
        } catch {
            return problem(error, request, context, back: base + "/audit")
        }
        let vault = vault
        let member = try member(context)
        try await vault.recordAuditAccess(by: member.id, subject: query.subject, reason: "audit log as CSV")
        var headers = HTTPFields()
        headers[.contentType] = "text/csv; charset=utf-8"
        headers[.contentDisposition] = "attachment; filename=\"audit.csv\""
        return Response(status: .ok, headers: headers, body: ResponseBody { writer in
            try await writer.write(ByteBuffer(string: "sequence,time,actor,action,subject,purpose,categories,reason,outcome,break_glass,hash\r\n"))
            let formatter = ISO8601DateFormatter()
            var before: Int64?
            while true {
                let page = try await vault.auditEvents(matching: query, before: before, limit: 1000)
                var text = ""
                for event in page {
                    let entry = event.entry
                    text += CSV.line([String(event.sequence), formatter.string(from: entry.time), entry.actor, entry.action.rawValue,
                                      entry.subject?.rawValue ?? "", entry.purpose ?? "", entry.categories.joined(separator: " "), entry.reason ?? "",
                                      entry.outcome.rawValue, entry.breakGlass ? "true" : "false", event.hash.hexString])
                }
                try await writer.write(ByteBuffer(string: text))
                guard page.count == 1000, let last = page.last else { break }
                before = last.sequence
            }
            try await writer.finish(nil)
        })
    }

    /// Starts verifying the whole chain in the background and shows its progress.
    func verifyChain(_ request: Request, _ context: ConsoleRequestContext) async throws -> Response {
        let member = try member(context)
        let vault = vault
        let id = jobs.start("verify", owner: member.id, now: vault.now()) { report in
            let verifier = try await vault.verifyAudit { checked in report(["checked": String(checked)]) }
            try await vault.recordAuditAccess(by: member.id, reason: "audit chain verified: \(verifier.isIntact ? "intact" : "broken")")
            var result = ["checked": String(verifier.checked), "intact": verifier.isIntact ? "yes" : "no"]
            if let broken = verifier.firstBroken { result["broken"] = broken.description }
            return result
        }
        return .redirect(to: base + "/jobs/" + id, type: .normal)
    }

    /// A job's page: its progress so far, with a link that shows it anew (the page does not
    /// reload by itself, which would move a screen reader's place every time), or its result.
    func jobPage(_ request: Request, _ context: ConsoleRequestContext) async throws -> Response {
        let language = language(request, context)
        let t = pages.texts(language)
        guard let id = context.parameters.get("job"), let job = jobs.job(id, owner: try member(context).id) else {
            return pages.message("job_gone_title", "job_gone", link: (base, "to_today"), status: .notFound, language: language,
                                 session: context.sessions.session, member: context.member)
        }
        let page = ConsolePage(template: "console-job", title: t["job_" + job.kind] ?? "", values: [
            "started": time(job.started, language), "done": job.ended != nil,
            "progress": CenterTexts.fill(t["progress_" + job.kind] ?? "", job.progress),
            "result": job.result.map { CenterTexts.fill(t["result_" + job.kind + (job.result?["intact"] == "no" ? "_broken" : "")] ?? "", $0) } as Any,
            "failure": job.failure as Any, "href": base + "/jobs/" + id, "back": job.back as Any,
        ])
        return show(page, request, context)
    }
}
