import ArgumentParser
import Foundation
import KluisCore

/// `kluis requests journal --output FILE`.
struct RequestsJournalCommand: ContextualCommand {
    static let configuration = CommandConfiguration(
        commandName: "journal",
        abstract: "Write the erasure journal, for keeping beside the backups ('kluis restore --journal')."
    )

    @OptionGroup var store: StoreOptions
    @Option(help: "Write to this file instead of standard output.") var output: String?

    func run(in context: CommandContext) async throws -> Int32 {
        let entries = try await store.location(in: context).withStore { store in try await RequestService.erasureJournal(in: store) }
        let text = ErasureJournalFile.write(entries)
        if let output { try context.writeText(text, to: output) } else { context.write(text) }
        return 0
    }
}
