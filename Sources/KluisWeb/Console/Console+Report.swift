import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdAuth
import KluisCore

/// The accountability report (art. 5(2)), for every role: a period's requests, retention,
/// consents, reads and keys, from counts only; on a page, and as a printable document without
/// the console around it.
extension Console {
    func reportPage(_ request: Request, _ context: ConsoleRequestContext) async throws -> Response {
        try await report(request, context, printable: false)
    }

    func printableReport(_ request: Request, _ context: ConsoleRequestContext) async throws -> Response {
        try await report(request, context, printable: true)
    }

    private func report(_ request: Request, _ context: ConsoleRequestContext, printable: Bool) async throws -> Response {
        let language = language(request, context)
        let t = pages.texts(language)
        let calendar = WebDates.calendar
        let today = calendar.calendarDate(of: vault.now())
        let fromText = request.uri.queryParameters.get("from").map { String($0) } ?? "\(today.year)-01-01"
        let untilText = request.uri.queryParameters.get("until").map { String($0) } ?? today.description
        let report: AccountabilityReport
        do {
            guard let from = try Self.day(fromText), let last = try Self.day(untilText) else {
                throw VaultError(.inputInvalid, "the period needs a first and a last day")
            }
            report = try await vault.accountabilityReport(from: from, until: last + 86_400)
        } catch let error as VaultError {
            return problem(error, request, context, back: base + "/report")
        }
        let phrases = phrases(language)
        func count(_ value: Int) -> String { String(value) }
        let values: [String: Any] = [
            "fromText": fromText, "untilText": untilText,
            "period": "\(WebDates.day(report.from, in: language)) – \(WebDates.day(report.until - 1, in: language))",
            "madeAt": time(report.madeAt, language), "organisation": vault.policy.controller.name,
            "printHref": base + "/report/print?from=\(fromText)&until=\(untilText)",
            "printable": printable,
            "received": RequestType.allCases.map { type in
                ["type": t["type_" + type.rawValue] ?? type.rawValue, "count": report.requestsReceived[type] ?? 0]
            },
            "receivedTotal": report.requestsReceived.values.reduce(0, +),
            "answered": report.requestsAnswered, "refused": report.requestsRefused, "onTime": report.answeredOnTime,
            "late": report.answeredLate, "extended": report.requestsExtended, "openAtEnd": report.openAtEnd,
            "median": report.medianDaysToAnswer.map { $0.formatted(.number.precision(.fractionLength(0...1))) } ?? "—",
            "sweeps": report.sweeps, "deleted": report.recordsDeleted, "anonymised": report.recordsAnonymised,
            "subjectsRemoved": report.subjectsRemoved, "erasures": report.erasures,
            "consents": report.consentEvents.sorted { $0.key < $1.key }.map { ["kind": phrases.humanize($0.key).capitalizedFirst, "count": count($0.value)] },
            "reads": report.reads, "readsRefused": report.readsRefused, "breakGlass": report.breakGlassReads, "exports": report.exports,
            "rotations": report.keyRotations, "keysCreated": report.apiKeysCreated, "keysRevoked": report.apiKeysRevoked,
            "staffChanges": report.staffChanges, "signInsRefused": report.signInsRefused,
            "breaches": report.breaches, "breachesNotified": report.breachesNotified, "breachesLate": report.breachesNotifiedLate,
            "breachesNotNotifiable": report.breachesNotNotifiable, "peopleTold": report.peopleToldOfBreaches,
            "checkpoints": report.checkpoints,
            "lastCheckpoint": report.lastCheckpoint.map {
                CenterTexts.fill(t["chain_checked"] ?? "", ["sequence": String($0.sequence), "time": time($0.verifiedAt, language)])
            } ?? (t["chain_never_checked"] ?? ""),
        ]
        let title = "\(t["report"] ?? "") \(vault.policy.controller.name)"
        guard printable else {
            return show(ConsolePage(template: "console-report", title: t["report"] ?? "", values: values, current: .report), request, context)
        }
        return pages.render(ConsolePage(template: "console-report", title: title, values: values), language: language,
                            session: context.sessions.session, member: context.member, layout: "console-print")
    }
}

extension String {
    /// The text with its first letter in capitals, for a label.
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
