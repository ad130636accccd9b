import ArgumentParser
import Foundation
import KluisCore

/// `kluis requests`: the data-subject request desk at the command line — intake of requests that
/// arrive by post, phone or e-mail, the queue with its deadlines, and every step to the answer.
struct RequestsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "requests",
        abstract: "Take in, track and answer data-subject requests.",
        subcommands: [
            RequestsSubmitCommand.self, RequestsListCommand.self, RequestsShowCommand.self, RequestsAskCommand.self,
            RequestsSendCodeCommand.self, RequestsVerifyCommand.self, RequestsExtendCommand.self, RequestsRejectCommand.self,
            RequestsFulfilCommand.self, RequestsExportCommand.self, RequestsLiftRestrictionCommand.self, RequestsJournalCommand.self,
        ]
    )

    /// The operator at the command line.
    static let operator_ = Principal.commandLine(purposes: [])

    static func parseID(_ text: String) throws(CommandFailure) -> RequestID {
        guard let id = RequestID(rawValue: text) else { throw CommandFailure("'\(text)' is not a request id (req_…)") }
        return id
    }

    /// One request in a few lines: state, deadlines, identity, history.
    static func describe(_ status: RequestStatus) -> String {
        let request = status.request
        let deadlines = status.deadlines
        var flags: [String] = []
        if status.isOverdue { flags.append("OVERDUE") } else if status.isDueSoon { flags.append("due soon") }
        if deadlines.isPaused { flags.append("clock paused") }
        var text = "\(request.id)\t\(request.type.rawValue)\t\(request.state.rawValue)\t\(request.subject?.rawValue ?? "no subject")\n"
        text += "  received \(LegalCalendar().calendarDate(of: request.receivedAt)) via \(request.channel.rawValue)"
        text += "; due \(deadlines.due) (target \(deadlines.isExtended ? deadlines.extendedTarget : deadlines.target))"
        if deadlines.pausedDays > 0 { text += "; paused \(deadlines.pausedDays) days" }
        if !flags.isEmpty { text += "; " + flags.joined(separator: ", ") }
        text += "\n"
        if let identity = request.identity {
            text += "  identity verified \(identity.verifiedAt.formatted(Date.ISO8601FormatStyle())) by \(identity.method.rawValue) (\(identity.verifiedBy))\n"
        }
        for step in request.history {
            text += "  \(step.time.formatted(Date.ISO8601FormatStyle()))\t\(step.state.rawValue)\t\(step.actor)\(step.note.map { "\t\($0)" } ?? "")\n"
        }
        return text
    }
}

/// `kluis requests submit --type access --email …`.
struct RequestsSubmitCommand: ContextualCommand {
    static let configuration = CommandConfiguration(
        commandName: "submit",
        abstract: "Record a request that arrived by post, phone, e-mail or in person.",
        discussion: "Name the requester by --subject or by identifiers (--email, --phone, --customer-number); identifiers are looked up and not kept. The legal month runs from --received-at (default: now)."
    )

    @OptionGroup var vault: VaultOptions
    @Option(help: "access, portability, rectification, erasure, restriction, objection or withdrawal.") var type: String
    @Option(help: "The subject id (sub_…).") var subject: String?
    @Option(help: "The e-mail address the requester gave.") var email: String?
    @Option(help: "The phone number the requester gave.") var phone: String?
    @Option(help: "The customer number the requester gave.") var customerNumber: String?
    @Option(help: "web, email, post, phone, in_person or api.") var channel: String = "post"
    @Option(help: "When the request arrived (ISO 8601, e.g. 2026-11-20T09:30:00+01:00).") var receivedAt: String?
    @Option(name: .customLong("purpose"), help: "For objection or withdrawal: a purpose (repeatable; default all that allow it).")
    var purposes: [String] = []
    @Option(name: .customLong("category"), help: "For restriction or erasure: a category (repeatable; default all, for an erasure the whole person).")
    var categories: [String] = []
    @Option(help: "For restriction: accuracy_contested, unlawful_processing, legal_claims or objection_pending.") var ground: String?

    func run(in context: CommandContext) async throws -> Int32 {
        guard let type = RequestType(rawValue: type) else {
            throw CommandFailure("--type must be one of \(RequestType.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        guard let channel = RequestChannel(rawValue: channel) else {
            throw CommandFailure("--channel must be one of \(RequestChannel.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        var identifiers: [SubjectIdentifier] = []
        if let email { identifiers.append(try SubjectIdentifier(kind: .email, value: email)) }
        if let phone { identifiers.append(try SubjectIdentifier(kind: .phone, value: phone)) }
        if let customerNumber { identifiers.append(try SubjectIdentifier(kind: .customerNumber, value: customerNumber)) }
        let subject = try subject.map(SubjectIDArgument.parse)
        guard subject != nil || !identifiers.isEmpty else {
            throw CommandFailure("name the requester: --subject, --email, --phone or --customer-number")
        }
        let received = try receivedAt.map { text in
            guard let date = try? Date(text, strategy: .iso8601) else { throw CommandFailure("--received-at is not an ISO 8601 time") }
            return date
        }
        let ground = try ground.map { text in
            guard let ground = Restriction.Ground(rawValue: text), ground != .legalObligation else {
                throw CommandFailure("--ground must be accuracy_contested, unlawful_processing, legal_claims or objection_pending")
            }
            return ground
        }
        let submission = RequestSubmission(type: type, subject: subject, identifiers: identifiers, channel: channel, receivedAt: received,
                                           purposes: purposes, categories: categories, restrictionGround: ground)
        let status = try await vault.withVault(in: context) { try await $0.requests.submit(submission, by: RequestsCommand.operator_) }
        context.write(RequestsCommand.describe(status))
        return 0
    }
}

/// `kluis requests list [--overdue | --due-soon | --all]`.
struct RequestsListCommand: ContextualCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "The queue: open requests with their deadlines, oldest first.",
        discussion: "Exits with status 3 when --overdue finds any, so a scheduled job can alert on it."
    )

    @OptionGroup var vault: VaultOptions
    @Flag(help: "Only requests past their deadline.") var overdue = false
    @Flag(help: "Only requests due within seven days, or overdue.") var dueSoon = false
    @Flag(help: "Closed requests too.") var all = false

    func run(in context: CommandContext) async throws -> Int32 {
        guard [overdue, dueSoon, all].filter({ $0 }).count <= 1 else {
            throw CommandFailure("give at most one of --overdue, --due-soon and --all")
        }
        let filter: RequestFilter = overdue ? .overdue : dueSoon ? .dueSoon : all ? .all : .open
        let found = try await vault.withVault(in: context) { try await $0.requests.list(filter) }
        var text = "request\ttype\tstate\treceived\tdue\tflags\n"
        for status in found {
            let flags = [status.isOverdue ? "overdue" : nil, status.isDueSoon ? "due_soon" : nil,
                         status.deadlines.isPaused ? "paused" : nil, status.deadlines.isExtended ? "extended" : nil].compactMap { $0 }
            text += "\(status.request.id)\t\(status.request.type.rawValue)\t\(status.request.state.rawValue)\t"
                + "\(LegalCalendar().calendarDate(of: status.request.receivedAt))\t\(status.deadlines.due)\t\(flags.joined(separator: ","))\n"
        }
        context.write(text)
        return overdue && !found.isEmpty ? 3 : 0
    }
}

/// `kluis requests show REQUEST`.
struct RequestsShowCommand: ContextualCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "One request: state, deadlines, identity check and history.")

    @OptionGroup var vault: VaultOptions
    @Argument(help: "The request id (req_…).") var request: String

    func run(in context: CommandContext) async throws -> Int32 {
        let id = try RequestsCommand.parseID(request)
        let status = try await vault.withVault(in: context) { try await $0.requests.status(of: id) }
        context.write(RequestsCommand.describe(status))
        return 0
    }
}

/// `kluis requests ask-identification REQUEST`.
struct RequestsAskCommand: ContextualCommand {
    static let configuration = CommandConfiguration(
        commandName: "ask-identification",
        abstract: "Record that identity information was asked for: the legal clock pauses until it is verified."
    )

    @OptionGroup var vault: VaultOptions
    @Argument(help: "The request id (req_…).") var request: String

    func run(in context: CommandContext) async throws -> Int32 {
        let id = try RequestsCommand.parseID(request)
        let status = try await vault.withVault(in: context) { try await $0.requests.askForIdentification(id, by: RequestsCommand.operator_) }
        context.write(RequestsCommand.describe(status))
        return 0
    }
}

/// `kluis requests send-code REQUEST`.
struct RequestsSendCodeCommand: ContextualCommand {
    static let configuration = CommandConfiguration(
        commandName: "send-code",
        abstract: "Send a one-time code to the subject's registered e-mail address.",
        discussion: "With --sendmail the message goes to that sendmail-compatible program (which delivers over SMTP); otherwise it is written as an .eml file to --outbox (default DATA/outbox)."
    )

    @OptionGroup var vault: VaultOptions
    @Argument(help: "The request id (req_…).") var request: String
    @Option(help: "The outbox directory for .eml files.") var outbox: String?
    @Option(help: "A sendmail-compatible program, e.g. /usr/sbin/sendmail.") var sendmail: String?
    @Option(help: "The sender address with --sendmail; default the policy's request contact.") var from: String?

    func run(in context: CommandContext) async throws -> Int32 {
        let id = try RequestsCommand.parseID(request)
        let status = try await vault.withVault(in: context) { opened in
            let outbox = try OutboxOptions.outbox(directory: outbox, sendmail: sendmail, from: OutboxOptions.sender(from, policy: opened.policy, in: context),
                                                  data: vault.store.dataDirectory(in: context), in: context)
            return try await opened.requests.sendVerificationCode(id, outbox: outbox, by: RequestsCommand.operator_)
        }
        context.write(RequestsCommand.describe(status))
        return 0
    }
}

/// `kluis requests verify REQUEST --method …`.
struct RequestsVerifyCommand: ContextualCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Record that the requester's identity was verified.",
        discussion: "registered_email needs the --code the person received. For id_copy_shielded, in_person and phone_callback you attest the check: never store the ID copy; Kluis keeps only the date, the method and who verified."
    )

    @OptionGroup var vault: VaultOptions
    @Argument(help: "The request id (req_…).") var request: String
    @Option(help: "signed_in_session, registered_email, phone_callback, id_copy_shielded or in_person.") var method: String
    @Option(help: "The one-time code, for registered_email.") var code: String?

    func run(in context: CommandContext) async throws -> Int32 {
        let id = try RequestsCommand.parseID(request)
        guard let method = IdentityCheck(rawValue: method) else {
            throw CommandFailure("--method must be one of \(IdentityCheck.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let status = try await vault.withVault(in: context) {
            try await $0.requests.verifyIdentity(id, method: method, code: code, by: RequestsCommand.operator_)
        }
        context.write(RequestsCommand.describe(status))
        return 0
    }
}
