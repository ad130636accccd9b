import Foundation
import HTTPTypes
import Hummingbird
import KluisCore

/// One breach: what the register holds, its clock, the assessment, the people told and the
/// notifications, with the steps the owner and the desk take (record a notification, close,
/// withdraw) and links to edit it, assess it, read the AP text and tell the people.
extension Console {
    func breachPage(_ request: Request, _ context: ConsoleRequestContext) async throws -> Response {
        try await withBreach(request, context) { breach in try await breachPage(breach, request, context) }
    }

    private func breachPage(_ breach: Breach, _ request: Request, _ context: ConsoleRequestContext, error: String? = nil,
                            status code: HTTPResponse.Status = .ok) async throws -> Response {
        let language = language(request, context)
        let t = pages.texts(language)
        let say = phrases(language)
        let names = try await staff.actorNames()
        let now = vault.now()
        let clock = vault.breaches.clock
        let href = base + "/breaches/" + breach.id
        let timeline = breach.timeline
        let categoryNames = breach.categories.map { vault.policy.category($0)?.name.text(in: language) ?? $0 }
        var values: [String: Any] = [
            "id": breach.id, "action": href, "summary": breach.summary,
            "state": say.breachState(breach.state), "incident": say.incident(breach.incident),
            "nature": breach.nature.map(say.nature).joined(separator: "; "),
            "clock": clockText(of: breach, now: now, t, language), "urgent": isUrgent(breach, now: now),
            "deadline": time(clock.deadline(of: breach), language),
            "startedAt": time(timeline.startedAt, language), "endedAt": timeline.ongoing ? (t["ongoing"] ?? "") : time(timeline.endedAt, language),
            "discoveredAt": time(timeline.discoveredAt, language), "awareAt": time(timeline.awareAt, language),
            "processorToldAt": timeline.processorToldAt.map { time($0, language) } as Any,
            "reporter": "\(breach.reporter.name), \(breach.reporter.jobTitle)",
            "contact": breach.contact.map { "\($0.name), \($0.jobTitle)" } as Any,
            "processors": breach.processors.joined(separator: "; "),
            "kinds": breach.dataKinds.map(say.dataKind).joined(separator: "; "), "categories": categoryNames.joined(separator: ", "),
            "records": breach.records.map { "\($0.minimum)–\($0.maximum)" } ?? "—",
            "people": breach.people.map { "\($0.minimum)–\($0.maximum)" } ?? "—",
            "groups": breach.groups.joined(separator: "; "),
            "encrypted": say.yesNo(breach.encrypted), "priorMeasures": breach.priorMeasures as Any,
            "consequences": breach.consequences as Any, "measuresTaken": breach.measuresTaken as Any,
            "measuresPlanned": breach.measuresPlanned as Any, "crossBorder": breach.crossBorder as Any,
            "attachments": breach.attachments.joined(separator: "; "),
            "assessment": breach.assessment.map { assessment in
                [
                    "authority": say.yesNo(assessment.tellAuthority.yes), "authorityReason": assessment.tellAuthority.reason,
                    "people": say.yesNo(assessment.tellPeople.yes), "peopleReason": assessment.tellPeople.reason,
                    "exception": assessment.peopleException.map(say.peopleException) as Any,
                    "severity": assessment.severity.map { String(format: "%.2f", $0.score) + " (" + say.severityLevel($0.level) + ")" } as Any,
                    "by": names[assessment.assessedBy] ?? assessment.assessedBy, "at": time(assessment.assessedAt, language),
                ] as [String: Any]
            } as Any,
            "notifications": breach.notifications.map { notification in
                ["phase": say.notificationPhase(notification.phase), "at": time(notification.sentAt, language),
                 "reference": notification.reference ?? "—", "lateReason": notification.lateReason ?? "",
                 "by": names[notification.by] ?? notification.by]
            },
            "rounds": breach.peopleTold.map { round in
                ["at": time(round.at, language), "by": names[round.by] ?? round.by, "selected": round.selected, "told": round.told,
                 "withoutAddress": round.withoutAddress]
            },
            "hasRounds": !breach.peopleTold.isEmpty,
            "phases": (breach.firstNotification == nil ? [Breach.Notification.Phase.first]
                       : breach.state == .withdrawn ? [.withdrawal] : [.followUp, .withdrawal]).map {
                ["value": $0.rawValue, "label": say.notificationPhase($0)]
            },
            "authorityHref": href + "/authority?phase=" + (breach.firstNotification == nil ? "first" : "follow_up"),
            "mayEdit": try member(context).role.mayHandlePersonalData && breach.isActive,
            "mayAct": try member(context).role.mayHandlePersonalData && breach.state != .withdrawn,
            // A withdrawn breach that was notified still needs its notification withdrawn.
            "mayNotify": try member(context).role.mayHandlePersonalData
                && (breach.state != .withdrawn || breach.firstNotification != nil),
            "isActive": breach.isActive,
        ]
        if let error { values["error"] = error }
        return show(ConsolePage(template: "console-breach", title: "\(t["breach"] ?? "") \(breach.id)", values: values, status: code,
                                current: .breaches), request, context)
    }

    /// A step on the breach, by the form's `step`: a notification, closing, withdrawing.
    func breachStep(_ request: Request, _ context: ConsoleRequestContext) async throws -> Response {
        try await withBreach(request, context) { breach in
            let form = context.form
            let principal = try principal(context)
            let breaches = vault.breaches
            do {
                switch form["step"] {
                case "notify":
                    guard let phase = form["phase"].flatMap(Breach.Notification.Phase.init(rawValue:)) else {
                        throw VaultError(.inputInvalid, "choose the kind of notification")
                    }
                    let sent = form["sent_at"].flatMap { $0.isEmpty ? nil : $0 }
                    let at = try sent.map { text throws(VaultError) in
                        guard let date = WebDates.localMoment(text) else { throw VaultError(.inputInvalid, "'sent_at' is not a day and a time") }
                        return date
                    }
                    try await breaches.recordNotification(breach.id, phase: phase, at: at, reference: form["reference"],
                                                          lateReason: form["late_reason"], by: principal)
                case "close":
                    try await breaches.close(breach.id, by: principal)
                case "withdraw":
                    try await breaches.withdraw(breach.id, reason: form["reason"] ?? "", by: principal)
                default:
                    throw HTTPError(.badRequest)
                }
                return redirect(to: base + "/breaches/" + breach.id, notice: "breach_done_" + (form["step"] ?? ""), context)
            } catch let error as VaultError where error.code != .storeFailure {
                // Nothing changed: the page again, with what was wrong.
                return try await breachPage(breach, request, context, error: error.message, status: .unprocessableContent)
            }
        }
    }
}
