import ArgumentParser
import Foundation
import KluisCore
import KluisWeb

/// `kluis staff`: the console's staff accounts.
struct StaffCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "staff",
        abstract: "Manage the console's staff accounts.",
        discussion: """
            A new or reset account gets an enrolment code, printed once: its member opens the console's \
            enrolment page (/console/enrol), chooses a password and links an authenticator app. Roles: \
            owner (everything), desk (requests, people, breaches), auditor (audit log, registers, reports; \
            never a person's values).
            """,
        subcommands: [StaffAddCommand.self, StaffListCommand.self, StaffDisableCommand.self, StaffResetCommand.self]
    )

    static let credentials = BcryptTOTPCredentials()

    static func enrolmentText(_ member: StaffMember, code: String) -> String {
        """
        \(member.name) <\(member.email)> (\(member.id), \(member.role.rawValue)) enrols at /console/enrol with this code, \
        shown only now and good for \(Int(StaffService.enrolmentLifetime / 86_400)) days:
          \(code)

        """
    }
}

extension StaffRole: ExpressibleByArgument {}

/// `kluis staff add`: an account that waits for its member to enrol.
struct StaffAddCommand: ContextualCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: "Add a staff account; prints its enrolment code once.")

    @OptionGroup var vault: VaultOptions
    @Option(help: "The member's name, as the console and the audit log's readers see it.") var name: String
    @Option(help: "The e-mail address the member signs in with.") var email: String
    @Option(help: "owner, desk or auditor.") var role: StaffRole

    func run(in context: CommandContext) async throws -> Int32 {
        let (member, code) = try await vault.withVault(in: context) { opened in
            try await opened.staff(StaffCommand.credentials).add(name: name, email: email, role: role, by: "cli")
        }
        context.write(StaffCommand.enrolmentText(member, code: code))
        return 0
    }
}

/// `kluis staff list`: every account and its state.
struct StaffListCommand: ContextualCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the staff accounts: role, state, recovery codes left.")

    @OptionGroup var vault: VaultOptions

    func run(in context: CommandContext) async throws -> Int32 {
        let members = try await vault.withVault(in: context) { try await $0.staff(StaffCommand.credentials).members() }
        var text = "id\tname\temail\trole\tstate\trecovery codes\n"
        for member in members {
            let state = member.disabledAt != nil ? "disabled" : member.isActive ? "active" : "enrolling"
            text += [member.id, member.name, member.email, member.role.rawValue, state, String(member.recoveryCodes.count)]
                .joined(separator: "\t") + "\n"
        }
        context.write(text)
        return 0
    }
}

/// `kluis staff disable ID`: the account signs in no more.
struct StaffDisableCommand: ContextualCommand {
    static let configuration = CommandConfiguration(commandName: "disable",
                                                    abstract: "Disable a staff account: it signs in no more and its sessions end.")

    @OptionGroup var vault: VaultOptions
    @Argument(help: "The account's id (staff_…), as 'kluis staff list' shows it.") var id: String

    func run(in context: CommandContext) async throws -> Int32 {
        let member = try await vault.withVault(in: context) { opened in
            try await opened.staff(StaffCommand.credentials).disable(id, by: "cli")
        }
        context.write("\(member.name) (\(member.id)) is disabled.\n")
        return 0
    }
}

/// `kluis staff reset ID`: a new enrolment for a member who lost their second factor.
struct StaffResetCommand: ContextualCommand {
    static let configuration = CommandConfiguration(
        commandName: "reset",
        abstract: "Reset a staff account: its password, authenticator and recovery codes stop working; prints a new enrolment code.",
        discussion: "Also enables a disabled account again, once its member has enrolled anew."
    )

    @OptionGroup var vault: VaultOptions
    @Argument(help: "The account's id (staff_…), as 'kluis staff list' shows it.") var id: String

    func run(in context: CommandContext) async throws -> Int32 {
        let (member, code) = try await vault.withVault(in: context) { opened in
            try await opened.staff(StaffCommand.credentials).reset(id, by: "cli")
        }
        context.write(StaffCommand.enrolmentText(member, code: code))
        return 0
    }
}
