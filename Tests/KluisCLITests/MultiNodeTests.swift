import Foundation
import KluisCore
import KluisPostgres
import KluisTesting
import Synchronization
import Testing
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Three `kluis serve` processes on loopback against one PostgreSQL database: writes and reads
/// through all of them at once, background checkpoints on all of them, then a rotation by three
/// processes at once. Nothing may be lost, nothing done twice, and the audit chain must verify.
@Suite(.enabled(if: PostgresTestServer.isEnabled, "set KLUIS_TEST_POSTGRES_URL (scripts/start-postgres) to run"), .timeLimit(.minutes(3)))
struct MultiNodeTests {
    static let peoplePerNode = 30

    @Test func threeNodesShareOneDatabase() async throws {
        let executable = try #require(ServeProcessTests.kluisExecutable(), "run 'swift build' first")
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        let location = try PostgresTestServer.freshLocation()
        let database = PostgresTestServer.url(of: location)
        let keyFile = temporary.path("root.key")
        let policy = temporary.path("policy.yaml")
        try Data(PolicyFixture().yaml.utf8).write(to: URL(fileURLWithPath: policy))
        let vaultArguments = ["--database", database, "--key-file", keyFile, "--policy", policy]

        let initialised = try await Child.run(executable, ["init", "--database", database, "--key-file", keyFile])
        try #require(initialised.status == 0, "kluis init failed: \(initialised.errorOutput)")
        #expect(!initialised.output.contains("kluis:kluis@"), "the password was printed")
        let again = try await Child.run(executable, ["init", "--database", database, "--key-file", temporary.path("other.key")])
        #expect(again.status == 1)
        #expect(again.errorOutput.contains("holds a Kluis vault already"))
        let created = try await Child.run(executable, ["apikey", "create", "--name", "app", "--purposes", "service"] + vaultArguments)
        try #require(created.status == 0, "kluis apikey create failed: \(created.errorOutput)")
        let token = try #require(created.output.firstMatch(of: /kluis_key_[a-z2-7]+_[0-9a-f]{64}/).map { String($0.output) })

        // Three nodes, checkpointing every 50 ms so that they compete for the same stretches.
        var nodes: [(child: Child, base: URL)] = []
        defer { for node in nodes { node.child.kill() } }
        for _ in 0..<3 {
            let child = try await Child.start(executable, ["serve", "--port", "0", "--checkpoint-interval", "0.05"] + vaultArguments)
            let prefix = "kluis: serving on http://127.0.0.1:"
            let line = try #require(await child.firstLine(startingWith: prefix, within: .seconds(60)),
                                    "a node did not start: \(child.errorOutput)")
            nodes.append((child, try #require(URL(string: "http://127.0.0.1:\(line.dropFirst(prefix.count))"))))
        }
        let bases = nodes.map(\.base)
        let client = NodeClient(token: token)
        defer { client.session.invalidateAndCancel() }

        // Each node creates people; each person is then corrected through the next node and
        // read back through the one after, all nodes at once.
        let people = try await withThrowingTaskGroup(of: [(id: String, email: String)].self) { group in
            for node in 0..<3 {
                group.addTask {
                    var made: [(id: String, email: String)] = []
                    for index in 0..<Self.peoplePerNode {
                        let email = "n\(node)p\(index)@voorbeeld.example"
                        let id = try await client.createSubject(email: email, at: bases[node])
                        try await client.correct(id, email: email, phone: "06 \(node)\(index)", at: bases[(node + 1) % 3])
                        let read = try await client.read(id, at: bases[(node + 2) % 3])
                        #expect(read["email"] == email)
                        #expect(read["phone"] == "06 \(node)\(index)")
                        made.append((id, email))
                    }
                    return made
                }
            }
            return try await group.reduce(into: []) { $0 += $1 }
        }
        #expect(people.count == 3 * Self.peoplePerNode)
        #expect(Set(people.map(\.id)).count == people.count)
        // Nothing lost: every node sees every person.
        for (offset, person) in people.enumerated() {
            #expect(try await client.read(person.id, at: bases[offset % 3])["email"] == person.email)
        }
        try await Task.sleep(for: .milliseconds(300)) // a last round of checkpoints

        for node in nodes { node.child.terminate() }
        for node in nodes {
            let ended = await node.child.termination(within: .seconds(20))
            #expect(ended?.exited == true && ended?.status == 0, "a node did not stop cleanly: \(node.child.errorOutput)")
            #expect(!node.child.errorOutput.contains("background.failed"), "\(node.child.errorOutput)")
        }

        // Nothing done twice: each operation has exactly one audit event, in one chain.
        let stores = RunningPostgresStores()
        defer { stores.shutdown() }
        let store = stores.open(location)
        let events = try await store.auditEvents(after: 0, subject: nil, limit: 10_000)
        let count = people.count
        #expect(events.filter { $0.entry.action == .createSubject }.count == count)
        #expect(events.filter { $0.entry.action == .write }.count == count)
        #expect(events.filter { $0.entry.action == .read }.count == 2 * count)
        let checkpoints = try await store.auditCheckpoints(after: 0, limit: 10_000)
        #expect(checkpoints.count >= 2, "the nodes made no checkpoints")
        #expect(zip([0] + checkpoints.map(\.sequence), checkpoints).allSatisfy { $0 == $1.previousSequence },
                "checkpoints overlap or leave gaps")
        let verified = try await Child.run(executable, ["audit", "verify", "--database", database])
        #expect(verified.status == 0, "\(verified.output)\(verified.errorOutput)")
        #expect(verified.output.contains("audit chain intact: \(events.count) events"))

        // A rotation shared by three processes: each data key rewrapped once.
        let newKeyFile = temporary.path("new.key")
        #expect(FileManager.default.createFile(atPath: newKeyFile, contents: Data((RootKey.generate().text + "\n").utf8),
                                               attributes: [.posixPermissions: 0o600]))
        let rotations = try await withThrowingTaskGroup(of: Child.Finished.self) { group in
            for _ in 0..<3 {
                group.addTask {
                    try await Child.run(executable, ["keys", "rotate", "--database", database, "--key-file", keyFile,
                                                     "--new-key-file", newKeyFile, "--batch", "7"])
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        var rewrapped = 0
        for rotation in rotations {
            #expect(rotation.status == 0, "\(rotation.errorOutput)")
            rewrapped += Int(rotation.output.firstMatch(of: /(\d+) data keys rewrapped/)?.output.1 ?? "") ?? -1000
        }
        #expect(rewrapped == 2 * count) // identity and contact per person
        let newRoot = try RootKey(text: String(contentsOfFile: newKeyFile, encoding: .utf8))
        let vault = try await Vault.open(store: store, root: newRoot, policy: PolicyDocument(text: PolicyFixture().yaml).validPolicy())
        let sample = try #require(people.last)
        let read = try await vault.read(try #require(SubjectID(rawValue: sample.id)), for: "service", by: VaultFixture.serviceApp)
        #expect(read.records.first?.fields["email"] == sample.email)
        #expect(try await vault.verifyAudit().isIntact)
    }
}

/// Requests to the nodes with an app key bound to `service`.
struct NodeClient: Sendable {
    let token: String
    let session = URLSession(configuration: .ephemeral)

    func createSubject(email: String, at base: URL) async throws -> String {
        let body = #"{"identifiers": {"email": "\#(email)"}, "purpose": "service", "records": [{"category": "contact", "fields": {"email": "\#(email)"}}]}"#
        let json = try await node(base).send("POST", "/v1/subjects", json: body, expect: 201)
        return try #require(json["id"] as? String)
    }

    /// Replaces the subject's one contact record.
    func correct(_ id: String, email: String, phone: String, at base: URL) async throws {
        let body = #"{"fields": {"email": "\#(email)", "phone": "\#(phone)"}}"#
        try await node(base).send("PUT", "/v1/subjects/\(id)/contact", json: body, expect: 200)
    }

    /// The fields of the subject's contact record, read for `service`.
    func read(_ id: String, at base: URL) async throws -> [String: String] {
        let json = try await node(base).send("GET", "/v1/subjects/\(id)?purpose=service", expect: 200)
        let categories = try #require(json["categories"] as? [String: [[String: Any]]])
        return try #require(categories["contact"]?.first?["fields"] as? [String: String])
    }

    private func node(_ base: URL) -> LoopbackClient {
        LoopbackClient(base: base.absoluteString, token: token, session: session)
    }
}
