import ArgumentParser
import Foundation
import KluisCore

/// `kluis consents`: consents and objections recorded at the desk — on paper, by phone, by
/// e-mail — and the checks behind them.
struct ConsentsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "consents",
        abstract: "Record and inspect consents, withdrawals and objections.",
        subcommands: [ConsentsShowCommand.self, ConsentsRecordCommand.self, ConsentsStaleCommand.self, ConsentsVerifyCommand.self]
    )
}

/// `kluis consents show SUBJECT`.
struct ConsentsShowCommand: ContextualCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "A person's consent and objection state per purpose, and their history."
    )

    @OptionGroup var vault: VaultOptions
    @Argument(help: "The subject id (sub_…).") var subject: String

    func run(in context: CommandContext) async throws -> Int32 {
        let subject = try SubjectIDArgument.parse(self.subject)
        let (state, history) = try await vault.withVault(in: context) { vault in
            try await vault.consents.of(subject, by: .commandLine(purposes: []))
        }
        var text = "purpose\tbasis\tconsent\tobjected\tpermitted\n"
        for purpose in state {
            text += "\(purpose.purpose)\t\(purpose.legalBasis.rawValue)\t\(purpose.status?.rawValue ?? "-")\t\(purpose.objected ? "yes" : "no")\t\(purpose.permitted ? "yes" : "no")\n"
        }
        text += "\nhistory:\n"
        for event in history {
            let time = event.time.formatted(Date.ISO8601FormatStyle())
            text += "\(time)\t\(event.purpose)\t\(event.kind.rawValue)\t\(event.method.rawValue)\tpolicy \(event.policyVersion)\(event.minor ? "\tby \(event.guardian?.relationship.rawValue ?? "guardian") (\(event.guardian?.verification.rawValue ?? "-"))" : "")\n"
        }
        context.write(text)
        return 0
    }
}

/// `kluis consents record SUBJECT --decision newsletter=given …`.
struct ConsentsRecordCommand: ContextualCommand {
    static let configuration = CommandConfiguration(
        commandName: "record",
        abstract: "Record decisions a person made outside the website: on paper, by phone or by e-mail.",
        discussion: "Each --decision is PURPOSE=given|refused|withdrawn|expired|objected|objection_withdrawn. When consent is given or withdrawn, the signed receipt is written to --receipt (or printed), for the person to keep."
    )

    @OptionGroup var vault: VaultOptions
    @Argument(help: "The subject id (sub_…).") var subject: String

    @Option(name: .customLong("decision"), help: ArgumentHelp("A decision.", valueName: "PURPOSE=KIND"))
    var decisions: [String] = []

    @Option(help: "How it was collected: web_form, email, phone or paper.")
    var method: String = "paper"

    @Option(help: "The language the person was asked in.")
    var language: Language?

    @Option(help: "The person's date of birth (YYYY-MM-DD), for the policy's age rule; not stored.")
    var birthDate: String?

    @Option(help: "For a minor: the parent's or guardian's name (stored sealed).")
    var guardianName: String?

    @Option(help: "For a minor: parent or guardian.")
    var guardianRelationship: String = "parent"

    @Option(help: "For a minor: how parental responsibility was checked: id_document, signed_form, bank_payment, email_confirmation or in_person.")
    var guardianVerification: String?

    @Option(help: "Write the signed receipt to this file.")
    var receipt: String?

    func run(in context: CommandContext) async throws -> Int32 {
        let subject = try SubjectIDArgument.parse(self.subject)
        let submission = try self.submission()
        let outcome = try await vault.withVault(in: context) { vault in
            try await vault.consents.record(submission, for: subject, by: .commandLine(purposes: []))
        }
        for event in outcome.events {
            context.write("recorded: \(event.purpose) \(event.kind.rawValue)\n")
        }
        if let jws = outcome.receipt {
            if let receipt {
                try context.writeText(jws + "\n", to: receipt)
                context.write("receipt \(outcome.receiptID ?? "") written to \(receipt)\n")
            } else {
                context.write("receipt \(outcome.receiptID ?? ""):\n\(jws)\n")
            }
        }
        return 0
    }

    func submission() throws(CommandFailure) -> ConsentSubmission {
        guard !decisions.isEmpty else { throw CommandFailure("give at least one --decision PURPOSE=KIND") }
        var parsed: [ConsentDecision] = []
        for text in decisions {
            let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, let kind = ConsentEvent.Kind(rawValue: parts[1]), kind != .renewed else {
                throw CommandFailure("--decision \(text): write PURPOSE=given|refused|withdrawn|expired|objected|objection_withdrawn")
            }
            parsed.append(ConsentDecision(purpose: parts[0], kind: kind))
        }
        guard let method = ConsentEvent.CollectionMethod(rawValue: method), method != .browserSignal else {
            throw CommandFailure("--method must be web_form, email, phone or paper")
        }
        var birth: CalendarDate?
        if let birthDate {
            guard let date = CalendarDate(birthDate) else { throw CommandFailure("--birth-date must be a date, YYYY-MM-DD") }
            birth = date
        }
        var guardian: Guardian?
        if let guardianName {
            guard let relationship = Guardian.Relationship(rawValue: guardianRelationship) else {
                throw CommandFailure("--guardian-relationship must be parent or guardian")
            }
            guard let verification = guardianVerification.flatMap(Guardian.Verification.init(rawValue:)) else {
                throw CommandFailure("--guardian-verification must be one of \(Guardian.Verification.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            guardian = Guardian(name: guardianName, relationship: relationship, verification: verification)
        }
        return ConsentSubmission(decisions: parsed, method: method, language: language, birthDate: birth, guardian: guardian)
    }
}

/// `kluis consents stale`.
struct ConsentsStaleCommand: ContextualCommand {
    static let configuration = CommandConfiguration(
        commandName: "stale",
        abstract: "The people who consented to an earlier description of a purpose and must be asked again.",
        discussion: "Prints one line per person: the purpose and the subject id."
    )

    @OptionGroup var vault: VaultOptions
    @Option(help: "Only this purpose.") var purpose: String?
    @Option(help: "At most this many people per purpose.") var limit: Int = 10_000

    func run(in context: CommandContext) async throws -> Int32 {
        let stale = try await vault.withVault(in: context) { vault in
            try await vault.consents.stale(purpose: purpose, limit: limit, by: .commandLine(purposes: []))
        }
        for (purpose, subjects) in stale {
            for subject in subjects { context.write("\(purpose)\t\(subject)\n") }
        }
        return 0
    }
}

/// `kluis consents verify RECEIPT`.
struct ConsentsVerifyCommand: ContextualCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check a consent receipt's signature and show where its purposes stand now; exit 1 when it does not verify."
    )

    @OptionGroup var vault: VaultOptions
    @Argument(help: "A file holding the receipt (compact JWS).") var receipt: String

    func run(in context: CommandContext) async throws -> Int32 {
        let text = try context.readText(receipt)
        let check = try await vault.withVault(in: context) { vault in try await vault.consents.verifyReceipt(text) }
        guard check.valid, let receipt = check.receipt else {
            context.write("receipt does not verify: \(check.rejection?.rawValue ?? "malformed")\n")
            return 1
        }
        let when = Date(timeIntervalSince1970: TimeInterval(receipt.consentTimestamp)).formatted(Date.ISO8601FormatStyle())
        context.write("receipt \(receipt.consentReceiptID) verifies: signed by Kluis for \(receipt.piiPrincipalId) on \(when), policy \(receipt.policyVersion)\n")
        for purpose in check.current {
            context.write("\(purpose.purpose)\tnow \(purpose.status?.rawValue ?? "-")\(purpose.objected ? ", objected" : "")\n")
        }
        return 0
    }
}

/// A subject id given on the command line.
enum SubjectIDArgument {
    static func parse(_ text: String) throws(CommandFailure) -> SubjectID {
        guard let id = SubjectID(rawValue: text) else { throw CommandFailure("'\(text)' is not a subject id (sub_…)") }
        return id
    }
}
