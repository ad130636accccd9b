import ArgumentParser
import Foundation
import KluisCore

/// `kluis breaches`: the breach register (arts. 33-34) at the command line — opening a breach
/// from a file, its 72-hour clock, the assessment, the notifications to the authority with the
/// text for its form, the people told, the export for an auditor, and the reminders for cron.
struct BreachesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "breaches",
        abstract: "Keep the register of personal data breaches and notify them in time.",
        discussion: """
            Every breach goes in the register, notified or not (art. 33(5)). The authority must be told \
            within 72 real hours of awareness unless the breach is unlikely to result in a risk; times are \
            shown in Dutch time. See docs/breaches.md for the file a breach is opened from.
            """,
        subcommands: [
            BreachesOpenCommand.self, BreachesListCommand.self, BreachesShowCommand.self, BreachesUpdateCommand.self,
            BreachesAssessCommand.self, BreachesNotifyCommand.self, BreachesPeopleCommand.self, BreachesExportCommand.self,
            BreachesCloseCommand.self, BreachesWithdrawCommand.self, BreachesRemindCommand.self,
        ]
    )

    /// The operator at the command line.
    static let operator_ = Principal.commandLine(purposes: [])

    /// Times as the AP's form reads them: Dutch time, written as ISO 8601 with the offset.
    static let timeStyle = Date.ISO8601FormatStyle(timeZoneSeparator: .colon, timeZone: LegalCalendar().calendar.timeZone)

    static func time(_ date: Date) -> String {
        date.formatted(timeStyle)
    }

    /// An ISO 8601 time with its offset (2026-11-20T09:30:00+01:00 or …Z), or `nil`.
    static func time(from text: String) -> Date? {
        try? Date(text.trimmingCharacters(in: .whitespaces), strategy: .iso8601)
    }

    /// The ISO 8601 time given to `option`, or a refusal naming it.
    static func time(_ text: String, option: String) throws(CommandFailure) -> Date {
        guard let date = time(from: text) else {
            throw CommandFailure("\(option) must be an ISO 8601 time with its offset, such as 2026-11-20T09:30:00+01:00")
        }
        return date
    }

    /// "71h 59m", or "5 days" when it is longer than four.
    static func span(_ seconds: TimeInterval) -> String {
        let minutes = Int(seconds.magnitude / 60)
        guard minutes < 96 * 60 else { return "\(minutes / 1440) days" }
        return "\(minutes / 60)h \(minutes % 60)m"
    }

    /// Where the breach stands against its clock: time left, late by, when the authority was
    /// told, or why no clock runs.
    static func clock(of breach: Breach, clock: BreachClock, now: Date) -> String {
        if let first = breach.firstNotification {
            let late = first.sentAt.timeIntervalSince(clock.deadline(of: breach))
            return "notified at \(time(first.sentAt))" + (late > 0 ? " (late by \(span(late)))" : "")
        }
        if breach.state == .withdrawn { return "withdrawn" }
        if breach.assessment?.tellAuthority.yes == false { return "no notification needed (assessed)" }
        let left = clock.timeLeft(of: breach, at: now)
        return left >= 0 ? "\(span(left)) left" : "late by \(span(-left))"
    }

    /// A breach id as given on the command line.
    static func parseID(_ text: String) throws(CommandFailure) -> String {
        guard text.hasPrefix("brc_"), text.count <= 64 else { throw CommandFailure("'\(text.prefix(64))' is not a breach id (brc_…)") }
        return text
    }

    /// The report in `file`, read before the vault is opened: a file that cannot be read changes
    /// nothing.
    static func report(in file: String, context: CommandContext) throws(CommandFailure) -> BreachReport {
        try BreachFile.report(from: context.readText(file), file: file)
    }

    /// Runs the register's `body`, naming the file's key when the policy does not know a category
    /// it lists; the vault's other refusals name their field already.
    static func saving<T>(_ file: String, _ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as VaultError where error.code == .categoryUnknown {
            throw CommandFailure("\(file): 'categories': \(error.message)")
        }
    }

    /// JSON as the register's export writes it: snake_case keys, ISO 8601 times.
    static func json(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        encoder.keyEncodingStrategy = .convertToSnakeCase
        return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
    }
}

extension Breach.Notification.Phase: ExpressibleByArgument {}
extension BreachAssessment.PeopleException: ExpressibleByArgument {}

/// `kluis breaches open --file breach.yaml [--draft]`.
struct BreachesOpenCommand: ContextualCommand {
    static let configuration = CommandConfiguration(
        commandName: "open",
        abstract: "Open a breach in the register from a YAML or JSON file; prints its id and deadline.",
        discussion: "The file holds the report in snake_case (docs/breaches.md): summary, incident, times, reporter, what was exposed and done. Unknown keys and bad values are refused, naming the key, and nothing is stored. The clock runs from aware_at, draft or not."
    )

    @OptionGroup var vault: VaultOptions
    @Option(help: "The breach report: YAML or JSON.") var file: String
    @Flag(help: "Open it as a draft while it is being written up; the clock runs all the same.") var draft = false

    func run(in context: CommandContext) async throws -> Int32 {
        let report = try BreachesCommand.report(in: file, context: context)
        let (breach, clock, now) = try await vault.withVault(in: context) { opened in
            let breach = try await BreachesCommand.saving(file) {
                try await opened.breaches.open(report, draft: draft, by: BreachesCommand.operator_)
            }
            return (breach, opened.breaches.clock, opened.now())
        }
        context.write("""
            breach \(breach.id) opened\(draft ? " as a draft" : "")
              deadline \(BreachesCommand.time(clock.deadline(of: breach))) (\(clock.hours) hours from awareness): \
            \(BreachesCommand.clock(of: breach, clock: clock, now: now))

            """)
        return 0
    }
}

/// `kluis breaches update ID --file breach.yaml [--open] [--if-match VERSION]`.
struct BreachesUpdateCommand: ContextualCommand {
    static let configuration = CommandConfiguration(
        commandName: "update",
        abstract: "Amend a draft or open breach: the file replaces what the register knows of it.",
        discussion: """
            The file has the shape of the one it was opened from. Its notifications, assessment and people told stay. \
            With --if-match, the report version 'kluis breaches show' printed when the file was written, nothing is \
            saved when someone amended the breach since.
            """
    )

    @OptionGroup var vault: VaultOptions
    @Argument(help: "The breach id (brc_…).") var id: String
    @Option(help: "The breach report: YAML or JSON.") var file: String
    @Flag(help: "Open a draft: it is no longer being written up.") var open = false
    @Option(name: .customLong("if-match"), help: "The report version the file was written from ('kluis breaches show').")
    var ifMatch: String?

    func run(in context: CommandContext) async throws -> Int32 {
        let id = try BreachesCommand.parseID(id)
        let report = try BreachesCommand.report(in: file, context: context)
        let versions = ifMatch.map { Set([$0.trimmingCharacters(in: .whitespaces)]) }
        let breach = try await vault.withVault(in: context) { opened in
            try await BreachesCommand.saving(file) {
                try await opened.breaches.amend(id, with: report, open: open, filledInFrom: versions, by: BreachesCommand.operator_)
            }
        }
        context.write("breach \(breach.id) amended; it is \(breach.state.rawValue)\n")
        return 0
    }
}

/// `kluis breaches close ID`.
struct BreachesCloseCommand: ContextualCommand {
    static let configuration = CommandConfiguration(commandName: "close", abstract: "Close a breach that is dealt with; it stays in the register.")

    @OptionGroup var vault: VaultOptions
    @Argument(help: "The breach id (brc_…).") var id: String

    func run(in context: CommandContext) async throws -> Int32 {
        let id = try BreachesCommand.parseID(id)
        let breach = try await vault.withVault(in: context) { try await $0.breaches.close(id, by: BreachesCommand.operator_) }
        context.write("breach \(breach.id) is closed; it stays in the register\n")
        return 0
    }
}

/// `kluis breaches withdraw ID --reason TEXT`.
struct BreachesWithdrawCommand: ContextualCommand {
    static let configuration = CommandConfiguration(
        commandName: "withdraw",
        abstract: "Withdraw a breach found not to be one; it stays in the register with the reason.",
        discussion: "A notification the authority already has is withdrawn with 'kluis breaches notify ID --phase withdrawal'."
    )

    @OptionGroup var vault: VaultOptions
    @Argument(help: "The breach id (brc_…).") var id: String
    @Option(help: "Why it is not a breach, without personal data.") var reason: String

    func run(in context: CommandContext) async throws -> Int32 {
        let id = try BreachesCommand.parseID(id)
        let breach = try await vault.withVault(in: context) { try await $0.breaches.withdraw(id, reason: reason, by: BreachesCommand.operator_) }
        context.write("breach \(breach.id) is withdrawn; it stays in the register with the reason\n")
        return 0
    }
}

/// `kluis breaches remind`: once, for cron on a node that does not serve.
struct BreachesRemindCommand: ContextualCommand {
    static let configuration = CommandConfiguration(
        commandName: "remind",
        abstract: "Send the breach reminders that are due, once; prints how many breaches were reminded of.",
        discussion: "While the authority has not been told, a reminder goes at the hours of the policy's breaches.remind_at (default 24, 48 and 66 hours after awareness) to the breach's contact, its reporter and breaches.report_to. 'kluis serve' does this every five minutes when it has an outbox; run this from cron otherwise. With --sendmail the messages go to that program; otherwise they are written as .eml files to --outbox (default DATA/outbox)."
    )

    @OptionGroup var vault: VaultOptions
    @Option(help: "The outbox directory for .eml files.") var outbox: String?
    @Option(help: "A sendmail-compatible program, e.g. /usr/sbin/sendmail.") var sendmail: String?
    @Option(help: "The sender address with --sendmail; default the policy's request contact.") var mailFrom: String?

    func run(in context: CommandContext) async throws -> Int32 {
        let reminded = try await vault.withVault(in: context) { opened in
            let outbox = try OutboxOptions.outbox(directory: outbox, sendmail: sendmail, from: OutboxOptions.sender(mailFrom, policy: opened.policy, in: context),
                                                  data: vault.store.dataDirectory(in: context), in: context)
            return try await opened.breaches.sendDueReminders(through: outbox)
        }
        context.write("\(reminded) breach\(reminded == 1 ? "" : "es") reminded of\n")
        return 0
    }
}
