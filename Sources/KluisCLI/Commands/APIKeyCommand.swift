import ArgumentParser
import KluisCore

/// `kluis apikey`: API keys.
struct APIKeyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "apikey",
        abstract: "Manage API keys.",
        subcommands: [APIKeyCreateCommand.self]
    )
}

/// `kluis apikey create`: a key bound to purposes.
struct APIKeyCreateCommand: ContextualCommand {
    static let configuration = CommandConfiguration(
        commandName: "create",
        abstract: "Create an API key bound to purposes; the key is printed once."
    )

    @OptionGroup var vault: VaultOptions

    @Option(help: "A name for the key, such as the application using it.")
    var name: String

    @Option(help: "The purposes the key may read and write for, comma-separated.")
    var purposes: String = ""

    @Flag(help: "Let the key read outside its purposes with a written reason (staff).")
    var breakGlass = false

    @Flag(help: "Let the key read the audit log.")
    var admin = false

    @Flag(help: "Let the key vouch that a person is signed in to its application, which verifies their identity for a request (signed_in_session).")
    var vouchForSessions = false

    func run(in context: CommandContext) async throws -> Int32 {
        let list = purposes.split(separator: ",").map { String($0).trimmingWhitespace }.filter { !$0.isEmpty }
        let (id, token) = try await vault.withVault(in: context) { opened in
            do {
                return try await opened.createAPIKey(name: name, purposes: list, mayBreakGlass: breakGlass,
                                                     isAdmin: admin, mayVouchForSessions: vouchForSessions,
                                                     by: .commandLine(purposes: []))
            } catch let error as VaultError {
                throw CommandFailure(error.message)
            }
        }
        context.write("API key \(id) for \(list.isEmpty ? "no purposes" : list.joined(separator: ", ")), shown only now:\n  \(token)\n")
        return 0
    }
}

extension String {
    var trimmingWhitespace: String {
        String(drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }
}
