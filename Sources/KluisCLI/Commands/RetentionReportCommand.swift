import ArgumentParser
import Foundation
import KluisCore

/// `kluis retention report [--now DATE] [--json]`.
struct RetentionReportCommand: ContextualCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Count what is kept and why: records by category and purpose, dated or undated with the reason, and the purposes that apply to people.",
        discussion: "No values, identifiers or subject ids: counts only. An undated record is kept until an event (awaiting_event), a legal hold's release (hold) or the lifting of a restriction (restriction). 'inherited' counts people whose data was written before Kluis recorded what it was collected for; it is treated as collected for every purpose of its category that needs neither consent nor an event."
    )

    @OptionGroup var vault: VaultOptions
    @Option(help: "Count due records as of this moment: YYYY-MM-DD (the start of that day, Dutch time) or an ISO 8601 time. Default: now.")
    var now: String?
    @Flag(help: "Print the report as JSON.") var json = false

    func run(in context: CommandContext) async throws -> Int32 {
        let moment = try now.map(RetentionSweepCommand.moment)
        let report = try await vault.withVault(in: context) { try await $0.retention.report(at: moment) }
        context.write(json ? try Self.json(report) : Self.text(report))
        return 0
    }

    static func text(_ report: RetentionReport) -> String {
        let time = { (date: Date) in date.formatted(Date.ISO8601FormatStyle()) }
        var text = "retention report as of \(time(report.time))\n"
        if report.dated.isEmpty && report.undated.isEmpty { return text + "no records are held\n" }
        if !report.dated.isEmpty {
            text += "\ndated\ncategory\tpurpose\trecords\tdue now\tnext due\n"
            for row in report.dated {
                text += "\(row.category)\t\(row.purpose ?? "-")\t\(row.records)\t\(row.due)\t\(time(row.next))\n"
            }
        }
        text += "\nundated\n"
        if report.undated.isEmpty {
            text += "every record has an erase-by date\n"
        } else {
            text += "category\tpurpose\treason\trecords\n"
            for row in report.undated {
                text += "\(row.category)\t\(row.purpose ?? "-")\t\(row.reason)\(row.detail.map { " \($0)" } ?? "")\t\(row.records)\n"
            }
        }
        text += "\npurposes applying to people\npurpose\treason\tpeople\n"
        for row in report.applications {
            text += "\(row.purpose)\t\(row.reason)\t\(row.subjects)\n"
        }
        return text
    }

    static func json(_ report: RetentionReport) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        return String(decoding: try encoder.encode(report), as: UTF8.self) + "\n"
    }
}
