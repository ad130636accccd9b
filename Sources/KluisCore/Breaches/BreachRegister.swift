import Foundation

/// The whole breach register for an auditor or the authority (art. 33(5)): every breach,
/// notified or not, with its clock, as JSON, CSV or a printable document.
public struct BreachRegister: Sendable, Codable {
    public var controller: String
    public var exportedAt: Date
    public var breaches: [Entry]

    /// A breach with what its clock says.
    public struct Entry: Sendable, Codable {
        public var breach: Breach
        public var deadline: Date
        /// When the authority was first told; `nil` when not (yet).
        public var notifiedAt: Date?
        /// Whether the first notification came, or is now, later than the deadline.
        public var late: Bool
        /// People told of it, over every round.
        public var peopleTold: Int

        enum CodingKeys: String, CodingKey {
            case breach, deadline, late
            case notifiedAt = "notified_at"
            case peopleTold = "people_told"
        }
    }

    enum CodingKeys: String, CodingKey {
        case controller, breaches
        case exportedAt = "exported_at"
    }

    public init(breaches: [Breach], policy: Policy, clock: BreachClock, now: Date) {
        controller = policy.controller.name
        exportedAt = now
        self.breaches = breaches.map { breach in
            let notified = breach.firstNotification?.sentAt
            return Entry(breach: breach, deadline: clock.deadline(of: breach), notifiedAt: notified,
                         late: breach.needsNotification && clock.isLate(breach, notifiedAt: notified ?? now),
                         peopleTold: breach.peopleTold.reduce(0) { $0 + $1.told })
        }
    }

    public func json() -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        encoder.keyEncodingStrategy = .convertToSnakeCase
        // Encoding plain values cannot fail.
        return try! encoder.encode(self)
    }

    public static let csvColumns = ["id", "state", "summary", "incident", "aware_at", "deadline", "notified_at", "late", "reference",
                                    "data_kinds", "people_min", "people_max", "records_min", "records_max", "encrypted",
                                    "tell_authority", "tell_people", "people_told", "measures_taken"]

    /// One line per breach.
    public func csv() -> String {
        let time = Date.ISO8601FormatStyle()
        func decision(_ decision: BreachAssessment.Decision?) -> String { decision.map { $0.yes ? "yes" : "no" } ?? "" }
        return CSV.line(Self.csvColumns) + breaches.map { entry in
            let breach = entry.breach
            return CSV.line([breach.id, breach.state.rawValue, breach.summary, breach.incident.rawValue, breach.timeline.awareAt.formatted(time),
                             entry.deadline.formatted(time), entry.notifiedAt?.formatted(time) ?? "", entry.late ? "yes" : "no",
                             breach.notifications.compactMap(\.reference).joined(separator: " "),
                             breach.dataKinds.map(\.rawValue).joined(separator: " "),
                             breach.people.map { "\($0.minimum)" } ?? "", breach.people.map { "\($0.maximum)" } ?? "",
                             breach.records.map { "\($0.minimum)" } ?? "", breach.records.map { "\($0.maximum)" } ?? "",
                             breach.encrypted.map { $0 ? "yes" : "no" } ?? "",
                             decision(breach.assessment?.tellAuthority), decision(breach.assessment?.tellPeople),
                             "\(entry.peopleTold)", breach.measuresTaken ?? ""])
        }.joined()
    }

    /// The register to print: one section per breach, with its clock, decisions and notifications.
    public func document(in language: Language) -> Document {
        let say = Phrases(language)
        let sections = breaches.map { entry -> Document.Section in
            let breach = entry.breach
            var rows = [
                [say.pick("Stand", "State"), say.breachState(breach.state)],
                [say.pick("Soort incident", "Type of incident"), say.incident(breach.incident)],
                [say.pick("Vastgesteld", "Aware at"), say.moment(breach.timeline.awareAt)],
                [say.pick("Uiterlijk melden", "Notify by"), say.moment(entry.deadline)],
                [say.pick("Gemeld aan de AP", "Notified to the authority"),
                 entry.notifiedAt.map(say.moment) ?? say.pick("Niet (nog niet)", "No (not yet)")],
                [say.pick("Te laat", "Late"), say.yesNo(entry.late)],
                [say.pick("Soorten gegevens", "Kinds of data"), breach.dataKinds.map(say.dataKind).joined(separator: "; ")],
                [say.pick("Betrokkenen", "People"), breach.people.map { "\($0.minimum)–\($0.maximum)" } ?? "—"],
                [say.pick("Gevolgen", "Consequences"), breach.consequences ?? "—"],
                [say.pick("Maatregelen", "Measures"), [breach.measuresTaken, breach.measuresPlanned].compactMap { $0 }.joined(separator: " ")],
                [say.pick("Betrokkenen ingelicht", "People told"), "\(entry.peopleTold)"],
            ]
            if let assessment = breach.assessment {
                rows.append([say.pick("Melden aan de AP", "Tell the authority"),
                             say.yesNo(assessment.tellAuthority.yes) + ": " + assessment.tellAuthority.reason])
                rows.append([say.pick("Betrokkenen inlichten", "Tell the people"),
                             say.yesNo(assessment.tellPeople.yes) + ": " + assessment.tellPeople.reason])
                if let severity = assessment.severity {
                    rows.append([say.pick("Ernst (ENISA, hulpmiddel)", "Severity (ENISA, an aid)"),
                                 String(format: "%.2f", severity.score) + " (" + say.severityLevel(severity.level) + ")"])
                }
            }
            for notification in breach.notifications {
                rows.append([say.notificationPhase(notification.phase),
                             say.moment(notification.sentAt) + (notification.reference.map { " · " + $0 } ?? "")
                                 + (notification.lateReason.map { " · " + $0 } ?? "")])
            }
            return Document.Section(anchor: breach.id, title: "\(breach.id): \(breach.summary.prefix(80))", blocks: [
                .paragraph([.text(breach.summary)]),
                .table(headers: [say.pick("Onderdeel", "Item"), say.pick("Gegevens", "Details")], rows: rows),
            ])
        }
        return Document(language: language, title: say.pick("Register van datalekken", "Register of personal data breaches"),
                        subtitle: "\(controller) · \(say.moment(exportedAt))",
                        sections: sections.isEmpty ? [Document.Section(anchor: "leeg", title: say.pick("Geen datalekken", "No breaches"),
                                                                       blocks: [.paragraph([.text(say.pick("Er zijn geen datalekken geregistreerd.", "No breaches are registered."))])])]
                            : sections)
    }
}

extension BreachService {
    /// The whole register, with each breach's clock, for anyone who may read it (an auditor
    /// too: it holds no one's data but the reporters'); the export is audited.
    public func register(by principal: Principal) async throws -> BreachRegister {
        let register = BreachRegister(breaches: try await all(), policy: vault.policy, clock: clock, now: vault.now())
        try await vault.committer.commit([], audit: [
            AuditEntry(time: vault.now(), actor: principal.id, action: .breach, reason: "register exported (\(register.breaches.count) breaches)"),
        ])
        return register
    }

    /// The text for the AP's form for `phase` of the breach.
    public func authorityText(of id: String, phase: Breach.Notification.Phase) async throws -> BreachAuthorityText {
        BreachAuthorityText(breach: try await breach(id), policy: vault.policy, phase: phase, clock: clock, now: vault.now())
    }
}
