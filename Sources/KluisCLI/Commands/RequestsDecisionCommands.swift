import ArgumentParser
import Foundation
import KluisCore
import KluisPages

/// `kluis requests extend REQUEST --reason …`.
struct RequestsExtendCommand: ContextualCommand {
    static let configuration = CommandConfiguration(
        commandName: "extend",
        abstract: "Extend the deadline to receipt + 3 months; only within the first month, with a reason to tell the requester."
    )

    @OptionGroup var vault: VaultOptions
    @Argument(help: "The request id (req_…).") var request: String
    @Option(help: "Why: the request is complex, or many were received.") var reason: String

    func run(in context: CommandContext) async throws -> Int32 {
        let id = try RequestsCommand.parseID(request)
        let status = try await vault.withVault(in: context) { try await $0.requests.extend(id, reason: reason, by: RequestsCommand.operator_) }
        context.write(RequestsCommand.describe(status))
        return 0
    }
}

/// `kluis requests reject REQUEST --reason …`.
struct RequestsRejectCommand: ContextualCommand {
    static let configuration = CommandConfiguration(
        commandName: "reject",
        abstract: "Refuse a request, or close it without action, with the reason to tell the requester."
    )

    @OptionGroup var vault: VaultOptions
    @Argument(help: "The request id (req_…).") var request: String
    @Option(help: "Why; the requester is also told they may complain to the supervisory authority.") var reason: String

    func run(in context: CommandContext) async throws -> Int32 {
        let id = try RequestsCommand.parseID(request)
        let status = try await vault.withVault(in: context) { try await $0.requests.reject(id, reason: reason, by: RequestsCommand.operator_) }
        context.write(RequestsCommand.describe(status))
        return 0
    }
}

/// `kluis requests fulfil REQUEST`.
struct RequestsFulfilCommand: ContextualCommand {
    static let configuration = CommandConfiguration(
        commandName: "fulfil",
        abstract: "Carry out a verified request and close it.",
        discussion: "Rectification takes --corrections FILE: a JSON array of {\"category\", \"record_id\", \"fields\"}. Erasure writes the signed erasure certificate to --certificate (or prints it). With --notify-recipients, the recipients of a rectification, erasure or restriction that the policy gives an address (notify) are told through the outbox (art. 19): an .eml file in --outbox, or --sendmail."
    )

    @OptionGroup var vault: VaultOptions
    @Argument(help: "The request id (req_…).") var request: String
    @Option(help: "For rectification: a JSON file with the corrected records.") var corrections: String?
    @Option(help: "For erasure: write the signed certificate to this file.") var certificate: String?
    @Flag(help: "Tell the recipients through the outbox (art. 19).") var notifyRecipients = false
    @Option(help: "The outbox directory for .eml files.") var outbox: String?
    @Option(help: "A sendmail-compatible program, e.g. /usr/sbin/sendmail.") var sendmail: String?
    @Option(help: "The sender address with --sendmail; default the policy's request contact.") var from: String?

    func run(in context: CommandContext) async throws -> Int32 {
        let id = try RequestsCommand.parseID(request)
        var records: [NewRecord] = []
        if let corrections {
            let text = try context.readText(corrections)
            let documents: [RecordDocument]
            do {
                documents = try JSONDecoder().decode([RecordDocument].self, from: Data(text.utf8))
            } catch {
                throw CommandFailure("\(corrections) is not a JSON array of records ({\"category\", \"record_id\", \"fields\"})")
            }
            records = try documents.map { try $0.record() }
        }
        let done = try await vault.withVault(in: context) { opened in
            let outbox = notifyRecipients
                ? try OutboxOptions.outbox(directory: outbox, sendmail: sendmail, from: OutboxOptions.sender(from, policy: opened.policy, in: context),
                                           data: vault.store.dataDirectory(in: context), in: context)
                : nil
            let done = try await opened.requests.fulfil(id, corrections: records, notifyingRecipientsThrough: outbox, by: RequestsCommand.operator_)
            // A command has no background to finish an erasure in: what it shredded goes now.
            if done.erasure != nil { try await opened.purgeShredded() }
            return done
        }
        var text = RequestsCommand.describe(done.request)
        if let erasure = done.erasure {
            text += "erased: \(erasure.erased.joined(separator: ", "))\n"
            for kept in erasure.kept {
                text += "kept: \(kept.category) for \(kept.purpose) until \(kept.until.map { LegalCalendar().calendarDate(of: $0).description } ?? "its retention clock starts")\n"
            }
        }
        for notice in done.recipientsToNotify {
            let told = notice.notified ? "told" : "tell"
            text += "\(told) \(notice.name) (\(notice.recipient)) about \(notice.categories.joined(separator: ", "))\(notice.disclosed ? " — data was disclosed to them" : "")\n"
        }
        if let jws = done.certificate {
            if let certificate {
                try context.writeText(jws + "\n", to: certificate)
                text += "certificate written to \(certificate)\n"
            } else {
                text += "certificate: \(jws)\n"
            }
        }
        context.write(text)
        return 0
    }
}

/// `kluis requests export REQUEST [--format json|html|csv]`.
struct RequestsExportCommand: ContextualCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the package of a verified access request (json or html) or portability request (json or csv)."
    )

    @OptionGroup var vault: VaultOptions
    @Argument(help: "The request id (req_…).") var request: String
    @Option(help: "json, html (access) or csv (portability).") var format: String = "json"
    @Option(help: "The language of the page: nl or en.") var language: Language?
    @Option(help: "Write to this file instead of standard output.") var output: String?

    func run(in context: CommandContext) async throws -> Int32 {
        let id = try RequestsCommand.parseID(request)
        let text: String = try await vault.withVault(in: context) { opened in
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            encoder.dateEncodingStrategy = .iso8601
            switch try await opened.requests.status(of: id).request.type {
            case .access:
                let package = try await opened.accessPackage(for: id, in: language, by: RequestsCommand.operator_)
                switch format {
                case "json": return String(decoding: try encoder.encode(package), as: UTF8.self) + "\n"
                case "html": return PageRenderer.render(package.document(policy: opened.policy, in: language ?? opened.policy.info.languages[0]), policy: opened.policy)
                default: throw CommandFailure("--format of an access package is json or html")
                }
            case .portability:
                let package = try await opened.portabilityPackage(for: id, by: RequestsCommand.operator_)
                switch format {
                case "json": return String(decoding: try encoder.encode(package), as: UTF8.self) + "\n"
                case "csv": return package.csv
                default: throw CommandFailure("--format of a portability package is json or csv")
                }
            default:
                throw CommandFailure("only access and portability requests have a package")
            }
        }
        if let output { try context.writeText(text, to: output) } else { context.write(text) }
        return 0
    }
}

/// `kluis requests lift-restriction SUBJECT --subject-told-at …`.
struct RequestsLiftRestrictionCommand: ContextualCommand {
    static let configuration = CommandConfiguration(
        commandName: "lift-restriction",
        abstract: "Lift a person's restrictions of processing, after telling them (art. 18(3)).",
        discussion: "Data kept after an erasure under a legal obligation stays restricted."
    )

    @OptionGroup var vault: VaultOptions
    @Argument(help: "The subject id (sub_…).") var subject: String
    @Option(help: "When the person was told (ISO 8601).") var subjectToldAt: String

    func run(in context: CommandContext) async throws -> Int32 {
        let subject = try SubjectIDArgument.parse(self.subject)
        guard let told = try? Date(subjectToldAt, strategy: .iso8601) else { throw CommandFailure("--subject-told-at is not an ISO 8601 time") }
        let remaining = try await vault.withVault(in: context) {
            try await $0.requests.liftRestrictions(of: subject, subjectToldAt: told, by: RequestsCommand.operator_)
        }
        context.write("lifted; \(remaining.count) restriction(s) under a legal obligation remain\n")
        return 0
    }
}
