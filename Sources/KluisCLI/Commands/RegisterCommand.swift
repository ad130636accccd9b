import ArgumentParser
import KluisCore

/// `kluis register FILE`: renders the art. 30 register of processing activities.
struct RegisterCommand: ContextualCommand {
    static let configuration = CommandConfiguration(
        commandName: "register",
        abstract: "Render the register of processing activities (GDPR art. 30).",
        discussion: "One entry per purpose with every field art. 30(1) asks, plus legal basis, art. 9 condition, sources, processors and retention rules."
    )

    @Argument(help: "The policy file.")
    var file: String

    @Option(help: "Output format: md, csv or json.")
    var format: RegisterFormat = .md

    @Option(help: "Language of the register: nl or en. Default: the policy's first language.")
    var lang: Language?

    @OptionGroup var output: OutputOption

    enum RegisterFormat: String, ExpressibleByArgument, CaseIterable {
        case md
        case csv
        case json
    }

    func run(in context: CommandContext) async throws -> Int32 {
        let policy = try PolicyInput.load(file, in: context)
        let language = try PolicyInput.language(lang, of: policy, file: file)
        let register = ProcessingRegister(policy: policy, language: language)
        let text = switch format {
        case .md: RegisterWriter.markdown(register)
        case .csv: RegisterWriter.csv(register)
        case .json: try RegisterWriter.json(register)
        }
        try output.emit(text, in: context)
        return 0
    }
}
