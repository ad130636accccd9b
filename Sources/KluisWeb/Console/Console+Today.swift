import Foundation
import Hummingbird
import KluisCore

/// Today: what needs doing and what happened. Breaches still open with their clocks, requests
/// due soon and overdue with their legal deadlines, records kept without an erase-by date and why, the last retention sweep, the audit
/// chain, and the break-glass reads of the last week with their reasons. No personal value.
extension Console {
    /// How far back the break-glass reads go.
    static let breakGlassWindow: TimeInterval = 7 * 86_400

    func today(_ request: Request, _ context: ConsoleRequestContext) async throws -> Response {
        let language = language(request, context)
        let t = pages.texts(language)
        let now = vault.now()
        let names = try await staff.actorNames()
        let mayOpenRequests = ConsoleMenu.requests.roles.contains(try member(context).role)

        let due = try await vault.requests.list(.dueSoon)
        let open = try await vault.requests.list(.open).count
        let requests: [[String: Any]] = due.map { status in
            [
                "id": status.request.id.rawValue, "href": mayOpenRequests ? base + "/requests/" + status.request.id.rawValue : "",
                "type": t["type_" + status.request.type.rawValue] ?? status.request.type.rawValue,
                "received": WebDates.day(status.request.receivedAt, in: language),
                "due": WebDates.day(status.deadlines.due, in: language),
                "state": t["state_" + status.request.state.rawValue] ?? status.request.state.rawValue,
                "overdue": status.isOverdue,
            ]
        }

        let report = try await vault.retention.report(at: now)
        let undated: [[String: Any]] = report.undated.map { row in
            [
                "category": row.category, "purpose": row.purpose ?? "—", "records": row.records,
                "reason": CenterTexts.fill(t["undated_" + row.reason.rawValue] ?? row.reason.rawValue, ["detail": row.detail ?? ""]),
            ]
        }

        let sweepEvents = try await vault.auditEvents(matching: AuditQuery(actor: Vault.sweepActor, action: .retention), limit: 50)
        let lastSweep = sweepEvents.first.map { last in
            [
                "time": time(last.entry.time, language),
                "lines": sweepEvents.filter { $0.entry.time == last.entry.time }.reversed().map { event in
                    [event.entry.reason ?? "", event.entry.categories.joined(separator: ", "), event.entry.purpose ?? ""]
                        .filter { !$0.isEmpty }.joined(separator: " · ")
                },
            ] as [String: Any]
        }

        let head = try await vault.store.auditHead()
        let checkpoint = try await vault.store.latestAuditCheckpoint()
        let chain: [String: Any] = [
            "events": head?.sequence ?? 0,
            "checked": checkpoint.map { CenterTexts.fill(t["chain_checked"] ?? "", ["sequence": String($0.sequence), "time": time($0.verifiedAt, language)]) }
                ?? (t["chain_never_checked"] ?? ""),
        ]

        let since = now - Self.breakGlassWindow
        let breakGlass: [[String: Any]] = try await vault.auditEvents(matching: AuditQuery(from: since, breakGlassOnly: true), limit: 200).map { event in
            [
                "time": time(event.entry.time, language), "actor": names[event.entry.actor] ?? event.entry.actor,
                "subject": event.entry.subject?.rawValue ?? "—", "categories": event.entry.categories.joined(separator: ", "),
                "reason": event.entry.reason ?? "", "refused": event.entry.outcome == .denied,
            ]
        }

        let breaches: [[String: Any]] = try await vault.breaches.all().filter(\.isActive).map { breach in
            ["id": breach.id, "href": base + "/breaches/" + breach.id, "summary": String(breach.summary.prefix(120)),
             "clock": clockText(of: breach, now: now, t, language), "urgent": isUrgent(breach, now: now)]
        }

        return show(ConsolePage(template: "console-today", title: t["today"] ?? "", values: [
            "breaches": breaches, "hasBreaches": !breaches.isEmpty,
            "requests": requests, "hasRequests": !requests.isEmpty, "openCount": open, "dueCount": due.count,
            "undated": undated, "hasUndated": !undated.isEmpty, "lastSweep": lastSweep as Any, "chain": chain,
            "breakGlass": breakGlass, "hasBreakGlass": !breakGlass.isEmpty,
            "maySweep": try member(context).role.mayManage, "since": WebDates.day(since, in: language),
        ], current: .today), request, context)
    }
}

extension Console {
    /// Starts a retention sweep (or, with `dry_run`, counts what one would remove) in the
    /// background, for the owner, and shows its progress.
    func sweep(_ request: Request, _ context: ConsoleRequestContext) async throws -> Response {
        let member = try member(context)
        let vault = vault
        let dryRun = context.form["dry_run"] == "on"
        let id = jobs.start(dryRun ? "dry_run" : "sweep", owner: member.id, now: vault.now()) { report in
            let sweep = try await vault.retention.sweep(dryRun: dryRun, startedBy: member.id) { removed in report(["records": String(removed)]) }
            return ["records": String(sweep.removed.records), "subjects": String(sweep.removed.subjectsRemoved),
                    "requests": String(sweep.requestsDeleted), "audit": String(sweep.auditEventsReduced)]
        }
        return .redirect(to: base + "/jobs/" + id, type: .normal)
    }
}
