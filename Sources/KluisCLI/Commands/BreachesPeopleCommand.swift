import ArgumentParser
import Foundation
import KluisCore

/// `kluis breaches people ID (--category … | --from … | --until … | --purpose … | --subject …) [--tell]`:
/// the people a breach exposed, counted, and told (art. 34).
struct BreachesPeopleCommand: ContextualCommand {
    static let configuration = CommandConfiguration(
        commandName: "people",
        abstract: "Count the people a breach exposed; with --tell, tell them by e-mail in their language.",
        discussion: """
            Select by the categories of data exposed, the time their records were collected (--from, --until), \
            the purposes that apply to them, or a list of subjects; every criterion given must hold. Counting \
            opens no value. With --tell each person selected who has a registered e-mail address and was not \
            told of this breach before gets the letter (art. 34(2)), in their language; the others are counted \
            to be told another way. The letter's words come from the register unless --text-file gives them per \
            language: a YAML file with happened, consequences, measures and advice. With --sendmail the letters \
            go to that program; otherwise they are written as .eml files to --outbox (default DATA/outbox).
            """
    )

    @OptionGroup var vault: VaultOptions
    @Argument(help: "The breach id (brc_…).") var id: String
    @Option(name: .customLong("category"), help: "A category of data exposed (repeatable).") var categories: [String] = []
    @Option(help: "Records collected from this time (ISO 8601 with its offset).") var from: String?
    @Option(help: "Records collected up to this time (ISO 8601 with its offset).") var until: String?
    @Option(name: .customLong("purpose"), help: "A purpose that applies to the person (repeatable).") var purposes: [String] = []
    @Option(name: .customLong("subject"), help: "Only this person, by subject id (sub_…; repeatable).") var subjects: [String] = []
    @Flag(help: "Tell them; without it, only count.") var tell = false
    @Option(name: .customLong("text-file"), help: "LANG=FILE: the letter's words in that language (repeatable). Default: the register's.")
    var textFiles: [String] = []
    @Option(help: "With --tell: the outbox directory for .eml files.") var outbox: String?
    @Option(help: "With --tell: a sendmail-compatible program, e.g. /usr/sbin/sendmail.") var sendmail: String?
    @Option(help: "With --tell and --sendmail: the sender address; default the policy's request contact.") var mailFrom: String?

    func validate() throws {
        guard !categories.isEmpty || from != nil || until != nil || !purposes.isEmpty || !subjects.isEmpty else {
            throw ValidationError("select the people: --category, --from, --until, --purpose or --subject")
        }
        if !tell, !textFiles.isEmpty || outbox != nil || sendmail != nil || mailFrom != nil {
            throw ValidationError("--text-file, --outbox, --sendmail and --mail-from are for --tell")
        }
    }

    func run(in context: CommandContext) async throws -> Int32 {
        let id = try BreachesCommand.parseID(id)
        let start = try from.map { given throws(CommandFailure) in try BreachesCommand.time(given, option: "--from") }
        let end = try until.map { given throws(CommandFailure) in try BreachesCommand.time(given, option: "--until") }
        let exposure = BreachExposure(categories: categories, from: start, until: end, purposes: purposes,
                                      subjects: try subjects.map(SubjectIDArgument.parse))
        guard tell else {
            let audience = try await vault.withVault(in: context) {
                try await $0.breaches.audience(of: id, exposure: exposure, by: BreachesCommand.operator_)
            }
            let languages = audience.languages.sorted { $0.key < $1.key }.map { "\($0.key.rawValue) \($0.value)" }
            context.write("""
                breach \(id): people selected by \(BreachesShowCommand.describe(exposure))
                  selected                \(audience.selected)
                  with an e-mail address  \(audience.withAddress)
                  already told            \(audience.alreadyTold)
                  by language             \(languages.isEmpty ? "-" : languages.joined(separator: ", "))

                """)
            return 0
        }
        let texts = try letterTexts(in: context)
        let round = try await vault.withVault(in: context) { opened in
            for language in texts.keys where !opened.policy.info.languages.contains(language) {
                throw CommandFailure("--text-file \(language.rawValue)=…: the policy's languages are "
                                     + opened.policy.info.languages.map(\.rawValue).joined(separator: ", "))
            }
            let breaches = opened.breaches
            // Checked before an outbox is chosen: a refused text sends nothing.
            try breaches.checkLetterTexts(texts)
            let outbox = try OutboxOptions.outbox(directory: outbox, sendmail: sendmail, from: OutboxOptions.sender(mailFrom, policy: opened.policy, in: context),
                                                  data: vault.store.dataDirectory(in: context), in: context)
            return try await breaches.tell(id, exposure: exposure, texts: texts, outbox: outbox, by: BreachesCommand.operator_)
        }
        let before = round.selected - round.told - round.withoutAddress
        context.write("""
            breach \(id): \(round.told) of \(round.selected) selected told by e-mail at \(BreachesCommand.time(round.at))
              without an e-mail address  \(round.withoutAddress)\(round.withoutAddress > 0 ? " (tell them another way)" : "")
              told before                \(before)

            """)
        return 0
    }

    /// The letter's words per language, from the `LANG=FILE` options.
    private func letterTexts(in context: CommandContext) throws(CommandFailure) -> [Language: BreachLetter.Text] {
        var texts: [Language: BreachLetter.Text] = [:]
        for option in textFiles {
            let parts = option.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, let language = Language(rawValue: parts[0]), !parts[1].isEmpty else {
                throw CommandFailure("--text-file must be LANG=FILE, such as nl=letter-nl.yaml, with LANG one of "
                                     + Language.allCases.map(\.rawValue).joined(separator: ", "))
            }
            guard texts[language] == nil else { throw CommandFailure("--text-file \(language.rawValue) is given twice") }
            texts[language] = try BreachFile.letterText(from: context.readText(parts[1]), file: parts[1])
        }
        return texts
    }
}
