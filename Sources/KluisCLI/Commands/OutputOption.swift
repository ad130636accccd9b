import ArgumentParser
import KluisCore

/// The `--output` option shared by rendering commands: a file, or standard output when absent.
struct OutputOption: ParsableArguments {
    @Option(name: [.short, .long], help: "Write to this file instead of standard output.")
    var output: String?

    func emit(_ text: String, in context: CommandContext) throws(CommandFailure) {
        if let output {
            try context.writeText(text, to: output)
        } else {
            context.write(text)
        }
    }
}

extension Language: ExpressibleByArgument {}
