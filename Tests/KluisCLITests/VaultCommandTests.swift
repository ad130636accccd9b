import Foundation
import GRDB
import KluisCore
import KluisSQLite
import KluisTesting
import Testing

/// The vault commands run in-process against real data directories: `init`, `import` and
/// `apikey create`, with the root key from a file, from `KLUIS_ROOT_KEY`, missing and wrong.
/// The helpers here serve the other command suites too.
@Suite struct VaultCommandTests {
    /// No `KLUIS_ROOT_KEY`, whatever the environment of the test run holds.
    static let noEnvironment: [String: String] = [:]

    // MARK: init

    @Test func initCreatesAnOwnerOnlyDatabaseAndRootKeyAndPrintsOnlyTheAdminKey() async throws {
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        let data = temporary.url.appendingPathComponent("data")

        let run = await CommandRun.kluis("init", "--data", "data", in: temporary.url, environment: Self.noEnvironment)
        #expect(run.exitCode == 0, "\(run.errorOutput)")

        let database = data.appendingPathComponent("kluis.sqlite").path
        let keyFile = data.appendingPathComponent("root.key").path
        #expect(try Self.permissions(of: database) == 0o600)
        #expect(try Self.permissions(of: keyFile) == 0o600)

        // The admin key is printed exactly once, and it works.
        let tokens = Self.tokens(in: run.output)
        #expect(tokens.count == 1, "\(run.output)")
        #expect(run.output.components(separatedBy: "kluis_key_").count - 1 == 1)
        let rootText = try String(contentsOfFile: keyFile, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(rootText.count == 64)
        let vault = try await Self.openVault(data, root: RootKey(text: rootText))
        let adminToken = try #require(tokens.first)
        let admin = try #require(try await vault.authenticate(token: adminToken))
        #expect(admin.isAdmin)

        // The root key itself is never printed, in either case.
        for stream in [run.output, run.errorOutput] {
            #expect(!stream.contains(rootText))
            #expect(!stream.uppercased().contains(rootText.uppercased()))
        }
    }

    @Test func aSecondInitOnTheSameDirectoryFailsAndChangesNothing() async throws {
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        let data = temporary.url.appendingPathComponent("data")
        let first = await CommandRun.kluis("init", "--data", data.path, environment: Self.noEnvironment)
        #expect(first.exitCode == 0, "\(first.errorOutput)")
        let before = try Self.contents(of: data)
        #expect(before.keys.contains("root.key"))
        #expect(before.keys.contains("kluis.sqlite"))

        let second = await CommandRun.kluis("init", "--data", data.path, environment: Self.noEnvironment)
        #expect(second.exitCode == 1)
        #expect(second.errorOutput.contains("holds a Kluis vault already"))
        #expect(!second.output.contains("kluis_key_"))
        #expect(try Self.contents(of: data) == before)
    }

    @Test func initWithKLUISROOTKEYWritesNoKeyFile() async throws {
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        let data = temporary.url.appendingPathComponent("data")
        let root = RootKey.generate()
        let environment = ["KLUIS_ROOT_KEY": root.text]

        let run = await CommandRun.kluis("init", "--data", data.path, environment: environment)
        #expect(run.exitCode == 0, "\(run.errorOutput)")
        #expect(run.output.contains("KLUIS_ROOT_KEY"))
        #expect(!run.output.contains(root.text))
        #expect(!FileManager.default.fileExists(atPath: data.appendingPathComponent("root.key").path))
        #expect(try FileManager.default.contentsOfDirectory(atPath: data.path).allSatisfy { $0.hasPrefix("kluis.sqlite") })

        // The vault was made with the key from the environment.
        _ = try await Self.openVault(data, root: root)
        let policy = try Self.writePolicy(in: temporary)
        let withKey = await CommandRun.kluis("apikey", "create", "--data", data.path, "--policy", policy, "--name", "app",
                                             environment: environment)
        #expect(withKey.exitCode == 0, "\(withKey.errorOutput)")
        let withoutKey = await CommandRun.kluis("apikey", "create", "--data", data.path, "--policy", policy, "--name", "app",
                                                environment: Self.noEnvironment)
        #expect(withoutKey.exitCode == 1)
        #expect(withoutKey.errorOutput.contains("no root key"))
    }

    // MARK: The root key when opening the vault

    @Test func aMissingRootKeyIsRefusedWithoutKeyMaterial() async throws {
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        let (data, root) = try await Self.initialise(in: temporary)
        let policy = try Self.writePolicy(in: temporary)
        try FileManager.default.removeItem(at: data.appendingPathComponent("root.key"))

        let run = await CommandRun.kluis("apikey", "create", "--data", data.path, "--policy", policy, "--name", "app",
                                         "--purposes", "service", environment: Self.noEnvironment)
        #expect(run.exitCode == 1)
        #expect(run.errorOutput.contains("error: no root key"))
        #expect(run.errorOutput.contains("--key-file"))
        #expect(run.errorOutput.contains("KLUIS_ROOT_KEY"))
        #expect(!run.output.contains("kluis_key_"))
        Self.expectNoKeyMaterial([root.text], in: run)
    }

    @Test func aWrongRootKeyIsRefusedWithoutKeyMaterial() async throws {
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        let (data, root) = try await Self.initialise(in: temporary)
        let policy = try Self.writePolicy(in: temporary)
        let wrong = RootKey.generate()
        try Data((wrong.text + "\n").utf8).write(to: temporary.url.appendingPathComponent("other.key"))
        let before = try await Self.auditEventCount(data)

        let run = await CommandRun.kluis("apikey", "create", "--data", data.path, "--policy", policy, "--name", "app",
                                         "--purposes", "service", "--key-file", temporary.path("other.key"),
                                         environment: Self.noEnvironment)
        #expect(run.exitCode == 1)
        #expect(run.errorOutput.contains("error: this root key is not the one the data directory was made with"))
        #expect(!run.output.contains("kluis_key_"))
        Self.expectNoKeyMaterial([root.text, wrong.text], in: run)
        #expect(try await Self.auditEventCount(data) == before)
    }

    @Test func aMalformedRootKeyIsRefusedWithoutEchoingIt() async throws {
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        let (data, root) = try await Self.initialise(in: temporary)
        let policy = try Self.writePolicy(in: temporary)
        // The real key with its last digit missing: close enough that echoing it would leak it.
        let truncated = String(root.text.dropLast())
        let environment = ["KLUIS_ROOT_KEY": truncated]

        let run = await CommandRun.kluis("apikey", "create", "--data", data.path, "--policy", policy, "--name", "app",
                                         environment: environment)
        #expect(run.exitCode == 1)
        #expect(run.errorOutput.contains("64 hexadecimal characters"))
        Self.expectNoKeyMaterial([root.text, truncated], in: run)
    }

    // MARK: import

    @Test func importCreatesEverySubjectOfTheFile() async throws {
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        let (data, root) = try await Self.initialise(in: temporary)
        let policy = try Self.writePolicy(in: temporary)
        let emails = (1...25).map { "person\($0)@voorbeeld.example" }
        // A blank line in between and a trailing newline are allowed.
        let lines = emails.map(Self.importLine) + [""]
        try Self.write(lines.joined(separator: "\n"), to: temporary.url.appendingPathComponent("people.jsonl"))
        let before = try await Self.auditEventCount(data)

        let run = await CommandRun.kluis("import", "people.jsonl", "--data", "data", "--policy", "policy.yaml", "--batch", "10",
                                         in: temporary.url, environment: Self.noEnvironment)
        #expect(run.exitCode == 0, "\(run.errorOutput)")
        #expect(run.output.hasPrefix("imported 25 subjects in "))
        #expect(try await Self.auditEventCount(data) == before + 25)

        let vault = try await Self.openVault(data, root: root, policy: policy)
        for email in [emails[0], emails[12], emails[24]] {
            let subject = try #require(try await Self.subject(email: email, in: vault))
            let read = try await vault.read(subject, for: "service", by: Principal(id: "key_test", purposes: ["service"]))
            #expect(read.records.map(\.fields) == [["email": email, "phone": "06 1234 5678"]])
        }
        #expect(try await Self.subject(email: "person26@voorbeeld.example", in: vault) == nil)
    }

    @Test func importReadsWindowsLineEndingsAndRefusesIdentifiersAlreadyStored() async throws {
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        let (data, _) = try await Self.initialise(in: temporary)
        _ = try Self.writePolicy(in: temporary)
        let first = [Self.importLine(email: "w1@voorbeeld.example"), Self.importLine(email: "w2@voorbeeld.example")]
        try Self.write(first.joined(separator: "\r\n") + "\r\n", to: temporary.url.appendingPathComponent("crlf.jsonl"))
        let run = await CommandRun.kluis("import", "crlf.jsonl", "--data", "data", "--policy", "policy.yaml",
                                         in: temporary.url, environment: Self.noEnvironment)
        #expect(run.exitCode == 0, "\(run.errorOutput)")
        #expect(run.output.hasPrefix("imported 2 subjects"))

        // A second file whose third line names a person stored already changes nothing.
        let before = try await Self.auditEventCount(data)
        let second = [Self.importLine(email: "w3@voorbeeld.example"), Self.importLine(email: "w4@voorbeeld.example"),
                      Self.importLine(email: "W2@voorbeeld.example")]
        try Self.write(second.joined(separator: "\n"), to: temporary.url.appendingPathComponent("again.jsonl"))
        let again = await CommandRun.kluis("import", "again.jsonl", "--data", "data", "--policy", "policy.yaml", "--batch", "1",
                                           in: temporary.url, environment: Self.noEnvironment)
        #expect(again.exitCode == 1)
        #expect(again.errorOutput.contains("again.jsonl:3: a subject with this email identifier exists already"))
        #expect(try await Self.auditEventCount(data) == before)
    }

    struct BadLine: Sendable, CustomTestStringConvertible {
        let name: String
        let line: String
        let message: String
        var testDescription: String { name }
    }

    static let badLines = [
        BadLine(name: "unknown category",
                line: #"{"identifiers": {"email": "c@voorbeeld.example"}, "records": [{"category": "health", "fields": {"x": "1"}}]}"#,
                message: "'health' is not a category of the policy"),
        BadLine(name: "unknown field",
                line: #"{"identifiers": {"email": "c@voorbeeld.example"}, "purpose": "service", "records": [{"category": "contact", "fields": {"fax": "1"}}]}"#,
                message: "'fax' is not a field of the category 'contact'"),
        BadLine(name: "no purpose where two could be meant",
                line: #"{"identifiers": {"email": "c@voorbeeld.example"}, "records": [{"category": "contact", "fields": {"email": "c"}}]}"#,
                message: "say which purpose the 'contact' record is collected for ('purpose'): one of service, bookkeeping"),
        BadLine(name: "a purpose that does not use the category",
                line: #"{"identifiers": {"email": "c@voorbeeld.example"}, "purpose": "service", "records": [{"category": "invoices", "fields": {"number": "1"}}]}"#,
                message: "the purpose 'service' does not use the category 'invoices'"),
        BadLine(name: "invalid JSON",
                line: #"{"identifiers": {"email": "c@voorbeeld.example"}, "records": ["#,
                message: "not a JSON object of the import format"),
        BadLine(name: "duplicate identifier",
                line: importLine(email: "A@voorbeeld.example "),
                message: "the email identifier is also on line 1"),
    ]

    @Test(arguments: badLines)
    func aBadLineFailsNamingItAndImportsNothing(_ bad: BadLine) async throws {
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        let (data, root) = try await Self.initialise(in: temporary)
        let policy = try Self.writePolicy(in: temporary)
        let lines = [Self.importLine(email: "a@voorbeeld.example"), Self.importLine(email: "b@voorbeeld.example"),
                     bad.line, Self.importLine(email: "d@voorbeeld.example")]
        try Self.write(lines.joined(separator: "\n") + "\n", to: temporary.url.appendingPathComponent("bad.jsonl"))
        let before = try await Self.auditEventCount(data)

        // Batches of one: had the lines before the bad one been written, they would be in the store.
        let run = await CommandRun.kluis("import", "bad.jsonl", "--data", "data", "--policy", "policy.yaml", "--batch", "1",
                                         in: temporary.url, environment: Self.noEnvironment)
        #expect(run.exitCode == 1)
        #expect(run.errorOutput.contains("error: bad.jsonl:3: \(bad.message)"), "\(run.errorOutput)")
        #expect(!run.output.contains("imported"))
        // No personal value from the file is echoed.
        #expect(!run.errorOutput.contains("voorbeeld.example"))

        #expect(try await Self.auditEventCount(data) == before)
        let vault = try await Self.openVault(data, root: root, policy: policy)
        for email in ["a@voorbeeld.example", "b@voorbeeld.example", "d@voorbeeld.example"] {
            #expect(try await Self.subject(email: email, in: vault) == nil)
        }
    }

    // MARK: apikey create

    @Test func apikeyCreatePrintsATokenBoundToItsPurposes() async throws {
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        let (data, root) = try await Self.initialise(in: temporary)
        let policy = try Self.writePolicy(in: temporary)

        let run = await CommandRun.kluis("apikey", "create", "--data", data.path, "--policy", policy, "--name", "app",
                                         "--purposes", "service", environment: Self.noEnvironment)
        #expect(run.exitCode == 0, "\(run.errorOutput)")
        #expect(run.output.contains("for service"))
        let tokens = Self.tokens(in: run.output)
        #expect(tokens.count == 1, "\(run.output)")
        let token = try #require(tokens.first)

        let vault = try await Self.openVault(data, root: root, policy: policy)
        let principal = try #require(try await vault.authenticate(token: token))
        #expect(principal.purposes == ["service"])
        #expect(!principal.isAdmin)
        #expect(!principal.mayBreakGlass)
        #expect(token.hasPrefix("kluis_\(principal.id)_"))
        // A token with its secret changed authenticates nobody.
        let forged = String(token.dropLast()) + (token.hasSuffix("0") ? "1" : "0")
        #expect(try await vault.authenticate(token: forged) == nil)
    }

    @Test func apikeyCreateRefusesAnUnknownPurpose() async throws {
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        let (data, _) = try await Self.initialise(in: temporary)
        let policy = try Self.writePolicy(in: temporary)
        let before = try await Self.auditEventCount(data)

        let run = await CommandRun.kluis("apikey", "create", "--data", data.path, "--policy", policy, "--name", "app",
                                         "--purposes", "service,marketing", environment: Self.noEnvironment)
        #expect(run.exitCode == 1)
        #expect(run.errorOutput.contains("'marketing' is not a purpose of the policy"))
        #expect(Self.tokens(in: run.output).isEmpty)
        #expect(try await Self.auditEventCount(data) == before)
    }

    // MARK: Helpers

    /// Runs `kluis init` in `temporary/data` and returns the directory and its root key.
    static func initialise(in temporary: TemporaryDirectory) async throws -> (data: URL, root: RootKey) {
        let data = temporary.url.appendingPathComponent("data")
        let run = await CommandRun.kluis("init", "--data", data.path, environment: noEnvironment)
        try #require(run.exitCode == 0, "\(run.errorOutput)")
        let root = try RootKey(text: String(contentsOf: data.appendingPathComponent("root.key"), encoding: .utf8))
        return (data, root)
    }

    /// Writes the ``PolicyFixture`` policy to `temporary/policy.yaml` and returns its path.
    static func writePolicy(in temporary: TemporaryDirectory) throws -> String {
        let path = temporary.path("policy.yaml")
        try write(PolicyFixture().yaml, to: URL(fileURLWithPath: path))
        return path
    }

    static func write(_ text: String, to url: URL) throws {
        try Data(text.utf8).write(to: url)
    }

    /// One line of an import file: a person with an e-mail identifier and a contact record.
    static func importLine(email: String) -> String {
        let trimmed = email.trimmingCharacters(in: .whitespaces).lowercased()
        return #"{"identifiers": {"email": "\#(email)"}, "purpose": "service", "records": [{"category": "contact", "fields": {"email": "\#(trimmed)", "phone": "06 1234 5678"}}]}"#
    }

    static func openVault(_ data: URL, root: RootKey, policy path: String? = nil) async throws -> Vault {
        let policy = try PolicyDocument(text: path.map { try String(contentsOfFile: $0, encoding: .utf8) } ?? PolicyFixture().yaml)
            .validPolicy()
        let store = try SQLiteVaultStore(path: data.appendingPathComponent("kluis.sqlite").path)
        return try await Vault.open(store: store, root: root, policy: policy)
    }

    /// The subject with this e-mail address, found through the store without writing an audit event.
    static func subject(email: String, in vault: Vault) async throws -> SubjectID? {
        let identifier = try SubjectIdentifier(kind: .email, value: email)
        return try await vault.store.identifierBinding(kind: .email, blindIndex: vault.keys.blindIndex(identifier))
            .flatMap { SubjectID(rawValue: $0.subject) }
    }

    /// The number of audit events, as `kluis audit verify` reports it; the chain must be intact.
    static func auditEventCount(_ data: URL) async throws -> Int {
        let run = await CommandRun.kluis("audit", "verify", "--data", data.path, environment: noEnvironment)
        try #require(run.exitCode == 0, "\(run.output)\(run.errorOutput)")
        let prefix = "audit chain intact: "
        try #require(run.output.hasPrefix(prefix), "\(run.output)")
        return try #require(Int(run.output.dropFirst(prefix.count).prefix { $0.isNumber }))
    }

    /// The API tokens in `text`: `kluis_key_<id>_<64 hex digits>`.
    static func tokens(in text: String) -> [String] {
        let pattern = /kluis_key_[a-z2-7]+_[0-9a-f]{64}/
        return text.matches(of: pattern).map { String($0.output) }
    }

    /// The permission bits of the file at `path`.
    static func permissions(of path: String) throws -> Int {
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        let value = try #require(attributes[.posixPermissions] as? NSNumber)
        return value.intValue & 0o777
    }

    /// Every file of `directory` with its bytes.
    static func contents(of directory: URL) throws -> [String: Data] {
        var contents: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: directory.path) {
            contents[name] = try Data(contentsOf: directory.appendingPathComponent(name))
        }
        return contents
    }

    /// Neither stream holds any of `keys`, whole or as either half, in either case.
    static func expectNoKeyMaterial(_ keys: [String], in run: CommandRun,
                                    sourceLocation: SourceLocation = #_sourceLocation) {
        let streams = (run.output + "\n" + run.errorOutput).lowercased()
        for key in keys {
            let lower = key.lowercased()
            for part in [lower, String(lower.prefix(32)), String(lower.suffix(32))] {
                #expect(!streams.contains(part), "key material in the output", sourceLocation: sourceLocation)
            }
        }
    }
}
