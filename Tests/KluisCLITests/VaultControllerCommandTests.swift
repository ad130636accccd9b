import Foundation
import KluisTesting
import Testing

/// Issue 22: a vault served or swept with another organisation's policy is refused with an error
/// that names both controllers and the way to allow it; `--allow-other-controller` moves it.
@Suite struct VaultControllerCommandTests {
    @Test func anotherControllersPolicyIsRefusedUntilAllowed() async throws {
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        let data = temporary.path("data")
        let environment = VaultCommandTests.noEnvironment
        let coaching = "examples/policies/coaching.yaml", itService = "examples/policies/it-service.yaml"
        #expect(await CommandRun.kluis("init", "--data", data, environment: environment).exitCode == 0)
        let first = await CommandRun.kluis("retention", "sweep", "--dry-run", "--data", data, "--policy", coaching, environment: environment)
        #expect(first.exitCode == 0, "\(first.errorOutput)")

        for command in [["serve", "--port", "0"], ["retention", "sweep", "--dry-run"]] {
            let refused = await CommandRun.kluis(command + ["--data", data, "--policy", itService], environment: environment)
            #expect(refused.exitCode == 1, "\(command): \(refused.output)")
            #expect(refused.errorOutput.contains("this vault belongs to Koersvast Coaching (KvK 81234567); the policy is Helder ICT (KvK 65432178)'s"),
                    "\(refused.errorOutput)")
            #expect(refused.errorOutput.contains("--allow-other-controller"), "\(refused.errorOutput)")
        }

        let moved = await CommandRun.kluis("retention", "sweep", "--dry-run", "--data", data, "--policy", itService, "--allow-other-controller",
                                           environment: environment)
        #expect(moved.exitCode == 0, "\(moved.errorOutput)")
        let back = await CommandRun.kluis("retention", "sweep", "--dry-run", "--data", data, "--policy", coaching, environment: environment)
        #expect(back.exitCode == 1)
        #expect(back.errorOutput.contains("this vault belongs to Helder ICT (KvK 65432178)"), "\(back.errorOutput)")
    }
}
