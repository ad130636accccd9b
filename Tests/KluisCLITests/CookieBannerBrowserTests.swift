import Foundation
import KluisCore
import KluisSQLite
import KluisTesting
import Testing

/// The drop-in cookie banner in a real browser: `kluis serve` with the coaching policy, the
/// demo page of examples/cookie-banner driven in headless Chromium by
/// scripts/browser-test-cookie-banner.py. Screenshots are kept in test-artifacts/.
///
/// Runs when Chromium and its driver are installed, and always under CI, where a missing
/// browser fails the test instead of skipping it.
@Suite(.enabled(if: Browser.enabled, "needs Debian's chromium and chromium-driver, and selenium from PyPI"))
struct CookieBannerBrowserTests {
    @Test func theBannerSendsTheDefaultStoresAChoiceAndSendsTheUpdateOnReload() async throws {
        let executable = try #require(ServeProcessTests.kluisExecutable(), "run 'swift build' first")
        #expect(FileManager.default.isExecutableFile(atPath: Browser.chromium), "install Debian's chromium")
        #expect(FileManager.default.isExecutableFile(atPath: Browser.chromedriver), "install Debian's chromium-driver")
        let root = Fixtures.repositoryRootURL
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        let data = temporary.path("data")
        let policy = root.appendingPathComponent("examples/policies/coaching.yaml").path

        let initialised = try await Child.run(executable, ["init", "--data", data])
        try #require(initialised.status == 0, "kluis init failed: \(initialised.errorOutput)")
        let server = try await Child.start(executable, ["serve", "--policy", policy, "--data", data, "--host", "127.0.0.1", "--port", "0"])
        defer { server.kill() }
        let prefix = "kluis: serving on "
        let announcement = try #require(await server.firstLine(startingWith: prefix, within: .seconds(60)),
                                        "kluis serve did not start: \(server.errorOutput)")
        let base = String(announcement.dropFirst(prefix.count))

        let artifacts = root.appendingPathComponent("test-artifacts/cookie-banner")
        try FileManager.default.createDirectory(at: artifacts, withIntermediateDirectories: true)
        let run = try await Child.run(URL(fileURLWithPath: "/usr/bin/env"), [
            "python3", root.appendingPathComponent("scripts/browser-test-cookie-banner.py").path,
            "--kluis", base, "--demo", root.appendingPathComponent("examples/cookie-banner/index.html").path,
            "--screenshot-dir", artifacts.path,
        ], within: .seconds(240))
        try #require(run.status == 0, "the browser test failed:\n\(run.errorOutput)\n\(run.output)")

        // The script's last line reports what the page was answered; the store must agree.
        let report = try #require(run.output.split(separator: "\n").last.map(String.init))
        let result = try #require(try JSONSerialization.jsonObject(with: Data(report.utf8)) as? [String: Any])
        #expect(result["ok"] as? Bool == true)
        let visitor = try #require(VisitorID(rawValue: result["visitor_id"] as? String ?? ""), "\(report)")
        let signals = try #require(result["consent_mode"] as? [String: String])
        #expect(signals["analytics_storage"] == "granted")
        #expect(signals["ad_storage"] == "denied")
        for name in ["cookie-banner.png", "cookie-banner-reopened.png"] {
            let size = try FileManager.default.attributesOfItem(atPath: artifacts.appendingPathComponent(name).path)[.size] as? Int
            #expect((size ?? 0) > 1000, "screenshot \(name)")
        }

        server.terminate()
        _ = await server.termination(within: .seconds(30))
        let store = try SQLiteVaultStore(path: URL(fileURLWithPath: data).appendingPathComponent("kluis.sqlite").path)
        let choices = try await store.cookieChoices(of: visitor)
        #expect(choices.count == 1)
        #expect(choices.first?.allowed["statistics"] == true)
        #expect(choices.first?.allowed["marketing"] == false)
        #expect(choices.first?.allowed["essential"] == true)
    }
}

/// Where the browser test finds Chromium, and whether it runs.
enum Browser {
    static let chromium = "/usr/bin/chromium", chromedriver = "/usr/bin/chromedriver"
    static var enabled: Bool {
        ProcessInfo.processInfo.environment["CI"] == "true"
            || (FileManager.default.isExecutableFile(atPath: chromium) && FileManager.default.isExecutableFile(atPath: chromedriver))
    }
}
