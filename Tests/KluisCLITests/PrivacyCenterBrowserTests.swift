import Foundation
import KluisTesting
import Testing

/// The privacy center in a real browser, on each store: `kluis serve` with the privacy center's
/// test policy (PolicyFixture.withPrivacyCenter), a person stored through the API, and
/// scripts/browser-test-privacy-center.py driving headless Chromium through every page. On the
/// embedded store each page is also checked with axe-core in both languages at 1280 and 390
/// pixels wide. Screenshots are kept in test-artifacts/privacy-center/.
///
/// Runs when Chromium and its driver are installed, and always under CI, where a missing
/// browser fails the test instead of skipping it.
@Suite(.enabled(if: Browser.enabled, "needs Debian's chromium and chromium-driver, and selenium and axe-selenium-python from PyPI"))
struct PrivacyWebBrowserTests {
    static let email = "jan.jansen@voorbeeld.example"

    @Test(arguments: StoreKind.enabled) func aPersonUsesEveryPageOfThePrivacyCenter(store: StoreKind) async throws {
        let executable = try #require(ServeProcessTests.kluisExecutable(), "run 'swift build' first")
        let root = Fixtures.repositoryRootURL
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        let policy = temporary.path("policy.yaml")
        try Data(PolicyFixture.withPrivacyCenter().yaml.utf8).write(to: URL(fileURLWithPath: policy))
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
        let created = try await Child.run(executable, ["apikey", "create", "--name", "mailer", "--purposes", "newsletter"] + vault)
        try #require(created.status == 0, "kluis apikey create failed: \(created.errorOutput)")
        let mailer = try #require(created.output.firstMatch(of: /kluis_key_[a-z2-7]+_[0-9a-f]{64}/).map { String($0.output) })

        // Plain http on loopback: the session cookie goes without Secure, as in development.
        let server = try await Child.start(executable, ["serve", "--host", "127.0.0.1", "--port", "0", "--sweep-interval", "0",
                                                  "--outbox", outbox, "--insecure-cookies"] + vault)
        defer { server.kill() }
        let prefix = "kluis: serving on "
        let announcement = try #require(await server.firstLine(startingWith: prefix, within: .seconds(60)),
                                        "kluis serve did not start: \(server.errorOutput)")
        let base = String(announcement.dropFirst(prefix.count))

        // Jan, as the organisation's application would store him.
        let api = LoopbackClient(base: base, token: admin)
        let made = try await api.send("POST", "/v1/subjects", json: """
            {"identifiers": {"email": "\(Self.email)"}, "purpose": "service",
             "records": [{"category": "contact", "fields": {"email": "\(Self.email)", "phone": "06 1234 5678"}},
                         {"category": "profile", "fields": {"headline": "Timmerman in Utrecht", "bio": "Twintig jaar ervaring."}}]}
            """, expect: 201)
        let jan = try #require(made["id"] as? String)
        try await api.send("PUT", "/v1/subjects/\(jan)/invoices", json: """
            {"purpose": "bookkeeping", "fields": {"number": "F-2026-0042", "amount": "121.00", "invoice_date": "2026-03-15"}}
            """, expect: 200)
        try await api.send("POST", "/v1/subjects/\(jan)/consents", json: #"{"decisions": {"newsletter": "given"}, "birth_date": "1980-05-17"}"#,
                           expect: 201)

        let artifacts = root.appendingPathComponent("test-artifacts/privacy-center" + (store == .sqlite ? "" : "-\(store)"))
        try FileManager.default.createDirectory(at: artifacts, withIntermediateDirectories: true)
        let run = try await Child.run(URL(fileURLWithPath: "/usr/bin/env"), [
            "python3", root.appendingPathComponent("scripts/browser-test-privacy-center.py").path,
            "--kluis", base, "--outbox", outbox, "--email", Self.email, "--subject", jan, "--mailer-key", mailer,
            "--screenshot-dir", artifacts.path,
        ] + (store == .sqlite ? ["--axe"] : []), within: .seconds(600))
        try #require(run.status == 0, "the browser test failed:\n\(run.errorOutput)\n\(run.output)")
        let report = try #require(run.output.split(separator: "\n").last.map(String.init))
        let result = try #require(try JSONSerialization.jsonObject(with: Data(report.utf8)) as? [String: Any])
        #expect(result["ok"] as? Bool == true)
        let pages = try #require(result["pages"] as? [String])
        #expect(pages == ["sign-in", "code", "my-data", "download", "correct", "delete", "permissions", "history", "requests"])
        if store == .sqlite { #expect(result["axe_runs"] as? Int == pages.count * 4) }
        for page in pages {
            for name in ["\(page).png", "\(page)-390.png"] {
                let size = try FileManager.default.attributesOfItem(atPath: artifacts.appendingPathComponent(name).path)[.size] as? Int
                #expect((size ?? 0) > 1000, "screenshot \(name)")
            }
        }
        // What the person did is in the audit chain, as theirs.
        let events = try await api.send("GET", "/v1/audit?subject=\(jan)&limit=1000", expect: 200)["events"] as? [[String: Any]] ?? []
        let mine = events.filter { $0["actor"] as? String == jan }
        for action in ["sign_in", "export", "write", "erasure", "consent", "request"] {
            #expect(mine.contains { $0["action"] as? String == action }, "no '\(action)' by the person in the audit log")
        }
    }
}
