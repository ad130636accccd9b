import ArgumentParser
import Foundation
import KluisCore

/// `kluis breaches export [--format json|csv|markdown] [--output FILE]`: the whole register for an
/// auditor or the authority (art. 33(5)).
struct BreachesExportCommand: ContextualCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export the whole breach register, notified or not, with each breach's clock: JSON, CSV or Markdown.",
        discussion: "The export is audited. It holds no one's data but the reporters' and contacts' (JSON and Markdown)."
    )

    @OptionGroup var vault: VaultOptions
    @Option(help: "Output format: json, csv or markdown.") var format: ExportFormat = .markdown
    @Option(help: "Language of the Markdown: nl or en. Default: the policy's first language.") var lang: Language?
    @OptionGroup var output: OutputOption

    enum ExportFormat: String, ExpressibleByArgument, CaseIterable {
        case json
        case csv
        case markdown
    }

    func run(in context: CommandContext) async throws -> Int32 {
        let (register, language) = try await vault.withVault(in: context) { opened in
            let language = try PolicyInput.language(lang, of: opened.policy, file: try vault.policyFile(in: context))
            return (try await opened.breaches.register(by: BreachesCommand.operator_), language)
        }
        let text = switch format {
        case .json: String(decoding: register.json(), as: UTF8.self) + "\n"
        case .csv: register.csv()
        case .markdown: MarkdownWriter.render(register.document(in: language))
        }
        try output.emit(text, in: context)
        return 0
    }
}
