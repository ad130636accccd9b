import ArgumentParser
import KluisCore
import Logging
import ServiceLifecycle

/// The options every command that opens the vault shares.
struct VaultOptions: ParsableArguments {
    @OptionGroup var store: StoreOptions

    @Option(help: "The root key file. Default: KLUIS_ROOT_KEY, else key_file in the configuration file, else DATA/root.key.")
    var keyFile: String?

    @Option(help: "The policy file. Default: policy in the configuration file.")
    var policy: String?

    @Flag(help: "Accept a policy of another controller than the one the vault belongs to, and move the vault to it (recorded in the audit chain). Without it such a policy is refused.")
    var allowOtherController = false

    /// The policy file: `--policy`, else the configuration's.
    func policyFile(in context: CommandContext) throws(CommandFailure) -> String {
        guard let file = policy ?? context.settings.path(.policy) else {
            throw CommandFailure("say which policy: --policy FILE, or policy: in the configuration file (--config)")
        }
        return file
    }

    /// The root key file: `--key-file`, else the configuration's; `nil` leaves the choice to
    /// ``StoreLocation/rootKey(keyFile:in:)`` (`KLUIS_ROOT_KEY`, then `DATA/root.key`).
    func keyFile(in context: CommandContext) -> String? {
        keyFile ?? context.settings.path(.keyFile)
    }

    /// Opens the vault with the policy, refusing a missing or wrong root key, and runs `body`
    /// with it while its store is open.
    func withVault<T: Sendable>(in context: CommandContext, _ body: (Vault) async throws -> T) async throws -> T {
        let policy = try PolicyInput.load(try policyFile(in: context), in: context)
        let location = try store.location(in: context)
        let root = try location.rootKey(keyFile: keyFile(in: context), in: context)
        return try await location.withStore { store in
            let vault: Vault
            do {
                vault = try await Vault.open(store: store, root: root, policy: policy, allowingAnotherController: allowOtherController)
            } catch let error as VaultError {
                throw CommandFailure(error.message)
            }
            return try await body(vault)
        }
    }

    /// Opens the vault for a server that runs until stopped, refusing a missing or wrong root key
    /// at once; the store's service (a PostgreSQL pool), if any, must run while the vault is used
    /// and logs through `logger`.
    func openForServing(in context: CommandContext, webhooks: [WebhookEndpoint] = [], logger: Logger) async throws -> (vault: Vault, storeService: (any Service)?) {
        let policy = try PolicyInput.load(try policyFile(in: context), in: context)
        let location = try store.location(in: context)
        let root = try location.rootKey(keyFile: keyFile(in: context), in: context)
        do {
            let (store, keys, service) = try await location.openForServing(root: root, policy: policy,
                                                                           allowingAnotherController: allowOtherController,
                                                                           webhooks: webhooks, logger: logger)
            return (Vault(store: store, keys: keys, policy: policy), service)
        } catch let error as VaultError {
            throw CommandFailure(error.message)
        }
    }
}

/// Where the vault is: `--data` or `--database`.
struct StoreOptions: ParsableArguments {
    @Option(help: "The configuration file (YAML) that gives what flags do not. Default: KLUIS_CONFIG, else ./kluis.yaml, else /etc/kluis/kluis.yaml, when there is one. See docs/operations.md.")
    var config: String?

    @Option(help: "The data directory (embedded SQLite; with --database, only the default place of root.key). Default: data in the configuration file.")
    var data: String?

    @Option(help: ArgumentHelp("The PostgreSQL database instead of SQLite. Default: KLUIS_DATABASE_URL.",
                               valueName: "postgres://USER:PASSWORD@HOST:PORT/DB?schema=NAME"))
    // database_url in the configuration file too; KLUIS_DATABASE_URL wins over it.
    var database: String?

    func location(in context: CommandContext) throws(CommandFailure) -> StoreLocation {
        try StoreLocation(data: dataDirectory(in: context), database: database ?? context.settings.text(.databaseURL), in: context)
    }

    /// The data directory: `--data`, else the configuration's.
    func dataDirectory(in context: CommandContext) -> String? {
        data ?? context.settings.path(.data)
    }
}
