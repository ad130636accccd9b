import ArgumentParser
import KluisCore

/// The options every command that opens the vault shares.
struct VaultOptions: ParsableArguments {
    @Option(help: "The data directory.")
    var data: String

    @Option(help: "The root key file. Default: KLUIS_ROOT_KEY, else DATA/root.key.")
    var keyFile: String?

    @Option(help: "The policy file.")
    var policy: String

    /// Opens the vault with the policy, refusing a missing or wrong root key.
    func openVault(in context: CommandContext) async throws -> Vault {
        let policy = try PolicyInput.load(self.policy, in: context)
        let directory = DataDirectory(data, in: context)
        let store = try directory.openStore()
        let root = try directory.rootKey(keyFile: keyFile, in: context)
        do {
            return try await Vault.open(store: store, root: root, policy: policy)
        } catch let error as VaultError {
            throw CommandFailure(error.message)
        }
    }
}
