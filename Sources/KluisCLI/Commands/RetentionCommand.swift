import ArgumentParser
import Foundation
import KluisCore

/// `kluis retention`: sweeps, legal holds and what anonymisation left.
struct RetentionCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "retention",
        abstract: "Sweep what is past its retention, report what is kept and why, place and release legal holds, list anonymous records.",
        subcommands: [RetentionSweepCommand.self, RetentionReportCommand.self, RetentionHoldCommand.self, RetentionAnonymousCommand.self]
    )
}

/// `kluis retention sweep [--dry-run] [--now DATE]`.
struct RetentionSweepCommand: ContextualCommand {
    static let configuration = CommandConfiguration(
        commandName: "sweep",
        abstract: "Delete or anonymise every record past its retention, reduce old audit events, delete old request files.",
        discussion: "The report gives counts per purpose and category, never values, and goes into the audit log. `kluis serve` sweeps on its own every --sweep-interval seconds."
    )

    @OptionGroup var vault: VaultOptions
    @Flag(help: "Count what would go; remove nothing.") var dryRun = false
    @Option(help: "Sweep as if it were this moment: YYYY-MM-DD (the start of that day, Dutch time) or an ISO 8601 time. Default: now.")
    var now: String?
    @Flag(help: "Print the report as JSON.") var json = false

    func run(in context: CommandContext) async throws -> Int32 {
        let moment = try now.map(Self.moment)
        let report = try await vault.withVault(in: context) { try await $0.retention.sweep(at: moment, dryRun: dryRun) }
        context.write(json ? try Self.json(report) : Self.text(report))
        return 0
    }

    static func moment(_ text: String) throws -> Date {
        if let date = CalendarDate(text), let start = LegalCalendar().startOfDay(date) { return start }
        if let time = try? Date(text, strategy: .iso8601) { return time }
        throw CommandFailure("--now must be a date (YYYY-MM-DD) or an ISO 8601 time, such as 2027-01-31 or 2027-01-31T12:00:00Z")
    }

    static func text(_ report: SweepReport) -> String {
        let verb = report.dryRun ? "would go" : "gone"
        var text = "retention sweep as of \(report.time.formatted(Date.ISO8601FormatStyle()))\(report.dryRun ? " (dry run)" : "")\n"
        if report.removed.counts.isEmpty {
            text += "nothing is past its retention\n"
        } else {
            text += "purpose\tcategory\taction\trecords\n"
            for count in report.removed.counts {
                text += "\(count.purpose ?? "-")\t\(count.category)\t\(count.action.rawValue)\t\(count.records)\n"
            }
            text += "\(report.removed.records) records \(verb)"
            text += report.dryRun ? "\n" : "; \(report.removed.subjectsRemoved) people had nothing left and were removed\n"
        }
        if report.rescheduled > 0 { text += "\(report.rescheduled) erase-by dates recomputed for changed retention terms\n" }
        if report.auditEventsReduced > 0 { text += "\(report.auditEventsReduced) audit events reduced\n" }
        if report.requestsDeleted > 0 { text += "\(report.requestsDeleted) closed requests deleted\n" }
        return text
    }

    static func json(_ report: SweepReport) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        return String(decoding: try encoder.encode(report), as: UTF8.self) + "\n"
    }
}

/// `kluis retention hold SUBJECT HOLD [--release]`.
struct RetentionHoldCommand: ContextualCommand {
    static let configuration = CommandConfiguration(
        commandName: "hold",
        abstract: "Place a legal hold of the policy on a person (a dispute, a report followed up), or release it.",
        discussion: "While a hold is in force, the clocks of the purposes it belongs to stop; after release, what is past its retention goes at the next sweep."
    )

    @OptionGroup var vault: VaultOptions
    @Argument(help: "The subject id (sub_…).") var subject: String
    @Argument(help: "The hold's id in the policy.") var hold: String
    @Flag(help: "Release the hold instead of placing it.") var release = false

    func run(in context: CommandContext) async throws -> Int32 {
        let subject = try SubjectIDArgument.parse(self.subject)
        try await vault.withVault(in: context) { vault in
            if release {
                try await vault.retention.releaseHold(hold, on: subject, by: RequestsCommand.operator_)
            } else {
                try await vault.retention.placeHold(hold, on: subject, by: RequestsCommand.operator_)
            }
        }
        context.write("\(release ? "released" : "placed") hold '\(hold)' on \(subject)\n")
        return 0
    }
}

/// `kluis retention anonymous [--category C]`.
struct RetentionAnonymousCommand: ContextualCommand {
    static let configuration = CommandConfiguration(
        commandName: "anonymous",
        abstract: "List the anonymous records anonymisation left, as JSON lines."
    )

    @OptionGroup var vault: VaultOptions
    @Option(help: "Only this category.") var category: String?
    @Option(help: "At most this many.") var limit = 1000

    func run(in context: CommandContext) async throws -> Int32 {
        let records = try await vault.withVault(in: context) { vault in
            if let category, vault.policy.category(category) == nil {
                throw CommandFailure("'\(category)' is not a category of the policy")
            }
            return try await vault.retention.anonymousRecords(category: category, limit: limit)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        var text = ""
        for record in records { text += String(decoding: try encoder.encode(record), as: UTF8.self) + "\n" }
        context.write(text)
        return 0
    }
}
