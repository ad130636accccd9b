import Foundation
import KluisTesting
import Testing

/// The console in a real browser, on each store, with Fleur's own policy (seed 003, the coach):
/// `kluis serve`, the owner added with `kluis staff add`, a client and her access request stored
/// through the API, and scripts/browser-test-console.py driving headless Chromium: the owner
/// enrols and signs in with a password and TOTP codes computed by pyotp, adds a desk member and
/// an auditor, revokes an API key (refused at once), is locked out after failures and refused a
/// forged form; the desk member answers the access request from the queue to the package and
/// records the client's last contact, and sees the new erase-by date; the auditor's pages hold no
/// personal value. On the embedded store every page is checked with axe-core in both languages
/// at 1280 and 390 pixels wide; screenshots are kept in test-artifacts/console/.
@Suite(.enabled(if: Browser.enabled, "needs Debian's chromium and chromium-driver, and selenium, axe-selenium-python and pyotp from PyPI"))
struct ConsoleBrowserTests {
    static let client = (email: "marker.client@voorbeeld.example", phone: "06 7777 1234", lastName: "Markerdijk")

    @Test(arguments: StoreKind.enabled) func fleurRunsHerPrivacyOfficeFromTheConsole(store: StoreKind) async throws {
        let executable = try #require(ServeProcessTests.kluisExecutable(), "run 'swift build' first")
        let root = Fixtures.repositoryRootURL
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        let policy = root.appendingPathComponent("examples/policies/coaching.yaml").path
        let outbox = temporary.path("outbox")
        var vault = ["--policy", policy]
        switch store {
        case .sqlite:
            vault += ["--data", temporary.path("data")]
        case .postgres:
            vault += ["--database", PostgresTestServer.url(of: try PostgresTestServer.freshLocation()), "--key-file", temporary.path("root.key")]
        }
        let location = Array(vault.dropFirst(2))
        let initialised = try await Child.run(executable, ["init"] + location)
        try #require(initialised.status == 0, "kluis init failed: \(initialised.errorOutput)")
        let admin = try #require(initialised.output.firstMatch(of: /kluis_key_[a-z2-7]+_[0-9a-f]{64}/).map { String($0.output) })
        let created = try await Child.run(executable, ["apikey", "create", "--name", "agenda", "--purposes", "coaching"] + vault)
        try #require(created.status == 0, "kluis apikey create failed: \(created.errorOutput)")
        let agenda = try #require(created.output.firstMatch(of: /kluis_key_[a-z2-7]+_[0-9a-f]{64}/).map { String($0.output) })
        let owner = try await Child.run(executable, ["staff", "add", "--name", "Fleur", "--email", "fleur@coaching.example", "--role", "owner"] + vault)
        try #require(owner.status == 0, "kluis staff add failed: \(owner.errorOutput)")
        let enrolment = try #require(owner.output.firstMatch(of: /(?m)^  (([a-z2-9]{4}-){3}[a-z2-9]{4})$/).map { String($0.output.1) })

        let server = try await Child.start(executable, ["serve", "--host", "127.0.0.1", "--port", "0", "--sweep-interval", "0",
                                                  "--outbox", outbox, "--insecure-cookies"] + vault)
        defer { server.kill() }
        let prefix = "kluis: serving on "
        let announcement = try #require(await server.firstLine(startingWith: prefix, within: .seconds(60)),
                                        "kluis serve did not start: \(server.errorOutput)")
        let base = String(announcement.dropFirst(prefix.count))

        // A client of Fleur's, with a contract, and her access request by e-mail.
        let api = LoopbackClient(base: base, token: admin)
        let made = try await api.send("POST", "/v1/subjects", json: """
            {"identifiers": {"email": "\(Self.client.email)"}, "purpose": "coaching",
             "records": [{"category": "name", "fields": {"first_name": "Anna", "last_name": "\(Self.client.lastName)"}},
                         {"category": "email", "fields": {"email": "\(Self.client.email)"}},
                         {"category": "phone", "fields": {"phone": "\(Self.client.phone)"}}]}
            """, expect: 201)
        let client = try #require(made["id"] as? String)
        try await api.send("POST", "/v1/subjects/\(client)/events", json: #"{"name": "contract_start", "at": "2026-09-01T09:00:00Z"}"#, expect: 204)
        let request = try await api.send("POST", "/v1/requests", json: #"{"type": "access", "subject_id": "\#(client)", "channel": "email"}"#,
                                         expect: 201)
        let requestID = try #require(request["id"] as? String)

        let artifacts = root.appendingPathComponent("test-artifacts/console" + (store == .sqlite ? "" : "-\(store)"))
        try FileManager.default.createDirectory(at: artifacts, withIntermediateDirectories: true)
        let run = try await Child.run(URL(fileURLWithPath: "/usr/bin/env"), [
            "python3", root.appendingPathComponent("scripts/browser-test-console.py").path,
            "--kluis", base, "--enrolment-code", enrolment, "--owner-email", "fleur@coaching.example",
            "--client", client, "--client-email", Self.client.email, "--request", requestID, "--app-key", agenda,
            "--markers", [Self.client.email, Self.client.phone, Self.client.lastName].joined(separator: ","),
            "--screenshot-dir", artifacts.path,
        ] + (store == .sqlite ? ["--axe"] : []), within: .seconds(900))
        try #require(run.status == 0, "the browser test failed:\n\(run.errorOutput)\n\(run.output)")
        let report = try #require(run.output.split(separator: "\n").last.map(String.init))
        let result = try #require(try JSONSerialization.jsonObject(with: Data(report.utf8)) as? [String: Any])
        #expect(result["ok"] as? Bool == true)
        let pages = try #require(result["pages"] as? [String])
        #expect(pages == ["enrol", "today", "staff", "keys", "requests", "request", "find", "person", "breach-form", "breach", "assessment",
                          "authority", "breach-people", "breaches", "audit", "policy", "report", "sign-in"])
        if store == .sqlite { #expect(result["axe_runs"] as? Int == pages.count * 4 + 2) }
        for page in pages {
            let size = try FileManager.default.attributesOfItem(atPath: artifacts.appendingPathComponent("\(page).png").path)[.size] as? Int
            #expect((size ?? 0) > 1000, "screenshot \(page)")
        }
        // What the staff did is in the audit chain under their own ids.
        let events = try await api.send("GET", "/v1/audit?limit=1000", expect: 200)["events"] as? [[String: Any]] ?? []
        let staff = events.filter { ($0["actor"] as? String)?.hasPrefix("staff_") == true }
        for action in ["sign_in", "staff", "api_key_revoked", "request", "export", "lookup", "read", "event", "breach"] {
            #expect(staff.contains { $0["action"] as? String == action }, "no '\(action)' by a staff member in the audit log")
        }
        let request2 = try await api.send("GET", "/v1/requests/\(requestID)", expect: 200)
        #expect(request2["state"] as? String == "fulfilled")
        // The client was told of the breach, in the policy's first language and voice.
        let mails = try FileManager.default.contentsOfDirectory(atPath: outbox)
            .map { try String(contentsOfFile: outbox + "/" + $0, encoding: .utf8) }
        let letter = try #require(mails.first { $0.contains("To: \(Self.client.email)") && $0.contains("Wat er is gebeurd") })
        #expect(letter.contains("Let op e-mails die om je wachtwoord vragen.") && letter.contains("Wij schrijven je"))
        let breaches = try await api.send("GET", "/v1/breaches", expect: 200)["breaches"] as? [[String: Any]] ?? []
        #expect(breaches.count == 1 && breaches.first?["people_told"] as? Int == 1)
    }
}
