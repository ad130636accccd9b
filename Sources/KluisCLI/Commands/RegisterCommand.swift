import ArgumentParser
import KluisCore

/// `kluis register FILE`: renders the art. 30 register of processing activities.
struct RegisterCommand: ContextualCommand {
    static let configuration = CommandConfiguration(
        commandName: "register",
        abstract: "Render the register of processing activities (GDPR art. 30)."
    )

    @Argument(help: "The policy file.")
    var file: String

    func run(in context: CommandContext) async throws -> Int32 { 0 }
}
