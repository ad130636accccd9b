import Foundation
import KluisCore
import KluisTesting
import KluisWeb
import Testing

/// `kluis staff add|list|disable|reset`, in-process against a real data directory.
@Suite struct StaffCommandTests {
    @Test func accountsAreAddedListedDisabledAndReset() async throws {
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        let (data, root) = try await VaultCommandTests.initialise(in: temporary)
        let policy = try VaultCommandTests.writePolicy(in: temporary)
        func kluis(_ arguments: String...) async -> CommandRun {
            await CommandRun.kluis(arguments + ["--data", data.path, "--policy", policy], environment: VaultCommandTests.noEnvironment)
        }
        let added = await kluis("staff", "add", "--name", "Fleur de Vries", "--email", "fleur@example.nl", "--role", "owner")
        #expect(added.exitCode == 0, "\(added.errorOutput)")
        let code = try #require(added.output.firstMatch(of: /(?m)^  ([a-z2-9]{4}-){3}[a-z2-9]{4}$/).map { String($0.output.0).trimmingCharacters(in: .whitespaces) })
        #expect(added.output.contains("/console/enrol"))
        let id = try #require(added.output.firstMatch(of: /staff_[a-z0-9]+/).map { String($0.output) })

        let twin = await kluis("staff", "add", "--name", "Twin", "--email", "FLEUR@example.nl", "--role", "desk")
        #expect(twin.exitCode != 0 && twin.errorOutput.contains("there is a staff account with this e-mail address already"))
        let badRole = await kluis("staff", "add", "--name", "X", "--email", "x@example.nl", "--role", "king")
        #expect(badRole.exitCode != 0 && badRole.errorOutput.contains("king"))

        let listed = await kluis("staff", "list")
        #expect(listed.output.contains("\(id)\tFleur de Vries\tfleur@example.nl\towner\tenrolling\t0\n"), "\(listed.output)")
        #expect(!listed.output.contains(code), "an enrolment code was listed")

        // The code printed is the one that enrols.
        let vault = try await VaultCommandTests.openVault(data, root: root, policy: policy)
        let enrolment = try await vault.staff(BcryptTOTPCredentials(cost: 4)).beginEnrolment(
            email: "fleur@example.nl", enrolmentCode: code, password: "a long enough password", from: "127.0.0.1")
        #expect(enrolment.member.id == id)

        let disabled = await kluis("staff", "disable", id)
        #expect(disabled.exitCode == 0 && disabled.output.contains("Fleur de Vries (\(id)) is disabled."))
        #expect(await kluis("staff", "list").output.contains("\towner\tdisabled\t"))
        let reset = await kluis("staff", "reset", id)
        #expect(reset.exitCode == 0 && reset.output.firstMatch(of: /(?m)^  ([a-z2-9]{4}-){3}[a-z2-9]{4}$/) != nil)
        #expect(await kluis("staff", "list").output.contains("\towner\tenrolling\t0\n"))
        let unknown = await kluis("staff", "disable", "staff_nothere")
        #expect(unknown.exitCode != 0 && unknown.errorOutput.contains("there is no staff account 'staff_nothere'"))

        let events = try await vault.auditEvents(limit: 100).map(\.entry).filter { $0.action == .staff }
        #expect(events.map(\.reason) == ["\(id) added as owner", "\(id) set a password", "\(id) disabled", "\(id) reset"])
    }
}
