import Foundation
import KluisCore
import KluisSQLite

/// A Kluis data directory: the SQLite database and, by default, the root key file.
struct DataDirectory {
    let url: URL

    init(_ path: String, in context: CommandContext) {
        url = context.url(for: path)
    }

    var databasePath: String { url.appendingPathComponent("kluis.sqlite").path }
    var defaultKeyFile: URL { url.appendingPathComponent("root.key") }

    /// Opens the database, which must exist unless `creating`.
    func openStore(creating: Bool = false) throws(CommandFailure) -> SQLiteVaultStore {
        guard creating || FileManager.default.fileExists(atPath: databasePath) else {
            throw CommandFailure("\(url.path) is not a Kluis data directory: run 'kluis init --data \(url.path)' first")
        }
        do {
            return try SQLiteVaultStore(path: databasePath)
        } catch {
            throw CommandFailure("cannot open the database in \(url.path): \(error)")
        }
    }

    /// The root key from `--key-file`, else `KLUIS_ROOT_KEY`, else the directory's `root.key`.
    func rootKey(keyFile: String?, in context: CommandContext) throws(CommandFailure) -> RootKey {
        try RootKeySource.read(keyFile: keyFile, fallback: defaultKeyFile, in: context)
    }

    /// Writes `key` to a new file readable by its owner only (0600); never overwrites.
    static func writeKey(_ key: RootKey, to url: URL) throws(CommandFailure) {
        guard !FileManager.default.fileExists(atPath: url.path) else {
            throw CommandFailure("\(url.path) exists already; a root key is never overwritten")
        }
        // Created with 0600 from the start, so the key is never readable by others, not even briefly.
        guard FileManager.default.createFile(atPath: url.path, contents: Data((key.text + "\n").utf8),
                                             attributes: [.posixPermissions: 0o600]) else {
            throw CommandFailure("cannot write the root key to \(url.path)")
        }
    }
}
