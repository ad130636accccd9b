import ArgumentParser
import KluisCore

/// `kluis export --purpose P --format csv`: the k-anonymous dataset of a statistics purpose.
struct ExportCommand: ContextualCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the k-anonymous dataset of a statistics purpose as CSV.",
        discussion: """
            The purpose's `dataset` in the policy names the columns: quasi-identifiers, each generalised, and attributes. \
            One row per person the purpose may use now; rows whose quasi-identifiers fewer than k people share are left out. \
            The k reached and the rows left out go to standard error and into the audit log.
            """
    )

    @OptionGroup var vault: VaultOptions
    @Option(help: "The purpose whose dataset to write.") var purpose: String
    @Option(help: "The format: csv.") var format = "csv"
    @OptionGroup var output: OutputOption

    func run(in context: CommandContext) async throws -> Int32 {
        guard format == "csv" else { throw CommandFailure("--format is csv") }
        let dataset = try await vault.withVault(in: context) { try await $0.dataset(for: purpose, by: RequestsCommand.operator_) }
        try output.emit(dataset.csv, in: context)
        context.writeError("""
            \(dataset.rows.count) rows of \(dataset.considered) people; \(dataset.suppressed) suppressed; \
            k reached \(dataset.reachedK) (the policy asks \(dataset.k))\n
            """)
        return 0
    }
}
