import ArgumentParser
import Foundation
import KluisCore
import KluisPostgres
import KluisSQLite
import SystemPackage

/// `kluis backup`: a consistent copy of the vault, taken while it runs.
///
/// The copy holds only what the store holds — sealed values, wrapped keys, blind indexes — and
/// is useless without the root key, which is never part of it.
struct BackupCommand: ContextualCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Write a consistent copy of the vault to a file.",
        discussion: "SQLite: an online copy of the database file. PostgreSQL: pg_dump of the vault's schema in custom format (pg_dump must be on the PATH). Restore with 'kluis restore', which replays erasures made since."
    )

    @OptionGroup var store: StoreOptions
    @Option(help: "The backup file to write; it must not exist.") var output: String

    func run(in context: CommandContext) async throws -> Int32 {
        let target = context.url(for: output)
        let location = try store.location(in: context)
        // Made here, readable by its owner only, and only if there is no such file: the copy is
        // never world-readable while it is written, and no file is overwritten.
        do {
            try FileDescriptor.open(FilePath(target.path), .writeOnly, options: [.create, .exclusiveCreate],
                                    permissions: [.ownerReadWrite]).close()
        } catch Errno.fileExists {
            throw CommandFailure("\(target.path) exists already; a backup never overwrites a file")
        } catch {
            throw CommandFailure("\(target.path) cannot be written: \(error)")
        }
        do {
            switch location.backend {
            case .sqlite(let directory):
                try await directory.openStore().backup(to: target.path)
            case .postgres(let database):
                try await PostgresTools.run("pg_dump", ["--format=custom", "--no-owner", "--schema=\(database.schema)", "--file=\(target.path)",
                                                        "--dbname=\(database.libpqURL)"], password: database.password)
            }
        } catch {
            // A failed backup leaves nothing that could pass for one, and nothing in the way of the next.
            try? FileManager.default.removeItem(at: target)
            throw error
        }
        context.write("kluis: backup of \(location.name) written to \(target.path)\n")
        return 0
    }
}

/// `kluis restore`: puts a backup back, then erases again everyone erased since it was taken.
struct RestoreCommand: ContextualCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore",
        abstract: "Restore a backup and replay the erasure journal, so nobody erased since comes back.",
        discussion: "Stop every 'kluis serve' of this vault first. The journal is read from the vault being replaced and from any --journal files (written by 'kluis requests journal'); each erasure in it that the backup does not know is made again. Needs the root key and the policy, like every command that opens the vault."
    )

    @OptionGroup var vault: VaultOptions
    @Option(help: "The backup file.") var from: String
    @Option(name: .customLong("journal"), help: "An erasure journal file to replay as well (repeatable).") var journals: [String] = []

    func run(in context: CommandContext) async throws -> Int32 {
        let source = context.url(for: from)
        guard FileManager.default.fileExists(atPath: source.path) else { throw CommandFailure("\(source.path) does not exist") }
        let location = try vault.store.location(in: context)
        // The journal of the vault being replaced: read before it is overwritten.
        var journal: [ErasureJournalEntry] = []
        if try await location.isInitialised() {
            journal = try await location.withStore { store in try await RequestService.erasureJournal(in: store) }
        }
        for file in journals {
            journal += try ErasureJournalFile.read(try context.readText(file), name: file)
        }
        switch location.backend {
        case .sqlite(let directory):
            let manager = FileManager.default
            try manager.createDirectory(at: directory.url, withIntermediateDirectories: true)
            for suffix in ["", "-wal", "-shm"] where manager.fileExists(atPath: directory.databasePath + suffix) {
                try manager.removeItem(atPath: directory.databasePath + suffix)
            }
            try manager.copyItem(atPath: source.path, toPath: directory.databasePath)
            try? manager.setAttributes([.posixPermissions: 0o600], ofItemAtPath: directory.databasePath)
        case .postgres(let database):
            try await PostgresTools.run("pg_restore", ["--clean", "--if-exists", "--no-owner", "--single-transaction",
                                                       "--dbname=\(database.libpqURL)", source.path], password: database.password)
        }
        let replayed = try await vault.withVault(in: context) { opened in
            let replayed = try await opened.requests.replayErasures(journal)
            try await opened.purgeShredded()
            return replayed
        }
        context.write("kluis: restored \(location.name) from \(source.path); \(replayed) erased subject(s) erased again\n")
        return 0
    }
}
