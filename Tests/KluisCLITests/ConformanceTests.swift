import Foundation
import KluisTesting
import Testing

/// The running server against its own contract: schemathesis generates requests from
/// `/openapi.json` for every operation (examples, boundary values and random ones, valid and
/// invalid) and checks every answer: no server error, and every response as its schema says.
/// CI installs schemathesis from PyPI; elsewhere this runs where python3 has it.
@Suite(.enabled("needs schemathesis from PyPI") { try await Conformance.installed() })
struct ConformanceTests {
    @Test(.timeLimit(.minutes(10))) func theServerKeepsItsContract() async throws {
        let executable = try #require(ServeProcessTests.kluisExecutable(),
                                      "the kluis executable was not found next to the test bundle nor in .build/debug: run 'swift build' first")
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        let data = temporary.path("data")
        let policy = KluisTesting.Fixtures.examplesDirectory.appendingPathComponent("coaching.yaml").path
        let initialised = try await Child.run(executable, ["init", "--data", data])
        try #require(initialised.status == 0, "kluis init failed: \(initialised.errorOutput)")
        let adminToken = try #require(initialised.output.firstMatch(of: /kluis_key_[a-z2-7]+_[0-9a-f]{64}/).map { String($0.output) })
        let server = try Child.start(executable, ["serve", "--policy", policy, "--data", data, "--host", "127.0.0.1", "--port", "0",
                                                  "--sweep-interval", "0"])
        defer { server.kill() }
        let announcement = try #require(await server.firstLine(startingWith: "kluis: serving on http://127.0.0.1:", within: .seconds(60)),
                                        "kluis serve did not start: \(server.errorOutput)")
        let base = String(announcement.dropFirst("kluis: serving on ".count))

        let run = try await Child.run(URL(fileURLWithPath: "/usr/bin/env"), [
            "python3", "-m", "schemathesis.cli", "run", "\(base)/openapi.json", "--url", base,
            "--header", "Authorization: Bearer \(adminToken)",
            "--checks", "not_a_server_error,response_schema_conformance",
            "--phases", "examples,coverage,fuzzing", "--max-examples", "5", "--seed", "1",
            "--request-timeout", "60", "--workers", "1", "--no-color",
        ], within: .seconds(540))
        #expect(run.status == 0, "schemathesis found a server error or a schema violation:\n\(run.output)\n\(run.errorOutput)")
        #expect(run.output.contains("Tested: 40"), "every operation was tested:\n\(run.output)")
    }
}

/// Whether schemathesis can run here. In CI it must: CI installs it.
enum Conformance {
    static func installed() async throws -> Bool {
        if ProcessInfo.processInfo.environment["CI"] == "true" { return true }
        let probe = try await Child.run(URL(fileURLWithPath: "/usr/bin/env"), ["python3", "-m", "schemathesis.cli", "--version"])
        return probe.status == 0
    }
}
