import Foundation
import KluisCore
import KluisPostgres
import KluisSQLite
import KluisTesting
import Testing

/// `kluis requests`, `kluis backup` and `kluis restore`: the request desk at the command line,
/// and restores that bring no erased person back.
@Suite(.timeLimit(.minutes(3))) struct RequestCommandTests {
    /// A vault made with `kluis init` on `store`, with the request policy, and the arguments that
    /// name it.
    struct Desk {
        let temporary: TemporaryDirectory
        let arguments: [String]
        let storeArguments: [String]
        /// Where the vault is, without a key: for the commands that need none.
        var locationArguments: [String] { Array(storeArguments.prefix(2)) }
        let root: RootKey
        let policy: String
        let stores = RunningPostgresStores()

        init(store: StoreKind) async throws {
            temporary = try TemporaryDirectory()
            policy = temporary.path("policy.yaml")
            try Data(PolicyFixture.withRequests().yaml.utf8).write(to: URL(fileURLWithPath: policy))
            switch store {
            case .sqlite:
                storeArguments = ["--data", temporary.path("data")]
            case .postgres:
                storeArguments = ["--database", PostgresTestServer.url(of: try PostgresTestServer.freshLocation()),
                                  "--key-file", temporary.path("root.key")]
            }
            let initialised = await CommandRun.kluis(["init"] + storeArguments, environment: [:])
            try #require(initialised.exitCode == 0, "\(initialised.errorOutput)")
            let keyFile = store == .sqlite ? temporary.path("data/root.key") : temporary.path("root.key")
            root = try RootKey(text: String(contentsOfFile: keyFile, encoding: .utf8))
            arguments = storeArguments + ["--policy", policy]
        }

        func run(_ words: String...) async -> CommandRun {
            await CommandRun.kluis(words + arguments, environment: [:])
        }

        func vault() async throws -> Vault {
            let policy = try PolicyDocument(text: PolicyFixture.withRequests().yaml).validPolicy()
            let store: any VaultStore
            if storeArguments[0] == "--data" {
                store = try SQLiteVaultStore(path: temporary.path("data/kluis.sqlite"))
            } else {
                store = stores.open(try PostgresLocation(url: storeArguments[1]))
            }
            return try await Vault.open(store: store, root: root, policy: policy)
        }

        func customer(_ email: String, invoice: Bool) async throws -> SubjectID {
            var records = [NewRecord(category: "contact", fields: ["email": email], purpose: "service")]
            if invoice { records.append(NewRecord(category: "invoices", fields: ["number": "F-1", "amount": "10.00", "invoice_date": "2026-06-01"])) }
            return try await vault().createSubject(NewSubject(identifiers: [SubjectIdentifier(kind: .email, value: email)], records: records),
                                                   by: VaultFixture.admin)
        }

        static func requestID(in output: String) -> String? {
            output.range(of: #"req_[a-z2-7]{26}"#, options: .regularExpression).map { String(output[$0]) }
        }
    }

    @Test func helpNamesTheCommandsAndTheirSubcommands() async {
        for arguments in [["--help"], ["help"]] {
            let root = await CommandRun.kluis(arguments)
            #expect(root.exitCode == 0)
            #expect(root.output.contains("requests"))
            #expect(root.output.contains("restore"))
        }
        let requests = await CommandRun.kluis("requests", "--help")
        #expect(requests.output.contains("submit"))
        #expect(requests.output.contains("lift-restriction"))
        let group = await CommandRun.kluis("requests")
        #expect(group.output.contains("send-code"))
        let fulfil = await CommandRun.kluis("help", "requests", "fulfil")
        #expect(fulfil.output.contains("--certificate"))
    }

    @Test func anAccessRequestByPostFromIntakeToThePage() async throws {
        let desk = try await Desk(store: .sqlite)
        defer { desk.temporary.remove(); desk.stores.shutdown() }
        _ = try await desk.customer("els@voorbeeld.example", invoice: true)

        let submitted = await desk.run("requests", "submit", "--type", "access", "--email", "ELS@voorbeeld.example",
                                       "--channel", "post", "--received-at", "2026-11-02T09:00:00+01:00")
        #expect(submitted.exitCode == 0, "\(submitted.errorOutput)")
        let id = try #require(Desk.requestID(in: submitted.output))
        #expect(submitted.output.contains("received 2026-11-02 via post"))
        // Four weeks from Monday 2 November is Monday 30 November.
        #expect(submitted.output.contains("due 2026-11-30"))
        #expect(!submitted.output.contains("els@"))

        let early = await desk.run("requests", "export", id)
        #expect(early.exitCode == 1)
        #expect(early.errorOutput.contains("once the identity is verified"))

        let sent = await desk.run("requests", "send-code", id)
        #expect(sent.exitCode == 0, "\(sent.errorOutput)")
        #expect(sent.output.contains("awaiting_identification"))
        let outbox = desk.temporary.url.appendingPathComponent("data/outbox")
        let message = try #require(try FileManager.default.contentsOfDirectory(atPath: outbox.path).first)
        let mail = try String(contentsOfFile: outbox.appendingPathComponent(message).path, encoding: .utf8)
        #expect(mail.contains("\r\nTo: els@voorbeeld.example\r\n"), "\(mail)")
        #expect(try VaultCommandTests.permissions(of: outbox.appendingPathComponent(message).path) == 0o600)
        let code = try #require(mail.range(of: #"is: \d{6}"#, options: .regularExpression).map { String(mail[$0].suffix(6)) })

        let verified = await desk.run("requests", "verify", id, "--method", "registered_email", "--code", code)
        #expect(verified.exitCode == 0, "\(verified.errorOutput)")
        #expect(verified.output.contains("identity verified"))
        let page = desk.temporary.path("answer.html")
        let exported = await desk.run("requests", "export", id, "--format", "html", "--language", "en", "--output", page)
        #expect(exported.exitCode == 0, "\(exported.errorOutput)")
        let html = try String(contentsOfFile: page, encoding: .utf8)
        for text in ["Access to your data", "els@voorbeeld.example", "How long we keep your data", "Who accessed your data"] {
            #expect(html.contains(text))
        }
        #expect(await desk.run("requests", "fulfil", id).exitCode == 0)
        let list = await desk.run("requests", "list", "--all")
        #expect(list.output.contains("\(id)\taccess\tfulfilled\t2026-11-02\t2026-11-30"))
        #expect(await desk.run("requests", "list", "--overdue").exitCode == 0)
    }

    @Test(arguments: StoreKind.enabled) func aRestoreReplaysErasuresSoNobodyErasedComesBack(store: StoreKind) async throws {
        let desk = try await Desk(store: store)
        defer { desk.temporary.remove(); desk.stores.shutdown() }
        let kept = try await desk.customer("blijft@voorbeeld.example", invoice: true)
        let erased = try await desk.customer("weg@voorbeeld.example", invoice: false)
        let backup = desk.temporary.path("before.backup")
        let backedUp = await CommandRun.kluis(["backup", "--output", backup] + desk.locationArguments, environment: [:])
        try #require(backedUp.exitCode == 0, "\(backedUp.errorOutput)")
        #expect(try VaultCommandTests.permissions(of: backup) == 0o600)
        #expect(await CommandRun.kluis(["backup", "--output", backup] + desk.locationArguments, environment: [:]).exitCode != 0)

        let submitted = await desk.run("requests", "submit", "--type", "erasure", "--subject", erased.rawValue, "--channel", "email")
        let id = try #require(Desk.requestID(in: submitted.output))
        #expect(await desk.run("requests", "verify", id, "--method", "id_copy_shielded").exitCode == 0)
        let certificate = desk.temporary.path("certificate.jws")
        let fulfilled = await desk.run("requests", "fulfil", id, "--certificate", certificate)
        #expect(fulfilled.exitCode == 0, "\(fulfilled.errorOutput)")
        #expect(fulfilled.output.contains("erased: _identity, contact"))
        #expect(try String(contentsOfFile: certificate, encoding: .utf8).split(separator: ".").count == 3)
        let journal = desk.temporary.path("erasures.jsonl")
        #expect(await CommandRun.kluis(["requests", "journal", "--output", journal] + desk.locationArguments, environment: [:]).exitCode == 0)
        #expect(try String(contentsOfFile: journal, encoding: .utf8).contains(erased.rawValue))
        #expect(try await desk.vault().store.snapshot(of: erased) == nil)

        let restored = await desk.run("restore", "--from", backup)
        #expect(restored.exitCode == 0, "\(restored.errorOutput)")
        #expect(restored.output.contains("1 erased subject(s) erased again"))
        let vault = try await desk.vault()
        #expect(try await vault.store.snapshot(of: erased) == nil)
        #expect(try await vault.store.snapshot(of: kept)?.records.count == 2)
        #expect(try await vault.requests.erasureJournal().map(\.record.subject) == [erased])
        #expect(try await vault.verifyAudit().isIntact)

        if store == .sqlite {
            // The database is lost too: the journal kept beside the backups brings the erasure back.
            let elsewhere = desk.temporary.path("new-data")
            let fresh = await CommandRun.kluis(["restore", "--from", backup, "--journal", journal, "--data", elsewhere,
                                                "--key-file", desk.temporary.path("data/root.key"), "--policy", desk.policy], environment: [:])
            #expect(fresh.exitCode == 0, "\(fresh.errorOutput)")
            #expect(fresh.output.contains("1 erased subject(s) erased again"))
            let store = try SQLiteVaultStore(path: elsewhere + "/kluis.sqlite")
            #expect(try await store.snapshot(of: erased) == nil)
            #expect(try await store.snapshot(of: kept) != nil)
        }
    }
}
