import Foundation
@testable import KluisCLI
import KluisTesting
import Testing

/// Issue 22: one configuration file (`--config`, `KLUIS_CONFIG`, `./kluis.yaml`,
/// `/etc/kluis/kluis.yaml`) read by every command through swift-configuration, the environment's
/// `KLUIS_…` over it, flags over both; a bad file fails at start naming the key.
@Suite struct SettingsTests {
    let temporary: TemporaryDirectory
    let environment = VaultCommandTests.noEnvironment
    static let policy = Fixtures.repositoryRootURL.appendingPathComponent("examples/policies/coaching.yaml").path

    init() async throws {
        temporary = try TemporaryDirectory()
        let initialised = await CommandRun.kluis("init", "--data", temporary.path("data"), environment: [:])
        try #require(initialised.exitCode == 0, "\(initialised.errorOutput)")
    }

    func write(_ yaml: String, to name: String = "kluis.yaml") throws -> String {
        let path = temporary.path(name)
        try yaml.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func sweep(_ arguments: [String], environment: [String: String]? = nil, in directory: URL? = nil) async -> CommandRun {
        await CommandRun.kluis(["retention", "sweep", "--dry-run"] + arguments, in: directory, environment: environment ?? self.environment)
    }

    @Test func aCommandTakesTheVaultAndPolicyFromTheFileWithPathsRelativeToIt() async throws {
        defer { temporary.remove() }
        let file = try write("data: data\npolicy: \(Self.policy)\n")
        let run = await sweep(["--config", file])
        #expect(run.exitCode == 0, "\(run.errorOutput)")
        // Found without --config: KLUIS_CONFIG, and ./kluis.yaml in the working directory.
        #expect(await sweep([], environment: ["KLUIS_CONFIG": file]).exitCode == 0)
        let elsewhere = await sweep([], in: temporary.url)
        #expect(elsewhere.exitCode == 0, "\(elsewhere.errorOutput)")
        // Without any, the command says what it lacks.
        let without = await sweep([], in: temporary.url.appendingPathComponent("data"))
        #expect(without.exitCode == 1)
        #expect(without.errorOutput.contains("--policy FILE, or policy: in the configuration file"), "\(without.errorOutput)")
    }

    @Test func flagsWinOverTheEnvironmentWhichWinsOverTheFile() async throws {
        defer { temporary.remove() }
        let file = try write("data: nowhere\npolicy: \(Self.policy)\n")
        let fromFile = await sweep(["--config", file])
        #expect(fromFile.exitCode == 1, "the file's data directory does not exist, so this must fail")
        #expect(fromFile.errorOutput.contains("nowhere"), "\(fromFile.errorOutput)")
        let fromEnvironment = await sweep(["--config", file], environment: ["KLUIS_DATA": temporary.path("data")])
        #expect(fromEnvironment.exitCode == 0, "\(fromEnvironment.errorOutput)")
        let fromFlag = await sweep(["--config", file, "--data", temporary.path("data")], environment: ["KLUIS_DATA": temporary.path("nowhere")])
        #expect(fromFlag.exitCode == 0, "\(fromFlag.errorOutput)")
    }

    static let badFiles: [(yaml: String, message: String)] = [
        ("data: data\nserve:\n  prot: 8080\n", ": unknown key serve.prot; the keys are data, database_url"),
        ("data: data\nwebhook: x\n", ": unknown key webhook;"),
        ("serve:\n  port: achtduizend\n", ": serve.port must be a whole number"),
        ("serve:\n  header_timeout: soon\n", ": serve.header_timeout must be a number"),
        ("serve:\n  tls: {cert: a}\n", ": unknown key serve.tls"),
        ("- data\n", " must be a mapping of keys to values"),
        ("data: [unclosed\n", " is not valid YAML"),
    ]

    @Test(arguments: badFiles) func aBadFileFailsAtStartNamingTheKey(_ bad: (yaml: String, message: String)) async throws {
        defer { temporary.remove() }
        let file = try write(bad.yaml)
        let run = await CommandRun.kluis("serve", "--config", file, "--data", temporary.path("data"), "--policy", Self.policy, "--port", "0",
                                         environment: environment)
        #expect(run.exitCode == 1)
        #expect(run.errorOutput.hasPrefix("error: "), "\(run.errorOutput)")
        #expect(run.errorOutput.contains(bad.message), "\(run.errorOutput)")
    }

    /// The example the package installs as /etc/kluis/kluis.yaml, with its sections commented out.
    @Test func theExampleConfigurationIsValid() async throws {
        defer { temporary.remove() }
        let example = Fixtures.repositoryRootURL.appendingPathComponent("examples/kluis.yaml").path
        let settings = try await Settings.load(explicit: example, environment: [:], workingDirectory: temporary.url)
        #expect(settings.path(.data) == "/var/lib/kluis")
        #expect(settings.path(.policy) == "/etc/kluis/policy.yaml")
        #expect(try settings.wholeNumber(.servePort) == 8080)
        #expect(settings.text(.serveLogFormat) == "json")
        #expect(settings.text(.mailSendmail) == nil)
        #expect(try settings.webhookEndpoints().isEmpty)
    }

    @Test func aBadValueInTheEnvironmentOrAMissingFileIsNamed() async throws {
        defer { temporary.remove() }
        let port = await CommandRun.kluis("serve", "--data", temporary.path("data"), "--policy", Self.policy,
                                          environment: ["KLUIS_SERVE_PORT": "http"])
        #expect(port.exitCode == 1)
        #expect(port.errorOutput == "error: KLUIS_SERVE_PORT must be a whole number\n", "\(port.errorOutput)")
        let missing = await sweep(["--config", temporary.path("absent.yaml")])
        #expect(missing.exitCode == 1)
        #expect(missing.errorOutput.contains("the configuration file \(temporary.path("absent.yaml")) does not exist"), "\(missing.errorOutput)")
    }
}
