import Foundation
import GRDB
import KluisCore
import KluisSQLite
import KluisTesting
import Testing

/// `keys rotate` and `audit verify` run in-process against real data directories.
@Suite struct KeyAndAuditCommandTests {
    // MARK: keys rotate

    @Test func keysRotateMovesTheVaultToTheNewKeyAndKeepsTheData() async throws {
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        let (data, old) = try await VaultCommandTests.initialise(in: temporary)
        let policy = try VaultCommandTests.writePolicy(in: temporary)
        let emails = ["a@voorbeeld.example", "b@voorbeeld.example", "c@voorbeeld.example"]
        try VaultCommandTests.write(emails.map(VaultCommandTests.importLine).joined(separator: "\n"), to: temporary.url.appendingPathComponent("people.jsonl"))
        let imported = await CommandRun.kluis("import", temporary.path("people.jsonl"), "--data", data.path, "--policy", policy,
                                              environment: VaultCommandTests.noEnvironment)
        #expect(imported.exitCode == 0, "\(imported.errorOutput)")

        let newKeyFile = temporary.path("new.key")
        let run = await CommandRun.kluis("keys", "rotate", "--data", data.path, "--new-key-file", newKeyFile,
                                         environment: VaultCommandTests.noEnvironment)
        #expect(run.exitCode == 0, "\(run.errorOutput)")
        // Three subjects, each with an identity key and a contact key.
        #expect(run.output.contains("6 data keys rewrapped"), "\(run.output)")
        #expect(try VaultCommandTests.permissions(of: newKeyFile) == 0o600)
        let new = try RootKey(text: String(contentsOfFile: newKeyFile, encoding: .utf8))
        #expect(new.id != old.id)
        VaultCommandTests.expectNoKeyMaterial([old.text, new.text], in: run)

        // The new key opens the vault, and what was written before is readable with it.
        let vault = try await VaultCommandTests.openVault(data, root: new, policy: policy)
        for email in emails {
            let subject = try #require(try await VaultCommandTests.subject(email: email, in: vault))
            let read = try await vault.read(subject, for: "service", by: Principal(id: "key_test", purposes: ["service"]))
            #expect(read.records.first?.fields["email"] == email)
        }
        // The old key does not, in the library and at the command line.
        do {
            _ = try await VaultCommandTests.openVault(data, root: old, policy: policy)
            Issue.record("the old root key still opens the vault")
        } catch let error as VaultError {
            #expect(error.code == .rootKeyWrong)
        }
        let withOld = await CommandRun.kluis("apikey", "create", "--data", data.path, "--policy", policy, "--name", "app",
                                             environment: VaultCommandTests.noEnvironment)
        #expect(withOld.exitCode == 1)
        #expect(withOld.errorOutput.contains("not the one the data directory was made with"))
        let withNew = await CommandRun.kluis("apikey", "create", "--data", data.path, "--policy", policy, "--name", "app",
                                             "--key-file", newKeyFile, environment: VaultCommandTests.noEnvironment)
        #expect(withNew.exitCode == 0, "\(withNew.errorOutput)")
    }

    /// Issue 17: whether a key may vouch for a signed-in session is chosen when it is made.
    @Test func aKeyMayVouchForSessionsOnlyWhenMadeSo() async throws {
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        let (data, root) = try await VaultCommandTests.initialise(in: temporary)
        let policy = try VaultCommandTests.writePolicy(in: temporary)
        var tokens: [String] = []
        for extra in [[], ["--vouch-for-sessions"]] {
            let created = await CommandRun.kluis(["apikey", "create", "--data", data.path, "--policy", policy, "--name", "app",
                                                  "--purposes", "service"] + extra, environment: VaultCommandTests.noEnvironment)
            #expect(created.exitCode == 0, "\(created.errorOutput)")
            tokens.append(try #require(created.output.firstMatch(of: /kluis_key_[a-z2-7]+_[0-9a-f]{64}/).map { String($0.output) }))
        }
        let vault = try await Vault.open(store: SQLiteVaultStore(path: data.appendingPathComponent("kluis.sqlite").path), root: root,
                                         policy: PolicyDocument(text: String(contentsOfFile: policy, encoding: .utf8)).validPolicy())
        #expect(try await vault.authenticate(token: tokens[0])?.mayVouchForSessions == false)
        #expect(try await vault.authenticate(token: tokens[1])?.mayVouchForSessions == true)
    }

    // MARK: audit verify

    @Test func auditVerifyFindsATamperedEvent() async throws {
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        let (data, _) = try await VaultCommandTests.initialise(in: temporary)
        let policy = try VaultCommandTests.writePolicy(in: temporary)
        let created = await CommandRun.kluis("apikey", "create", "--data", data.path, "--policy", policy, "--name", "app",
                                             "--purposes", "service", environment: VaultCommandTests.noEnvironment)
        #expect(created.exitCode == 0, "\(created.errorOutput)")

        let intact = await CommandRun.kluis("audit", "verify", "--data", data.path, environment: VaultCommandTests.noEnvironment)
        #expect(intact.exitCode == 0)
        #expect(intact.output == "audit chain intact: 3 events\nidentifier rows intact: 0\n")

        do {
            let pool = try DatabasePool(path: data.appendingPathComponent("kluis.sqlite").path)
            try await pool.write { db in try db.execute(sql: "UPDATE audit SET purpose = 'x' WHERE seq = 2") }
            try pool.close()
        }

        let broken = await CommandRun.kluis("audit", "verify", "--data", data.path, environment: VaultCommandTests.noEnvironment)
        #expect(broken.exitCode == 1)
        #expect(broken.output.contains("audit chain broken at event 2:"), "\(broken.output)")
        #expect(broken.output.contains("1 events before it are intact"))
        #expect(!broken.output.contains("audit chain intact"))
    }

    /// Issue 17: a row re-pointed to another subject with SQL is reported, and the command fails.
    @Test func auditVerifyReportsAnIdentifierMovedToAnotherSubject() async throws {
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        let (data, root) = try await VaultCommandTests.initialise(in: temporary)
        let policy = try VaultCommandTests.writePolicy(in: temporary)
        let emails = ["verplaatst@voorbeeld.example", "ontvanger@voorbeeld.example"]
        try VaultCommandTests.write(emails.map(VaultCommandTests.importLine).joined(separator: "\n"), to: temporary.url.appendingPathComponent("people.jsonl"))
        let imported = await CommandRun.kluis("import", temporary.path("people.jsonl"), "--data", data.path, "--policy", policy,
                                              environment: VaultCommandTests.noEnvironment)
        #expect(imported.exitCode == 0, "\(imported.errorOutput)")
        let intact = await CommandRun.kluis("audit", "verify", "--data", data.path, environment: VaultCommandTests.noEnvironment)
        #expect(intact.exitCode == 0, "\(intact.output)\(intact.errorOutput)")
        #expect(intact.output.contains("identifier rows intact: 2\n"), "\(intact.output)")

        let vault = try await VaultCommandTests.openVault(data, root: root, policy: policy)
        let moved = try #require(try await VaultCommandTests.subject(email: emails[0], in: vault))
        let receiver = try #require(try await VaultCommandTests.subject(email: emails[1], in: vault))
        do {
            let pool = try DatabasePool(path: data.appendingPathComponent("kluis.sqlite").path)
            try await pool.write { db in
                try db.execute(sql: "UPDATE identifiers SET subject_id = ? WHERE subject_id = ?", arguments: [receiver.rawValue, moved.rawValue])
            }
            try pool.close()
        }

        let broken = await CommandRun.kluis("audit", "verify", "--data", data.path, environment: VaultCommandTests.noEnvironment)
        #expect(broken.exitCode == 1)
        #expect(broken.output.contains("audit chain intact"), "the chain itself was not touched")
        #expect(broken.output.contains("identifier rows tampered: 1 of 2 are not bound to the subject they name: \(receiver) (identifiers, email)"),
                "\(broken.output)")
        #expect(!broken.output.contains("voorbeeld"), "no identifier in the report")

        // Without a root key the identifiers cannot be checked, and the command says so.
        try FileManager.default.moveItem(at: data.appendingPathComponent("root.key"), to: temporary.url.appendingPathComponent("away.key"))
        let keyless = await CommandRun.kluis("audit", "verify", "--data", data.path, environment: VaultCommandTests.noEnvironment)
        #expect(keyless.exitCode == 0)
        #expect(keyless.output.contains("identifier rows not checked: no root key"), "\(keyless.output)")
        let withKey = await CommandRun.kluis("audit", "verify", "--data", data.path, "--key-file", temporary.path("away.key"),
                                             environment: VaultCommandTests.noEnvironment)
        #expect(withKey.exitCode == 1)
    }

    @Test func auditVerifyRefusesADirectoryWithoutADatabase() async throws {
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        let run = await CommandRun.kluis("audit", "verify", "--data", temporary.path("nothing"), environment: VaultCommandTests.noEnvironment)
        #expect(run.exitCode == 1)
        #expect(run.errorOutput.contains("is not a Kluis data directory"))
        #expect(!FileManager.default.fileExists(atPath: temporary.path("nothing/kluis.sqlite")))
    }
}
