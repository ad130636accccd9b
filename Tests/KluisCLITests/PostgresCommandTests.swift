import Foundation
import KluisCore
import KluisPostgres
import KluisTesting
import Synchronization
import Testing

/// The commands that open a store, on PostgreSQL (`--database`).
@Suite(.enabled(if: PostgresTestServer.isEnabled, "set KLUIS_TEST_POSTGRES_URL (scripts/start-postgres) to run"), .timeLimit(.minutes(3)))
struct PostgresCommandTests {
    /// A command cancelled at any moment returns, and says why it stopped. The pool once ran as a
    /// child of the command's task: cancelling the command shut it down at once, closing the
    /// connection of a query in flight, which never returned; a suite whose time limits cancelled
    /// commands halfway never ended. Waited for at most half a minute, so that a command that
    /// does not return fails this test instead of hanging it.
    @Test(arguments: Array(stride(from: 0, through: 1200, by: 100)))
    func aCommandCancelledAtAnyMomentReturns(afterMilliseconds: Int) async throws {
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        let database = PostgresTestServer.url(of: try PostgresTestServer.freshLocation())
        let ended = Mutex<CommandRun?>(nil)
        let command = Task {
            let run = await CommandRun.kluis("init", "--database", database, "--key-file", temporary.path("root.key"), environment: [:])
            ended.withLock { $0 = run }
        }
        try await Task.sleep(for: .milliseconds(afterMilliseconds))
        command.cancel()
        let deadline = ContinuousClock.now + .seconds(30)
        while ended.withLock({ $0 }) == nil, ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(20))
        }
        let run = try #require(ended.withLock { $0 }, "kluis init cancelled after \(afterMilliseconds) ms did not return")
        #expect(run.exitCode == 0 || run.errorOutput.hasPrefix("error: "), "\(run.exitCode): \(run.errorOutput)")
    }

    @Test func initImportAndVerifyOnPostgres() async throws {
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        let database = PostgresTestServer.url(of: try PostgresTestServer.freshLocation())
        let policy = try VaultCommandTests.writePolicy(in: temporary)

        let initialised = await CommandRun.kluis("init", "--database", database, "--key-file", "root.key",
                                                 in: temporary.url, environment: [:])
        #expect(initialised.exitCode == 0, "\(initialised.errorOutput)")
        #expect(initialised.output.contains("Admin API key"))
        #expect(!initialised.output.contains(":kluis@"), "the password was printed")
        let root = try RootKey(text: String(contentsOfFile: temporary.path("root.key"), encoding: .utf8))

        let emails = (1...25).map { "pg\($0)@voorbeeld.example" }
        try VaultCommandTests.write(emails.map(VaultCommandTests.importLine).joined(separator: "\n"),
                                    to: temporary.url.appendingPathComponent("people.jsonl"))
        let imported = await CommandRun.kluis("import", "people.jsonl", "--database", database, "--key-file", "root.key",
                                              "--policy", policy, "--batch", "10", in: temporary.url, environment: [:])
        #expect(imported.exitCode == 0, "\(imported.errorOutput)")
        #expect(imported.output.hasPrefix("imported 25 subjects in "))

        // A file naming a stored person changes nothing.
        try VaultCommandTests.write([VaultCommandTests.importLine(email: "new@voorbeeld.example"),
                                     VaultCommandTests.importLine(email: "PG7@voorbeeld.example")].joined(separator: "\n"),
                                    to: temporary.url.appendingPathComponent("again.jsonl"))
        let again = await CommandRun.kluis("import", "again.jsonl", "--database", database, "--key-file", "root.key",
                                           "--policy", policy, in: temporary.url, environment: [:])
        #expect(again.exitCode == 1)
        #expect(again.errorOutput.contains("again.jsonl:2: a subject with this email identifier exists already"))

        let verified = await CommandRun.kluis("audit", "verify", "--database", database, environment: [:])
        #expect(verified.exitCode == 0, "\(verified.output)\(verified.errorOutput)")
        // init, the admin key, 25 subjects.
        #expect(verified.output.hasPrefix("audit chain intact: 27 events"))

        let stores = RunningPostgresStores()
        defer { stores.shutdown() }
        let vault = try await Vault.open(store: stores.open(try PostgresLocation(url: database)), root: root,
                                         policy: PolicyDocument(text: PolicyFixture().yaml).validPolicy())
        let subject = try #require(try await VaultCommandTests.subject(email: emails[12], in: vault))
        let read = try await vault.read(subject, for: "service", by: VaultFixture.serviceApp)
        #expect(read.records.map(\.fields) == [["email": emails[12], "phone": "06 1234 5678"]])
        #expect(try await VaultCommandTests.subject(email: "new@voorbeeld.example", in: vault) == nil)
    }

    @Test func aBadDatabaseURLIsAClearErrorWithoutThePassword() async throws {
        let wrongScheme = await CommandRun.kluis("audit", "verify", "--database", "mysql://kluis:geheim@127.0.0.1/db", environment: [:])
        #expect(wrongScheme.exitCode == 1)
        #expect(wrongScheme.errorOutput.contains("postgres://"))
        #expect(!wrongScheme.errorOutput.contains("geheim"))
        let unknown = await CommandRun.kluis("audit", "verify", "--database", "postgres://kluis:geheim@127.0.0.1/db?colour=blue", environment: [:])
        #expect(unknown.errorOutput.contains("unknown database URL parameter 'colour'"))
        let nowhere = await CommandRun.kluis("audit", "verify", "--data", "/nonexistent", environment: [:])
        #expect(nowhere.exitCode == 1)
        let neither = await CommandRun.kluis("audit", "verify", environment: [:])
        #expect(neither.exitCode == 1)
        #expect(neither.errorOutput.contains("--data DIR") && neither.errorOutput.contains("--database"))
    }

    @Test func anUnreachableServerIsAClearErrorWithoutThePassword() async throws {
        // Port 9 (discard) on loopback: nothing listens there.
        let run = await CommandRun.kluis("audit", "verify", "--database", "postgres://kluis:geheim@127.0.0.1:9/kluis?sslmode=disable",
                                         environment: [:])
        #expect(run.exitCode == 1)
        #expect(run.errorOutput.contains("PostgreSQL"), "\(run.errorOutput)")
        #expect(!run.errorOutput.contains("geheim"))
    }
}
