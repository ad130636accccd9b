import ArgumentParser
import Foundation
import KluisCore

/// `kluis keys`: the root key.
struct KeysCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keys",
        abstract: "Manage the root key.",
        subcommands: [KeysRotateCommand.self]
    )
}

/// `kluis keys rotate`: rewraps every data key under a new root key.
struct KeysRotateCommand: ContextualCommand {
    static let configuration = CommandConfiguration(
        commandName: "rotate",
        abstract: "Rewrap every data key under a new root key, without re-encrypting any value.",
        discussion: "Stop the servers first. An interrupted rotation is resumed by running the same command again with the same two key files; several runs at once share the work. The new key is written to --new-key-file (0600) when that file does not exist yet."
    )

    @OptionGroup var store: StoreOptions

    @Option(help: "The current root key file. Default: KLUIS_ROOT_KEY, else DATA/root.key.")
    var keyFile: String?

    @Option(help: "The new root key file; created when absent.")
    var newKeyFile: String

    @Option(help: "Data keys per transaction.")
    var batch: Int = 1000

    func run(in context: CommandContext) async throws -> Int32 {
        guard (1...100_000).contains(batch) else { throw CommandFailure("--batch must be 1 to 100000") }
        let location = try store.location(in: context)
        let old = try location.rootKey(keyFile: keyFile ?? context.settings.path(.keyFile), in: context)
        let newURL = context.url(for: newKeyFile)
        let new: RootKey
        if FileManager.default.fileExists(atPath: newURL.path) {
            do { new = try RootKey(text: try context.readText(newKeyFile)) } catch let error as VaultError {
                throw CommandFailure("the new root key cannot be used: \(error.message)")
            }
        } else {
            new = RootKey.generate()
            try DataDirectory.writeKey(new, to: newURL)
        }
        do {
            let count = try await location.withStore { store in try await Vault.rotateRootKey(store: store, from: old, to: new, batchSize: batch) }
            context.write("""
                Rotated to root key \(new.id): \(count) data keys rewrapped; no value was re-encrypted.
                Use \(newURL.path) from now on and destroy the old key once backups made with it have expired.

                """)
            return 0
        } catch let error as VaultError {
            throw CommandFailure(error.message)
        }
    }
}
