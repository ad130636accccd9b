import ArgumentParser
import KluisCore

/// `kluis`: the root command.
public struct KluisCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "kluis",
        abstract: "A personal-data vault that makes a privacy statement executable.",
        discussion: "One policy file drives the published statement, the register of processing and the enforcement. See docs/ for the policy format.",
        version: "kluis \(KluisBuild.description)",
        subcommands: [
            InitCommand.self, ServeCommand.self, ImportCommand.self, APIKeyCommand.self, StaffCommand.self, KeysCommand.self, BenchCommand.self,
            ConsentsCommand.self, RequestsCommand.self, BreachesCommand.self, RetentionCommand.self, WebhooksCommand.self, ExportCommand.self, BackupCommand.self, RestoreCommand.self, AuditCommand.self, PolicyCommand.self, StatementCommand.self, RegisterCommand.self,
        ]
    )

    public init() {}

    /// The value of `--config` among `arguments` (which the parser has accepted already): the
    /// settings are read before the command runs, whichever command declares the option.
    static func configOption(in arguments: [String]) -> String? {
        for (index, argument) in arguments.enumerated() {
            if argument == "--config", index + 1 < arguments.count { return arguments[index + 1] }
            if argument.hasPrefix("--config=") { return String(argument.dropFirst("--config=".count)) }
            if argument == "--" { break }
        }
        return nil
    }

    /// Parses `arguments`, runs the command they name against `context`, and returns the exit
    /// code; usage errors and failures are written to the context's error stream.
    ///
    /// `main` and the tests both come through here, so the tests exercise what users run.
    public static func run(arguments: [String], context: CommandContext) async -> Int32 {
        let command: any ParsableCommand
        do {
            command = try parseAsRoot(arguments)
        } catch {
            let message = fullMessage(for: error)
            let code = exitCode(for: error).rawValue
            if code == 0 { context.write(message + "\n") } else { context.writeError(message + "\n") }
            return code
        }
        do {
            guard let contextual = command as? any ContextualCommand else {
                // `help`, `--help` and command groups: their own `run` asks for the right help text.
                var command = command
                do {
                    try command.run()
                } catch {
                    context.write(fullMessage(for: error) + "\n")
                    return exitCode(for: error).rawValue
                }
                return 0
            }
            var context = context
            context.settings = try await Settings.load(explicit: Self.configOption(in: arguments), environment: context.environment,
                                                       workingDirectory: context.workingDirectory, defaultFiles: context.configurationFiles)
            return try await contextual.run(in: context)
        } catch let failure as CommandFailure {
            context.writeError("error: \(failure.message)\n")
            return failure.exitCode
        } catch let error as VaultError {
            // The vault's messages are written for people and carry no data.
            context.writeError("error: \(error.message)\n")
            return 1
        } catch {
            context.writeError("error: \(fullMessage(for: error))\n")
            return exitCode(for: error).rawValue
        }
    }
}
