import ArgumentParser
import Foundation
import Hummingbird
import KluisCore
import KluisHTTP
import Logging

/// `kluis serve`: serves the vault over HTTP on the embedded SQLite store.
struct ServeCommand: ContextualCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the vault API and the privacy statement over HTTP.",
        discussion: "Stops gracefully on SIGINT or SIGTERM: requests in flight are finished first."
    )

    @OptionGroup var vault: VaultOptions

    @Option(help: "The address to listen on.")
    var host: String = "127.0.0.1"

    @Option(help: "The port to listen on; 0 picks a free one.")
    var port: Int = 8080

    @Flag(name: .customLong("init"), help: "Create the data directory first when it does not exist (as 'kluis init').")
    var initialise = false

    func run(in context: CommandContext) async throws -> Int32 {
        guard (0...65535).contains(port) else { throw CommandFailure("--port must be 0 to 65535") }
        if initialise, !FileManager.default.fileExists(atPath: DataDirectory(vault.data, in: context).databasePath) {
            try await InitCommand.initialise(data: vault.data, keyFile: vault.keyFile, in: context)
        }
        let opened = try await vault.openVault(in: context)
        var logger = Logger(label: "kluis")
        logger.logLevel = .info
        let app = KluisApplication.build(
            vault: opened, configuration: HTTPConfiguration(host: host, port: port), logger: logger,
            onServerRunning: { port in context.write("kluis: serving on http://\(host):\(port)\n") }
        )
        try await app.runService()
        return 0
    }
}
