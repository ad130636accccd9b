import ArgumentParser
import Foundation
import KluisCore

/// `kluis policy check FILE...`: validates policies and reports every problem with its line.
struct PolicyCheckCommand: ContextualCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate policy files; exit 0 when all are valid, 1 when any is not.",
        discussion: "Every problem is reported with its file, line and path. Warnings do not make a policy invalid. The codes are listed in docs/policy.md."
    )

    @Argument(help: "The policy files to check.")
    var files: [String]

    @Option(help: "Output format: text or json.")
    var format: CheckFormat = .text

    enum CheckFormat: String, ExpressibleByArgument, CaseIterable {
        case text
        case json
    }

    func run(in context: CommandContext) async throws -> Int32 {
        var allIssues: [PolicyIssue] = []
        var invalidFiles = 0
        var summaries: [String] = []
        for file in files {
            let issues: [PolicyIssue]
            do {
                issues = PolicyDocument(text: try context.readText(file), file: file).issues
            } catch {
                issues = [PolicyIssue(code: "file.unreadable", path: "", message: error.message, file: file)]
            }
            let errors = issues.filter { $0.severity == .error }.count
            let warnings = issues.count - errors
            if errors > 0 { invalidFiles += 1 }
            allIssues += issues
            summaries.append("\(file): " + (errors == 0 ? "valid" : "invalid, \(Self.count(errors, "error"))")
                             + (warnings > 0 ? ", \(Self.count(warnings, "warning"))" : ""))
        }
        switch format {
        case .text:
            for issue in allIssues { context.write(issue.description + "\n") }
            for summary in summaries { context.write(summary + "\n") }
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            let data = try encoder.encode(allIssues)
            context.write(String(decoding: data, as: UTF8.self) + "\n")
        }
        return invalidFiles == 0 ? 0 : 1
    }

    private static func count(_ n: Int, _ noun: String) -> String {
        "\(n) \(noun)\(n == 1 ? "" : "s")"
    }
}
