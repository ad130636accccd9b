import Foundation
import KluisCLI
import Synchronization

/// Runs `kluis` in-process, the way `main` does, and keeps what it printed.
struct CommandRun {
    let exitCode: Int32
    let output: String
    let errorOutput: String

    /// `environment` replaces the process's own environment when given, so that a test controls
    /// whether `KLUIS_ROOT_KEY` is set.
    static func kluis(_ arguments: String..., in directory: URL? = nil,
                      environment: [String: String]? = nil) async -> CommandRun {
        await kluis(arguments, in: directory, environment: environment)
    }

    static func kluis(_ arguments: [String], in directory: URL? = nil,
                      environment: [String: String]? = nil) async -> CommandRun {
        let output = Mutex("")
        let errorOutput = Mutex("")
        var context = CommandContext(
            write: { text in output.withLock { $0 += text } },
            writeError: { text in errorOutput.withLock { $0 += text } },
            workingDirectory: directory ?? Fixtures.repositoryRootURL,
            environment: environment ?? ProcessInfo.processInfo.environment
        )
        // Not /etc/kluis/kluis.yaml: on a machine with the package installed, its settings
        // would become every test's.
        context.configurationFiles = ["kluis.yaml"]
        let code = await KluisCommand.run(arguments: arguments, context: context)
        return CommandRun(exitCode: code, output: output.withLock { $0 }, errorOutput: errorOutput.withLock { $0 })
    }
}

enum Fixtures {
    static let repositoryRootURL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
}
