import ArgumentParser

/// `kluis policy`: work with policy files.
struct PolicyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "policy",
        abstract: "Check policy files.",
        subcommands: [PolicyCheckCommand.self]
    )
}
