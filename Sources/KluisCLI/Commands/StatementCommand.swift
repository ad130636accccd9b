import ArgumentParser
import KluisCore

/// `kluis statement FILE`: renders the privacy statement of a policy.
struct StatementCommand: ContextualCommand {
    static let configuration = CommandConfiguration(
        commandName: "statement",
        abstract: "Render the privacy statement of a policy as HTML or Markdown."
    )

    @Argument(help: "The policy file.")
    var file: String

    func run(in context: CommandContext) async throws -> Int32 { 0 }
}
