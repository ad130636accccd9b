import ArgumentParser
import Foundation
import KluisCore

/// `kluis init --data DIR`: creates a data directory, its root key and the first admin key.
struct InitCommand: ContextualCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create a data directory with its database, root key and first admin API key.",
        discussion: "The root key is written to DATA/root.key (or --key-file) with permissions 0600, unless KLUIS_ROOT_KEY is set. Keep it apart from backups of the data directory. The admin API key is printed once."
    )

    @Option(help: "The data directory to create.")
    var data: String

    @Option(help: "Where to write the new root key. Default: DATA/root.key.")
    var keyFile: String?

    func run(in context: CommandContext) async throws -> Int32 {
        try await Self.initialise(data: data, keyFile: keyFile, in: context)
        return 0
    }

    /// Creates the data directory, its root key (unless given) and the first admin key.
    static func initialise(data: String, keyFile: String?, in context: CommandContext) async throws {
        let directory = DataDirectory(data, in: context)
        if FileManager.default.fileExists(atPath: directory.databasePath) {
            throw CommandFailure("\(directory.url.path) holds a Kluis database already")
        }
        do {
            try FileManager.default.createDirectory(at: directory.url, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
        } catch {
            throw CommandFailure("cannot create \(directory.url.path)")
        }
        let root: RootKey
        let keyNote: String
        if keyFile == nil, let text = context.environment["KLUIS_ROOT_KEY"] {
            do { root = try RootKey(text: text) } catch { throw CommandFailure("KLUIS_ROOT_KEY cannot be used: \(error.message)") }
            keyNote = "Root key: taken from KLUIS_ROOT_KEY (not written to disk)."
        } else {
            root = RootKey.generate()
            let url = keyFile.map(context.url(for:)) ?? directory.defaultKeyFile
            try DataDirectory.writeKey(root, to: url)
            keyNote = "Root key: written to \(url.path) (mode 0600). Keep it safe, and apart from backups of the data."
        }
        let store = try directory.openStore(creating: true)
        try await Vault.initialise(store: store, root: root)
        // The directory is 0700 already; the file itself is made owner-only too, for copies.
        try? FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: directory.databasePath)
        let (id, token) = try await Vault.createFirstAdminKey(store: store)
        context.write("""
            Initialised \(directory.url.path) (root key id \(root.id)).
            \(keyNote)
            Admin API key \(id), shown only now:
              \(token)

            """)
    }
}
