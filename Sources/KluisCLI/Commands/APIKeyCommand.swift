import ArgumentParser
import Foundation
import KluisCore

/// `kluis apikey`: API keys.
struct APIKeyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "apikey",
        abstract: "Manage API keys.",
        subcommands: [APIKeyCreateCommand.self, APIKeyListCommand.self, APIKeyRevokeCommand.self]
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

    @Option(help: "Days until the key stops working by itself. Default: it does not expire.")
    var expiresInDays: Int?

    func validate() throws {
        if let expiresInDays, !(1...3650).contains(expiresInDays) {
            throw ValidationError("--expires-in-days must be 1 to 3650")
        }
    }

    func run(in context: CommandContext) async throws -> Int32 {
        let list = purposes.split(separator: ",").map { String($0).trimmingWhitespace }.filter { !$0.isEmpty }
        let expiresAt = expiresInDays.map { Date().addingTimeInterval(Double($0) * 86_400) }
        let (id, token) = try await vault.withVault(in: context) { opened in
            do {
                return try await opened.createAPIKey(name: name, purposes: list, mayBreakGlass: breakGlass,
                                                     isAdmin: admin, mayVouchForSessions: vouchForSessions, expiresAt: expiresAt,
                                                     by: .commandLine(purposes: []))
            } catch let error as VaultError {
                throw CommandFailure(error.message)
            }
        }
        context.write("API key \(id) for \(list.isEmpty ? "no purposes" : list.joined(separator: ", ")), shown only now:\n  \(token)\n")
        return 0
    }
}

/// `kluis apikey list`: every key, with what it may do and when it was last used.
struct APIKeyListCommand: ContextualCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the API keys: purposes, powers, created, expires, last used, revoked. Never a secret."
    )

    @OptionGroup var vault: VaultOptions

    func run(in context: CommandContext) async throws -> Int32 {
        let keys = try await vault.withVault(in: context) { try await $0.apiKeys(by: .commandLine(purposes: [])) }
        let now = Date()
        var text = "key\tname\tpurposes\tpowers\tcreated\texpires\tlast used\tstate\n"
        for key in keys {
            let powers = [key.isAdmin ? "admin" : nil, key.mayBreakGlass ? "break_glass" : nil,
                          key.mayVouchForSessions ? "vouch_for_sessions" : nil].compactMap { $0 }
            let state = key.revokedAt != nil ? "revoked" : key.isValid(at: now) ? "active" : "expired"
            func day(_ date: Date?) -> String { date.map { $0.formatted(.iso8601) } ?? "-" }
            text += [key.id, key.name, key.purposes.isEmpty ? "-" : key.purposes.joined(separator: ","),
                     powers.isEmpty ? "-" : powers.joined(separator: ","), day(key.createdAt), day(key.expiresAt),
                     day(key.lastUsedAt), state].joined(separator: "\t") + "\n"
        }
        context.write(text)
        return 0
    }
}

/// `kluis apikey revoke KEY`: the key stops working.
struct APIKeyRevokeCommand: ContextualCommand {
    static let configuration = CommandConfiguration(
        commandName: "revoke",
        abstract: "Revoke an API key: refused from the next call on (within a second on a running server).",
        discussion: "Audited as api_key_revoked. Revoking a revoked key changes nothing."
    )

    @OptionGroup var vault: VaultOptions
    @Argument(help: "The key's id (key_…), as 'kluis apikey list' shows it.") var key: String

    func run(in context: CommandContext) async throws -> Int32 {
        let revoked = try await vault.withVault(in: context) { opened in
            do {
                return try await opened.revokeAPIKey(key, by: .commandLine(purposes: []))
            } catch let error as VaultError {
                throw CommandFailure(error.message)
            }
        }
        context.write("API key \(revoked.id) (\(revoked.name)) is revoked.\n")
        return 0
    }
}

extension String {
    var trimmingWhitespace: String {
        String(drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }
}
