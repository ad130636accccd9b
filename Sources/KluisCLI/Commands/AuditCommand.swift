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

/// `kluis audit verify`: recomputes the hash chain, checks the checkpoints and, with the root
/// key, checks that every identifier row is bound to its subject.
struct AuditVerifyCommand: ContextualCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Recompute the audit chain and check the identifier rows; exit 0 when intact, 1 naming what is broken.",
        discussion: "The chain needs no key: it is verifiable by anyone who holds a copy of the data. The checkpoints nodes record as they verify are checked too, so events removed from the end are noticed. With the root key (--key-file, KLUIS_ROOT_KEY or DATA/root.key) every identifier row's keyed tag is checked as well, so a row moved to another subject is reported; without one that check is skipped, and said so."
    )

    @OptionGroup var store: StoreOptions

    @Option(help: "The root key file, to check the identifier rows. Default: KLUIS_ROOT_KEY, else DATA/root.key.")
    var keyFile: String?

    func run(in context: CommandContext) async throws -> Int32 {
        let location = try store.location(in: context)
        let root = try location.rootKeyIfGiven(keyFile: keyFile ?? context.settings.path(.keyFile), in: context)
        let (verifier, identifiers) = try await location.withStore { store in
            let verifier = try await Vault.verifyAudit(in: store)
            guard let root else { return (verifier, IdentifierCheck?.none) }
            do {
                return (verifier, try await Vault.verifyIdentifiers(in: store, root: root))
            } catch let error as VaultError where error.code == .rootKeyWrong || error.code == .storeNotInitialised {
                throw CommandFailure(error.message)
            }
        }
        var intact = true
        if let broken = verifier.firstBroken {
            context.write("audit chain broken at event \(broken.sequence): \(broken.problem); \(verifier.checked) events before it are intact\n")
            intact = false
        } else {
            context.write("audit chain intact: \(verifier.checked) events\n")
        }
        guard let identifiers else {
            context.write("identifier rows not checked: no root key (pass --key-file or set KLUIS_ROOT_KEY)\n")
            return intact ? 0 : 1
        }
        guard identifiers.isIntact else {
            // Subject ids, tables and kinds only, and only in the forms Kluis makes: an altered
            // row could hold anything in those columns.
            let rows = identifiers.unbound.map { row in
                let subject = SubjectID(rawValue: row.subject)?.rawValue ?? "(not a subject id)"
                let kind = SubjectIdentifier.Kind(rawValue: row.kind)?.rawValue ?? "(unknown kind)"
                return "\(subject) (\(row.table), \(kind))"
            }
            let more = identifiers.unboundCount > rows.count ? ", and \(identifiers.unboundCount - rows.count) more" : ""
            context.write("identifier rows tampered: \(identifiers.unboundCount) of \(identifiers.checked) are not bound to the subject they name: \(rows.joined(separator: ", "))\(more)\n")
            return 1
        }
        context.write("identifier rows intact: \(identifiers.checked)\n")
        return intact ? 0 : 1
    }
}
