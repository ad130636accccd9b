import ArgumentParser
import Foundation
import KluisCore

/// `kluis import FILE.jsonl`: creates subjects in bulk, thousands per transaction.
struct ImportCommand: ContextualCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Create subjects from a JSON Lines file, one subject per line.",
        discussion: """
            Each line is {"identifiers": {"email": "…"}, "purpose": "…", "records": [{"category": "…", "fields": {…}}]}: \
            the purpose the records are collected for, once or per record, may be left out where only one purpose \
            uses a category. Data for a purpose on consent cannot be imported: record the consent, then write it. \
            Every line is checked against the policy before anything is written, so a bad line changes nothing; \
            then subjects are written --batch at a time, each batch one transaction, in order: the next is sealed \
            while the ones before it are written, and on PostgreSQL written while the one before it commits. A batch \
            that fails stops the import; the batches before it stay written, and none after it is.
            """
    )

    @OptionGroup var vault: VaultOptions

    @Argument(help: "The JSON Lines file.")
    var file: String

    @Option(help: "Subjects per transaction.")
    var batch: Int = 2000

    func run(in context: CommandContext) async throws -> Int32 {
        guard (1...50_000).contains(batch) else { throw CommandFailure("--batch must be 1 to 50000") }
        let text = try context.readText(file)
        return try await vault.withVault(in: context) { opened in try await importSubjects(text, into: opened, in: context) }
    }

    private func importSubjects(_ text: String, into opened: Vault, in context: CommandContext) async throws -> Int32 {
        let principal = Principal.commandLine(purposes: Set(opened.policy.purposes.map(\.id)))
        let subjects = try await parse(text, vault: opened, principal: principal)
        let start = ContinuousClock.now
        let written: Int
        do {
            written = try await opened.importSubjects(subjects, batchSize: batch, by: principal).count
        } catch let failure as ImportFailure {
            guard let error = failure.underlying as? VaultError else { throw failure.underlying }
            throw CommandFailure("lines \(failure.batch.lowerBound + 1)-\(failure.batch.upperBound): \(error.message); \(failure.written) subjects were imported before this batch")
        }
        let elapsed = (ContinuousClock.now - start).components
        let seconds = Double(elapsed.seconds) + Double(elapsed.attoseconds) / 1e18
        context.write("imported \(written) subjects in \(String(format: "%.2f", seconds)) s\n")
        return 0
    }

    /// Every line parsed and validated; the first bad line stops the import before it starts.
    func parse(_ text: String, vault: Vault, principal: Principal) async throws -> [NewSubject] {
        let decoder = JSONDecoder()
        var subjects: [NewSubject] = []
        var seen: [Data: Int] = [:]
        // Any newline ends a line: "\r\n" is one Character in Swift, so splitting on "\n" alone
        // would read a Windows file as one line.
        for (offset, line) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let number = offset + 1
            guard !line.allSatisfy(\.isWhitespace) else { continue }
            do {
                let subject = try decoder.decode(SubjectDocument.self, from: Data(line.utf8)).subject()
                for record in subject.records { try vault.validate(record, by: principal) }
                for identifier in subject.identifiers {
                    let index = vault.keys.blindIndex(identifier)
                    if let first = seen[index] {
                        throw VaultError(.identifierInUse, "the \(identifier.kind.rawValue) identifier is also on line \(first)")
                    }
                    // Checked now, not at commit, so that an import never stops half-way.
                    if try await vault.store.identifierBinding(kind: identifier.kind, blindIndex: index) != nil {
                        throw VaultError(.identifierInUse, "a subject with this \(identifier.kind.rawValue) identifier exists already")
                    }
                    seen[index] = number
                }
                subjects.append(subject)
            } catch let error as VaultError {
                throw CommandFailure("\(file):\(number): \(error.message)")
            } catch {
                throw CommandFailure("\(file):\(number): not a JSON object of the import format")
            }
        }
        return subjects
    }
}
