import Foundation
import KluisCore
import KluisPostgres
import KluisSQLite
import Logging
import ServiceLifecycle

/// Where a command's vault lives: a data directory holding the embedded SQLite database, or a
/// PostgreSQL database (`--database`, else `KLUIS_DATABASE_URL`). With PostgreSQL the data
/// directory is optional and only a default place for the root key.
struct StoreLocation {
    enum Backend {
        case sqlite(DataDirectory)
        case postgres(PostgresLocation)
    }

    let backend: Backend
    /// The data directory, when given: the SQLite vault, or with PostgreSQL the key's home.
    let directory: DataDirectory?

    init(data: String?, database: String?, in context: CommandContext) throws(CommandFailure) {
        directory = data.map { DataDirectory($0, in: context) }
        if let url = database ?? context.environment["KLUIS_DATABASE_URL"].flatMap({ $0.isEmpty ? nil : $0 }) {
            do {
                backend = .postgres(try PostgresLocation(url: url))
            } catch {
                throw CommandFailure("the database URL cannot be used: \(error.message)")
            }
        } else if let directory {
            backend = .sqlite(directory)
        } else {
            throw CommandFailure("say where the vault is: --data DIR (embedded SQLite) or --database postgres://… (or KLUIS_DATABASE_URL)")
        }
    }

    /// For messages: the directory, or the database URL without its password.
    var name: String {
        switch backend {
        case .sqlite(let directory): directory.url.path
        case .postgres(let location): location.redacted
        }
    }

    /// Runs `body` with the store open; a PostgreSQL connection pool runs for exactly that long.
    /// The SQLite file must exist unless `creating`.
    func withStore<T: Sendable>(creating: Bool = false, _ body: (any VaultStore) async throws -> T) async throws -> T {
        switch backend {
        case .sqlite(let directory): try await body(try directory.openStore(creating: creating))
        case .postgres(let location): try await PostgresVaultStore.withRunning(on: location, body)
        }
    }

    /// The store a server keeps open while it runs, with its keys unlocked now (which checks the
    /// root key before anything listens). A PostgreSQL store comes with its connection pool as a
    /// service that is not running yet: the application runs it first and closes it last. The
    /// keys are read, and the policy's controller checked against the vault's
    /// (``Vault/claim(_:for:allowingAnotherController:clock:)``), and the webhook endpoints' states
    /// started, through a short-lived pool of their own.
    func openForServing(root: RootKey, policy: Policy,
                        allowingAnotherController: Bool, webhooks: [WebhookEndpoint], logger: Logger) async throws -> (store: any VaultStore, keys: VaultKeys, service: (any Service)?) {
        @Sendable func unlockAndClaim(_ store: any VaultStore) async throws -> VaultKeys {
            let keys = try await Vault.unlock(store, with: root)
            try await Vault.claim(store, for: policy, allowingAnotherController: allowingAnotherController)
            for endpoint in webhooks { _ = try await Vault.webhookState(of: endpoint.name, in: store) }
            return keys
        }
        switch backend {
        case .sqlite(let directory):
            let store = try directory.openStore(creating: false)
            return (store, try await unlockAndClaim(store), nil)
        case .postgres(let location):
            let keys = try await PostgresVaultStore.withRunning(on: location) { store in try await unlockAndClaim(store) }
            // The pool reports every connection it opens and closes at info: errors only.
            var poolLogger = logger
            poolLogger.logLevel = max(logger.logLevel, .error)
            let store = PostgresVaultStore(location: location, logger: poolLogger)
            return (store, keys, store)
        }
    }

    /// Whether the store holds a vault already: its SQLite file exists, or its database has one.
    func isInitialised() async throws -> Bool {
        if case .sqlite(let directory) = backend { return FileManager.default.fileExists(atPath: directory.databasePath) }
        return try await withStore { store in try await Vault.isInitialised(store) }
    }

    /// The root key as ``rootKey(keyFile:in:)`` finds it, or `nil` when none is given and there
    /// is no default key file: for commands that do more with a key but work without one.
    func rootKeyIfGiven(keyFile: String?, in context: CommandContext) throws(CommandFailure) -> RootKey? {
        let fallback = directory?.defaultKeyFile
        guard keyFile != nil || context.environment["KLUIS_ROOT_KEY"] != nil
            || fallback.map({ FileManager.default.fileExists(atPath: $0.path) }) == true else {
            return nil
        }
        return try rootKey(keyFile: keyFile, in: context)
    }

    /// The root key from `--key-file`, else `KLUIS_ROOT_KEY`, else the data directory's `root.key`.
    func rootKey(keyFile: String?, in context: CommandContext) throws(CommandFailure) -> RootKey {
        if let directory {
            return try directory.rootKey(keyFile: keyFile, in: context)
        }
        return try RootKeySource.read(keyFile: keyFile, fallback: nil, in: context)
    }
}
