import ArgumentParser
import KluisCore

/// `kluis audit`: the audit log.
struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Work with the audit log.",
        subcommands: [AuditVerifyCommand.self]
    )
}

/// `kluis audit verify`: recomputes the hash chain and checks the checkpoints.
struct AuditVerifyCommand: ContextualCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Recompute the audit chain; exit 0 when intact, 1 naming the first broken event.",
        discussion: "Needs no key: the chain is verifiable by anyone who holds a copy of the data. The checkpoints nodes record as they verify are checked too, so events removed from the end are noticed."
    )

    @OptionGroup var store: StoreOptions

    func run(in context: CommandContext) async throws -> Int32 {
        let verifier = try await store.location(in: context).withStore { store in
            try await Vault.verifyAudit(in: store)
        }
        if let broken = verifier.firstBroken {
            context.write("audit chain broken at event \(broken.sequence): \(broken.problem); \(verifier.checked) events before it are intact\n")
            return 1
        }
        context.write("audit chain intact: \(verifier.checked) events\n")
        return 0
    }
}
