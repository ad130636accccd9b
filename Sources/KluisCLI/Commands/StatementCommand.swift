import ArgumentParser
import KluisCore
import KluisPages

/// `kluis statement FILE`: renders the privacy statement of a policy.
struct StatementCommand: ContextualCommand {
    static let configuration = CommandConfiguration(
        commandName: "statement",
        abstract: "Render the privacy statement of a policy as HTML or Markdown.",
        discussion: "The policy must be valid. HTML is a standalone page with a table of contents and print styles."
    )

    @Argument(help: "The policy file.")
    var file: String

    @Option(help: "Language of the statement: nl or en. Default: the policy's first language.")
    var lang: Language?

    @Option(help: "Output format: html or md.")
    var format: StatementFormat = .html

    @OptionGroup var output: OutputOption

    enum StatementFormat: String, ExpressibleByArgument, CaseIterable {
        case html
        case md
    }

    func run(in context: CommandContext) async throws -> Int32 {
        let policy = try PolicyInput.load(file, in: context)
        let language = try PolicyInput.language(lang, of: policy, file: file)
        let document = StatementBuilder(policy: policy, language: language).build()
        let text = switch format {
        case .html: PageRenderer.render(document, policy: policy)
        case .md: MarkdownWriter.render(document)
        }
        try output.emit(text, in: context)
        return 0
    }
}
