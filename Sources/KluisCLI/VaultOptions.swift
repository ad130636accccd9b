import ArgumentParser
import KluisCore
import Logging
import ServiceLifecycle

/// The options every command that opens the vault shares.
struct VaultOptions: ParsableArguments {
    @OptionGroup var store: StoreOptions

    @Option(help: "The root key file. Default: KLUIS_ROOT_KEY, else DATA/root.key.")
    var keyFile: String?

    @Option(help: "The policy file.")
    var policy: String

    @Flag(help: "Accept a policy of another controller than the one the vault belongs to, and move the vault to it (recorded in the audit chain). Without it such a policy is refused.")
    var allowOtherController = false

    /// Opens the vault with the policy, refusing a missing or wrong root key, and runs `body`
    /// with it while its store is open.
    func withVault<T: Sendable>(in context: CommandContext, _ body: (Vault) async throws -> T) async throws -> T {
        let policy = try PolicyInput.load(self.policy, in: context)
        let location = try store.location(in: context)
        let root = try location.rootKey(keyFile: keyFile, in: context)
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
    func openForServing(in context: CommandContext, logger: Logger) async throws -> (vault: Vault, storeService: (any Service)?) {
        let policy = try PolicyInput.load(self.policy, in: context)
        let location = try store.location(in: context)
        let root = try location.rootKey(keyFile: keyFile, in: context)
        do {
            let (store, keys, service) = try await location.openForServing(root: root, policy: policy,
                                                                           allowingAnotherController: allowOtherController, logger: logger)
            return (Vault(store: store, keys: keys, policy: policy), service)
        } catch let error as VaultError {
            throw CommandFailure(error.message)
        }
    }
}

/// Where the vault is: `--data` or `--database`.
struct StoreOptions: ParsableArguments {
    @Option(help: "The data directory (embedded SQLite; with --database, only the default place of root.key).")
    var data: String?

    @Option(help: ArgumentHelp("The PostgreSQL database instead of SQLite. Default: KLUIS_DATABASE_URL.",
                               valueName: "postgres://USER:PASSWORD@HOST:PORT/DB?schema=NAME"))
    var database: String?

    func location(in context: CommandContext) throws(CommandFailure) -> StoreLocation {
        try StoreLocation(data: data, database: database, in: context)
    }
}
