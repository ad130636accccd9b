import Foundation
import KluisTesting
import Testing

/// Issue 22: an application receives signed webhooks when a person's consent is withdrawn or
/// their data erased: the real server, configured by its file, delivers to a real receiver
/// (scripts/webhook-receiver.py) that checks each signature; a refused delivery is tried again;
/// deliveries wait out a receiver that is down and a server restart; `kluis webhooks replay`
/// sends events again. No body holds a personal value.
@Suite(.timeLimit(.minutes(3)))
struct WebhookDeliveryTests {
    static let secret = String(repeating: "5e", count: 32)
    static let values = ["haak.persoon@voorbeeld.example", "Henk", "Haakman"]

    /// The receiver, on `port` when given.
    static func receiver(log: String, port: Int? = nil, failFirst: Int = 0) async throws -> (child: Child, port: Int) {
        let child = try await Child.start(URL(fileURLWithPath: "/usr/bin/env"), [
            "python3", Fixtures.repositoryRootURL.appendingPathComponent("scripts/webhook-receiver.py").path,
            "--secret", secret, "--log", log, "--port", String(port ?? 0), "--fail-first", String(failFirst),
        ])
        let line = try #require(await child.firstLine(startingWith: "listening on ", within: .seconds(30)), "\(child.errorOutput)")
        return (child, try #require(Int(line.dropFirst("listening on ".count))))
    }

    /// What the receiver got, one object per delivery.
    static func received(_ log: String) throws -> [[String: Any]] {
        guard let text = try? String(contentsOfFile: log, encoding: .utf8) else { return [] }
        return try text.split(separator: "\n").map { try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
    }

    /// Waits until `condition` holds of what the receiver got.
    static func waitFor(_ log: String, _ what: String, _ condition: ([[String: Any]]) -> Bool) async throws -> [[String: Any]] {
        let deadline = ContinuousClock.now + .seconds(30)
        while ContinuousClock.now < deadline {
            let got = try received(log)
            if condition(got) { return got }
            try await Task.sleep(for: .milliseconds(100))
        }
        Issue.record("the receiver did not get \(what): \(try received(log))")
        return try received(log)
    }

    static func delivered(_ got: [[String: Any]], _ type: String) -> [[String: Any]] {
        got.filter { $0["event_type"] as? String == type && $0["status"] as? Int == 204 }
    }

    @Test func erasuresAndWithdrawalsArriveSignedAndSurviveARestart() async throws {
        let executable = try #require(ServeProcessTests.kluisExecutable(), "run 'swift build' first")
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        let log = temporary.path("received.jsonl")
        var (receiver, port) = try await Self.receiver(log: log, failFirst: 1)
        defer { receiver.kill() }
        let configuration = temporary.path("kluis.yaml")
        try """
            data: data
            policy: \(Fixtures.repositoryRootURL.appendingPathComponent("examples/policies/coaching.yaml").path)
            serve:
              host: 127.0.0.1
              port: 0
              webhook_interval: 0.2
              sweep_interval: 0
            webhooks:
              crm:
                url: http://127.0.0.1:\(port)/kluis
                events: [subject.erased, consent.withdrawn]
            """.write(toFile: configuration, atomically: true, encoding: .utf8)
        let initialised = try await Child.run(executable, ["init", "--config", configuration])
        let admin = try #require(initialised.output.firstMatch(of: /kluis_key_[a-z2-7]+_[0-9a-f]{64}/).map { String($0.output) }, "\(initialised.errorOutput)")
        // The secret from the environment, as an operator keeps it out of the file.
        func serve() async throws -> (Child, String) {
            let server = try await Child.start(URL(fileURLWithPath: "/usr/bin/env"),
                                         ["KLUIS_WEBHOOKS_CRM_SECRET=\(Self.secret)", executable.path, "serve", "--config", configuration])
            let line = try #require(await server.firstLine(startingWith: "kluis: serving on ", within: .seconds(60)), "\(server.errorOutput)")
            return (server, String(line.dropFirst("kluis: serving on ".count)))
        }
        var (server, base) = try await serve()
        defer { server.kill() }
        let api = LoopbackClient(base: base, token: admin)

        let made = try await api.send("POST", "/v1/subjects", json: """
            {"identifiers": {"email": "\(Self.values[0])"}, "purpose": "questions",
             "records": [{"category": "name", "fields": {"first_name": "\(Self.values[1])", "last_name": "\(Self.values[2])"}},
                         {"category": "email", "fields": {"email": "\(Self.values[0])"}}]}
            """, expect: 201)
        let id = try #require(made["id"] as? String)
        try await api.send("POST", "/v1/subjects/\(id)/consents", json: #"{"decisions": {"newsletter": "given"}, "birth_date": "1980-05-17"}"#, expect: 201)
        try await api.send("POST", "/v1/subjects/\(id)/consents", json: #"{"decisions": {"newsletter": "withdrawn"}}"#, expect: 201)
        try await api.send("DELETE", "/v1/subjects/\(id)/name", expect: 200)

        var got = try await Self.waitFor(log, "the erasure") { !Self.delivered($0, "subject.erased").isEmpty }
        try #require(!Self.delivered(got, "subject.erased").isEmpty, "server: \(server.errorOutput.suffix(2000))")
        #expect(got.first?["status"] as? Int == 503, "the first delivery is refused by the receiver and tried again")
        #expect(got.allSatisfy { $0["valid"] as? Bool == true }, "a signature did not verify: \(got)")
        #expect(got.allSatisfy { ($0["user_agent"] as? String)?.hasPrefix("kluis/") == true })
        let withdrawn = try #require(Self.delivered(got, "consent.withdrawn").first, "\(got)")
        let withdrawal = try #require(try JSONSerialization.jsonObject(with: Data((withdrawn["body"] as? String ?? "").utf8)) as? [String: Any])
        #expect(withdrawal["type"] as? String == "consent.withdrawn")
        #expect((withdrawal["data"] as? [String: Any])?["subject"] as? String == id)
        #expect((withdrawal["data"] as? [String: Any])?["purpose"] as? String == "newsletter")
        let erased = try #require(Self.delivered(got, "subject.erased").first)
        let erasure = try #require(try JSONSerialization.jsonObject(with: Data((erased["body"] as? String ?? "").utf8)) as? [String: Any])
        #expect((erasure["data"] as? [String: Any])?["categories"] as? [String] == ["name"])
        #expect(erasure["id"] as? String == erased["event_id"] as? String)
        let erasureSequence = try #require(erasure["audit_sequence"] as? Int)
        // Only the events asked for: the consent given and the request-free write made none.
        #expect(Set(got.compactMap { $0["event_type"] as? String }) == ["consent.withdrawn", "subject.erased"], "\(got)")
        for value in Self.values {
            #expect(!got.contains { ($0["body"] as? String ?? "").contains(value) }, "\(value) was sent")
        }

        // The receiver goes away; an erasure waits, across a restart of the server, until it is back.
        receiver.kill()
        _ = await receiver.termination(within: .seconds(10))
        try await api.send("DELETE", "/v1/subjects/\(id)/email", expect: 200)
        let failed = try await Self.deliveryLog(executable, configuration, until: { $0.contains { $0["error"] != nil } })
        #expect(failed.contains { ($0["error"] as? String)?.isEmpty == false }, "no failed attempt was logged: \(failed)")
        server.terminate()
        _ = await server.termination(within: .seconds(30))
        (receiver, _) = try await Self.receiver(log: log, port: port)
        (server, base) = try await serve()
        got = try await Self.waitFor(log, "the erasure made while it was down") {
            Self.delivered($0, "subject.erased").contains { ($0["body"] as? String ?? "").contains(#""categories":["email"]"#) }
        }

        // A replay sends the first erasure again, with the same id.
        let replay = await CommandRun.kluis("webhooks", "replay", "crm", "--from", String(erasureSequence), "--config", configuration,
                                            environment: ["KLUIS_WEBHOOKS_CRM_SECRET": Self.secret])
        #expect(replay.exitCode == 0, "\(replay.errorOutput)")
        got = try await Self.waitFor(log, "the replayed erasure") { got in
            Self.delivered(got, "subject.erased").filter { $0["event_id"] as? String == erased["event_id"] as? String }.count == 2
        }
        _ = base
    }

    /// Two nodes on one PostgreSQL database, both delivering to the same endpoint: each event
    /// arrives once, as the lease in the store lets one node deliver at a time.
    @Test(.enabled(if: PostgresTestServer.isEnabled, "set KLUIS_TEST_POSTGRES_URL to run"))
    func twoNodesDeliverEachEventOnce() async throws {
        let executable = try #require(ServeProcessTests.kluisExecutable(), "run 'swift build' first")
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        let log = temporary.path("received.jsonl")
        let (receiver, port) = try await Self.receiver(log: log)
        defer { receiver.kill() }
        let configuration = temporary.path("kluis.yaml")
        try """
            database_url: \(PostgresTestServer.url(of: try PostgresTestServer.freshLocation()))
            key_file: root.key
            policy: \(Fixtures.repositoryRootURL.appendingPathComponent("examples/policies/coaching.yaml").path)
            serve:
              host: 127.0.0.1
              port: 0
              webhook_interval: 0.05
              sweep_interval: 0
            webhooks:
              crm:
                url: http://127.0.0.1:\(port)/kluis
                secret: \(Self.secret)
                events: [subject.erased]
            """.write(toFile: configuration, atomically: true, encoding: .utf8)
        let initialised = try await Child.run(executable, ["init", "--config", configuration])
        let admin = try #require(initialised.output.firstMatch(of: /kluis_key_[a-z2-7]+_[0-9a-f]{64}/).map { String($0.output) }, "\(initialised.errorOutput)")
        var nodes: [Child] = []
        defer { nodes.forEach { $0.kill() } }
        var bases: [String] = []
        for _ in 0..<2 {
            let node = try await Child.start(executable, ["serve", "--config", configuration])
            nodes.append(node)
            let line = try #require(await node.firstLine(startingWith: "kluis: serving on ", within: .seconds(60)), "\(node.errorOutput)")
            bases.append(String(line.dropFirst("kluis: serving on ".count)))
        }
        let people = 12
        for index in 0..<people {
            let api = LoopbackClient(base: bases[index % 2], token: admin)
            let made = try await api.send("POST", "/v1/subjects", json: """
                {"purpose": "questions", "records": [{"category": "name", "fields": {"first_name": "Persoon \(index)"}}]}
                """, expect: 201)
            try await api.send("DELETE", "/v1/subjects/\(try #require(made["id"] as? String))/name", expect: 200)
        }
        let got = try await Self.waitFor(log, "\(people) erasures") { Self.delivered($0, "subject.erased").count >= people }
        // Given time to send any repeat.
        try await Task.sleep(for: .seconds(1))
        let ids = try Self.received(log).compactMap { $0["event_id"] as? String }
        #expect(ids.count == people, "\(ids.count) deliveries of \(people) events: \(got)")
        #expect(Set(ids).count == people, "an event was delivered twice: \(ids.sorted())")
    }

    /// `kluis webhooks log crm --json`, read until `condition` holds of it.
    static func deliveryLog(_ executable: URL, _ configuration: String,
                            until condition: ([[String: Any]]) -> Bool) async throws -> [[String: Any]] {
        let deadline = ContinuousClock.now + .seconds(30)
        var entries: [[String: Any]] = []
        while ContinuousClock.now < deadline {
            let run = await CommandRun.kluis("webhooks", "log", "crm", "--json", "--config", configuration,
                                             environment: ["KLUIS_WEBHOOKS_CRM_SECRET": secret])
            try #require(run.exitCode == 0, "\(run.errorOutput)")
            entries = try #require(try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [[String: Any]])
            if condition(entries) { return entries }
            try await Task.sleep(for: .milliseconds(200))
        }
        return entries
    }
}
