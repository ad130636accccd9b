import Foundation
import HTTPTypes
import Hummingbird
import KluisCore
import KluisPages

/// The breach register: every breach with its 72-hour clock, a new breach from hour zero, and
/// the register to export for an auditor. The owner and the desk keep it; an auditor reads it.
extension Console {
    func breachList(_ request: Request, _ context: ConsoleRequestContext) async throws -> Response {
        let language = language(request, context)
        let t = pages.texts(language)
        let breaches = vault.breaches
        let now = vault.now()
        let rows: [[String: Any]] = try await breaches.all().map { breach in
            [
                "id": breach.id, "href": base + "/breaches/" + breach.id, "summary": String(breach.summary.prefix(120)),
                "state": phrases(language).breachState(breach.state), "aware": time(breach.timeline.awareAt, language),
                "clock": clockText(of: breach, now: now, t, language), "urgent": isUrgent(breach, now: now),
                "told": breach.peopleTold.reduce(0) { $0 + $1.told },
            ]
        }
        return show(ConsolePage(template: "console-breaches", title: t["breaches"] ?? "", values: [
            "breaches": rows, "hasBreaches": !rows.isEmpty, "mayEdit": try member(context).role.mayHandlePersonalData,
            "intro": CenterTexts.fill(t["breaches_intro"] ?? "", ["hours": String(breaches.clock.hours)]),
        ], current: .breaches), request, context)
    }

    /// Where the breach stands against its clock: time left, late by, notified at, or why no
    /// clock runs.
    func clockText(of breach: Breach, now: Date, _ t: [String: String], _ language: Language) -> String {
        let clock = vault.breaches.clock
        if let first = breach.firstNotification {
            let key = clock.isLate(breach, notifiedAt: first.sentAt) ? "clock_notified_late" : "clock_notified"
            return CenterTexts.fill(t[key] ?? "", ["time": time(first.sentAt, language)])
        }
        if breach.state == .withdrawn { return t["clock_withdrawn"] ?? "" }
        if breach.assessment?.tellAuthority.yes == false { return t["clock_not_needed"] ?? "" }
        let left = clock.timeLeft(of: breach, at: now)
        let hours = Int(abs(left) / 3600), minutes = Int(abs(left).truncatingRemainder(dividingBy: 3600) / 60)
        return CenterTexts.fill(t[left >= 0 ? "clock_left" : "clock_late"] ?? "", ["hours": String(hours), "minutes": String(minutes)])
    }

    /// Whether the authority still has to be told and less than a day is left, or it is late.
    func isUrgent(_ breach: Breach, now: Date) -> Bool {
        breach.awaitsNotification && vault.breaches.clock.timeLeft(of: breach, at: now) < 24 * 3600
    }

    func newBreachForm(_ request: Request, _ context: ConsoleRequestContext) async throws -> Response {
        try await breachForm(nil, request, context)
    }

    func editBreachForm(_ request: Request, _ context: ConsoleRequestContext) async throws -> Response {
        try await withBreach(request, context) { breach in try await breachForm(breach, request, context) }
    }

    /// The form, empty, for `breach`, or as posted with what was wrong.
    private func breachForm(_ breach: Breach?, _ request: Request, _ context: ConsoleRequestContext, posted: [String: String]? = nil,
                            error: String? = nil) async throws -> Response {
        let language = language(request, context)
        let t = pages.texts(language)
        var values = BreachForm.values(of: breach, posted: posted, policy: vault.policy, language: language, texts: t)
        values["action"] = base + "/breaches" + (breach.map { "/" + $0.id + "/edit" } ?? "")
        values["isNew"] = breach == nil
        values["isDraft"] = breach?.state == .draft
        if let breach {
            values["back"] = base + "/breaches/" + breach.id
            // What the form was filled in from: saving it fails once someone else amended the
            // breach, instead of undoing that unseen. Shown again after such a failure, the form
            // carries the breach as it is now, so saving again is a choice.
            values["filledInFrom"] = breach.reportFingerprint
        }
        if let error { values["error"] = error }
        let title = breach.map { "\(t["breach_edit"] ?? "") \($0.id)" } ?? (t["breach_new"] ?? "")
        return show(ConsolePage(template: "console-breach-form", title: title, values: values, status: error == nil ? .ok : .unprocessableContent,
                                current: .breaches), request, context)
    }

    /// Opens a breach from the form, as a draft or at once.
    func openBreach(_ request: Request, _ context: ConsoleRequestContext) async throws -> Response {
        let form = context.form
        do {
            let breach = try await vault.breaches.open(try BreachForm(form: form).report(), draft: form["draft"] == "on",
                                                       by: try principal(context))
            return redirect(to: base + "/breaches/" + breach.id, notice: "breach_opened", values: ["id": breach.id], context)
        } catch let error as VaultError where error.code != .storeFailure {
            return try await breachForm(nil, request, context, posted: form, error: error.message)
        }
    }

    func amendBreach(_ request: Request, _ context: ConsoleRequestContext) async throws -> Response {
        try await withBreach(request, context) { breach in
            let form = context.form
            do {
                try await vault.breaches.amend(breach.id, with: try BreachForm(form: form).report(), open: form["open"] == "on",
                                               filledInFrom: form["filled_in_from"].map { [$0] }, by: try principal(context))
                return redirect(to: base + "/breaches/" + breach.id, notice: "breach_amended", context)
            } catch let error as VaultError where error.code != .storeFailure {
                return try await breachForm(try await vault.breaches.breach(breach.id), request, context, posted: form, error: error.message)
            }
        }
    }

    /// The breach of the route's `{breach}`, or a page saying there is none.
    func withBreach(_ request: Request, _ context: ConsoleRequestContext, _ body: (Breach) async throws -> Response) async throws -> Response {
        do {
            let breach = try await vault.breaches.breach(context.parameters.get("breach") ?? "")
            return try await body(breach)
        } catch let error as VaultError where error.code == .breachNotFound {
            return problem(error, request, context, back: base + "/breaches")
        }
    }

    /// The register for an auditor: JSON, CSV, or a page to print. Audited as an export.
    func breachRegister(_ format: String, _ request: Request, _ context: ConsoleRequestContext) async throws -> Response {
        let language = language(request, context)
        let register = try await vault.breaches.register(by: try principal(context))
        var headers = HTTPFields()
        let body: ByteBuffer
        switch format {
        case "json":
            headers[.contentType] = "application/json"
            headers[.contentDisposition] = "attachment; filename=\"breach-register.json\""
            body = ByteBuffer(bytes: register.json())
        case "csv":
            headers[.contentType] = "text/csv; charset=utf-8"
            headers[.contentDisposition] = "attachment; filename=\"breach-register.csv\""
            body = ByteBuffer(string: register.csv())
        default:
            return StandaloneDocument.response(register.document(in: language), policy: vault.policy)
        }
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: body))
    }
}
