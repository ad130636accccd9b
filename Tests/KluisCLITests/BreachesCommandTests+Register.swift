import Foundation
import KluisCore
import KluisPostgres
import KluisSQLite
import KluisTesting
import Testing

/// The register the breach command tests work on, and their breach file.
extension BreachesCommandTests {
    /// A vault made with `kluis init` on `store`, with the fixture's policy and an address for
    /// breaches, and the arguments that name it.
    struct Register {
        let temporary: TemporaryDirectory
        let arguments: [String]
        let storeArguments: [String]
        /// Where mail goes: the data directory's outbox on SQLite, `--outbox` on PostgreSQL.
        let outboxArguments: [String]
        let outbox: URL
        let root: RootKey
        let policyText: String
        let stores = RunningPostgresStores()

        init(store: StoreKind) async throws {
            temporary = try TemporaryDirectory()
            var policy = PolicyFixture()
            policy.extra = "breaches: {notify_authority_within: PT72H, report_to: datalek@voorbeeld.example}"
            policyText = policy.yaml
            let policyPath = temporary.path("policy.yaml")
            try Data(policyText.utf8).write(to: URL(fileURLWithPath: policyPath))
            switch store {
            case .sqlite:
                storeArguments = ["--data", temporary.path("data")]
                outboxArguments = []
                outbox = temporary.url.appendingPathComponent("data/outbox")
            case .postgres:
                storeArguments = ["--database", PostgresTestServer.url(of: try PostgresTestServer.freshLocation()),
                                  "--key-file", temporary.path("root.key")]
                outboxArguments = ["--outbox", temporary.path("outbox")]
                outbox = temporary.url.appendingPathComponent("outbox")
            }
            let initialised = await CommandRun.kluis(["init"] + storeArguments, environment: [:])
            try #require(initialised.exitCode == 0, "\(initialised.errorOutput)")
            let keyFile = store == .sqlite ? temporary.path("data/root.key") : temporary.path("root.key")
            root = try RootKey(text: String(contentsOfFile: keyFile, encoding: .utf8))
            arguments = storeArguments + ["--policy", policyPath]
        }

        func run(_ words: String...) async -> CommandRun {
            await run(words)
        }

        func run(_ words: [String]) async -> CommandRun {
            await CommandRun.kluis(words + arguments, environment: [:])
        }

        func vault() async throws -> Vault {
            let policy = try PolicyDocument(text: policyText).validPolicy()
            let store: any VaultStore
            if storeArguments[0] == "--data" {
                store = try SQLiteVaultStore(path: temporary.path("data/kluis.sqlite"))
            } else {
                store = stores.open(try PostgresLocation(url: storeArguments[1]))
            }
            return try await Vault.open(store: store, root: root, policy: policy)
        }

        /// Writes `text` to `name` in the temporary directory and returns its path.
        func file(_ name: String, _ text: String) throws -> String {
            let path = temporary.path(name)
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
            return path
        }

        /// Opens a breach from a YAML file; returns its id and what was printed.
        func open(aware: Date, summary: String = "A laptop with client files was stolen from a car.",
                  extra: String = "", draft: Bool = false) async throws -> (id: String, run: CommandRun) {
            let path = try file("breach-\(UUID().uuidString.prefix(8)).yaml", BreachesCommandTests.yaml(aware: aware, summary: summary, extra: extra))
            let opened = await run(["breaches", "open", "--file", path] + (draft ? ["--draft"] : []))
            try #require(opened.exitCode == 0, "\(opened.errorOutput)")
            return (try #require(BreachesCommandTests.breachID(in: opened.output)), opened)
        }

        /// The .eml files in the outbox, as text.
        func mails() throws -> [String] {
            guard FileManager.default.fileExists(atPath: outbox.path) else { return [] }
            return try FileManager.default.contentsOfDirectory(atPath: outbox.path).sorted().map {
                try String(contentsOf: outbox.appendingPathComponent($0), encoding: .utf8)
            }
        }

        func close() {
            temporary.remove()
            stores.shutdown()
        }
    }

    static let dutchTime = Date.ISO8601FormatStyle(timeZoneSeparator: .colon, timeZone: TimeZone(identifier: "Europe/Amsterdam")!)

    static func iso(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle())
    }

    /// A breach report as the AP's form asks it, with awareness at `aware`.
    static func yaml(aware: Date, summary: String, extra: String = "") -> String {
        """
        summary: "\(summary)"
        incident: stolen_device
        nature: [theft, reading]
        started_at: \(iso(aware - 7200))
        discovered_at: \(iso(aware - 3600))
        aware_at: \(iso(aware))
        reporter:
          name: Fleur de Vries
          job_title: Eigenaar
          phone: 06 1234 5678
          email: fleur@voorbeeld.example
        processors: [Hosting B.V.]
        data_kinds: [name_address]
        categories: [contact, invoices]
        records: {minimum: 40, maximum: 60}
        people: {minimum: 40, maximum: 60}
        groups: [Klanten]
        encrypted: false
        consequences: Phishing in the name of the shop.
        measures_taken: The laptop was wiped remotely.
        \(extra)
        """
    }

    static func breachID(in output: String) -> String? {
        output.firstMatch(of: /brc_[a-z2-7]{16}/).map { String($0.output) }
    }

    /// The recipients of the mails, from their To: lines.
    static func recipients(_ mails: [String]) -> [String] {
        mails.compactMap { mail in mail.firstMatch(of: /\r\nTo: ([^\r\n]+)\r\n/).map { String($0.output.1) } }
    }

    static func jsonObject(_ text: String) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(text.utf8))
    }
}
