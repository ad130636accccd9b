import Foundation
import KluisTesting
import Testing

/// `kluis serve` refuses privacy center options that would be unsafe or collide, before it opens
/// anything, and says which option and why.
@Suite struct ServeOptionTests {
    static let policy = Fixtures.repositoryRootURL.appendingPathComponent("examples/policies/coaching.yaml").path

    @Test func insecureCookiesOnlyOnALoopbackAddress() async throws {
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        let run = await CommandRun.kluis("serve", "--data", temporary.path("data"), "--policy", Self.policy,
                                         "--host", "0.0.0.0", "--insecure-cookies")
        #expect(run.exitCode != 0)
        #expect(run.errorOutput.contains("--insecure-cookies is for development on a loopback address"))
        #expect(!FileManager.default.fileExists(atPath: temporary.path("data")), "serve touched the data directory")
    }

    @Test(arguments: ["privacy-center", "/privacy-center/", "/Privacy", "/v1/center", "/privacy", "/a b", "/"])
    func aPrivacyCenterPathMustBeAPathOfItsOwn(path: String) async throws {
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        let run = await CommandRun.kluis("serve", "--data", temporary.path("data"), "--policy", Self.policy, "--privacy-center-path", path)
        #expect(run.exitCode != 0)
        #expect(run.errorOutput.contains("--privacy-center-path"), "\(run.errorOutput)")
    }
}
