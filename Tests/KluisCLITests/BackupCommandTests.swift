import Foundation
import KluisTesting
import Testing

/// `kluis backup` when it cannot make the copy. (The backup that works, and its restore, are in
/// ``RequestCommandTests``.)
@Suite struct BackupCommandTests {
    static var hasPgDump: Bool {
        (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
            .contains { FileManager.default.isExecutableFile(atPath: "\($0)/pg_dump") }
    }

    /// pg_dump against a server that is not there: the command says why, without the password,
    /// and leaves no file that could pass for a backup or stand in the way of the next attempt.
    @Test(.enabled(if: Self.hasPgDump || ProcessInfo.processInfo.environment["CI"] == "true", "needs pg_dump (Debian: postgresql-client)"))
    func aFailedBackupLeavesNoFileBehind() async throws {
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        let backup = temporary.path("vault.backup")
        let arguments = ["backup", "--output", backup, "--database", "postgres://kluis:geheim-wachtwoord@127.0.0.1:1/kluis"]
        for _ in 1...2 {
            let run = await CommandRun.kluis(arguments)
            #expect(run.exitCode != 0)
            #expect(run.errorOutput.contains("pg_dump failed (exit status 1)"), "\(run.errorOutput)")
            #expect(!run.errorOutput.contains("exists already"), "the first attempt left its file")
            #expect(!(run.output + run.errorOutput).contains("geheim-wachtwoord"))
            #expect(!FileManager.default.fileExists(atPath: backup))
        }
    }
}
