import ArgumentParser
import Foundation
import KluisCore

/// `kluis init`: creates a vault — a data directory, or a PostgreSQL database — with its root
/// key and first admin key.
struct InitCommand: ContextualCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create a vault with its database, root key and first admin API key.",
        discussion: "With --data DIR, the vault is an embedded SQLite database in DIR and the root key is written to DIR/root.key. With --database, the tables are created in PostgreSQL and the root key is written to --key-file (or DIR/root.key when --data is given too). Either way the key file gets permissions 0600, unless KLUIS_ROOT_KEY is set; a key file that exists already is used, never overwritten. Keep the key apart from backups of the data. The admin API key is printed once. Run it once per database, before starting the nodes."
    )

    @OptionGroup var store: StoreOptions

    @Option(help: "Where to write the new root key. Default: DATA/root.key.")
    var keyFile: String?

    func run(in context: CommandContext) async throws -> Int32 {
        try await Self.initialise(try store.location(in: context), keyFile: keyFile ?? context.settings.path(.keyFile), in: context)
        return 0
    }

    /// Creates the vault at `location`, its root key (unless given) and the first admin key.
    /// When `joining`, a vault that exists already — made by a node starting at the same
    /// moment — is not an error: there is nothing to do.
    static func initialise(_ location: StoreLocation, keyFile: String?, joining: Bool = false,
                           in context: CommandContext) async throws {
        if try await location.isInitialised() {
            if joining { return }
            throw CommandFailure("\(location.name) holds a Kluis vault already")
        }
        let keyFromEnvironment = keyFile == nil ? context.environment["KLUIS_ROOT_KEY"] : nil
        let keyURL = keyFile.map(context.url(for:)) ?? location.directory?.defaultKeyFile
        if let directory = location.directory {
            do {
                try FileManager.default.createDirectory(at: directory.url, withIntermediateDirectories: true,
                                                        attributes: [.posixPermissions: 0o700])
            } catch {
                throw CommandFailure("cannot create \(directory.url.path)")
            }
        }
        let root: RootKey
        let keyNote: String
        if let text = keyFromEnvironment {
            do { root = try RootKey(text: text) } catch { throw CommandFailure("KLUIS_ROOT_KEY cannot be used: \(error.message)") }
            keyNote = "Root key: taken from KLUIS_ROOT_KEY (not written to disk)."
        } else if let url = keyURL, FileManager.default.fileExists(atPath: url.path) {
            // Provisioned beforehand (by a secrets manager, or for several nodes): use it.
            root = try RootKeySource.read(keyFile: url.path, fallback: nil, in: context)
            keyNote = "Root key: read from \(url.path)."
        } else if let url = keyURL {
            root = RootKey.generate()
            try DataDirectory.writeKey(root, to: url)
            keyNote = "Root key: written to \(url.path) (mode 0600). Keep it safe, and apart from backups of the data."
        } else {
            // Only without a data directory, so nothing was created yet.
            throw CommandFailure("say where to write the new root key: --key-file FILE (or set KLUIS_ROOT_KEY)")
        }
        let admin = try await location.withStore(creating: true) { store -> (id: String, token: String)? in
            do {
                try await Vault.initialise(store: store, root: root)
            } catch let error as VaultError where error.code == .storeInitialised {
                if joining { return nil }
                throw CommandFailure("\(location.name) holds a Kluis vault already")
            }
            return try await Vault.createFirstAdminKey(store: store)
        }
        guard let (id, token) = admin else { return }
        if case .sqlite(let directory) = location.backend {
            // The directory is 0700 already; the file itself is made owner-only too, for copies.
            try? FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: directory.databasePath)
        }
        context.write("""
            Initialised \(location.name) (root key id \(root.id)).
            \(keyNote)
            Admin API key \(id), shown only now:
              \(token)

            """)
    }
}
