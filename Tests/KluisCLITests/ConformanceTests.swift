import Foundation
import KluisTesting
import Testing

/// The running server against its own contract: schemathesis generates requests from
/// `/openapi.json` for every operation and checks every answer: no server error, a status the
/// operation documents, the content type it documents for that status, and a body its schema
/// allows. The server first gets people, records, consents and requests through the API
/// (``ConformanceData``), and schemathesis draws their ids, so that what succeeds is checked too
/// and not only the 404 of an unknown id. Two runs, each with a fixed seed on one worker:
/// the success paths (valid cases, the parts that must fit together fixed), then every phase with
/// valid and invalid cases. About two minutes on two cores.
/// CI installs schemathesis from PyPI; elsewhere this runs where python3 has it.
@Suite(.enabled("needs schemathesis from PyPI") { try await Conformance.installed() })
struct ConformanceTests {
    @Test(.timeLimit(.minutes(10))) func theServerKeepsItsContract() async throws {
        let served = try await ServedVault()
        let (base, adminToken, temporary) = (served.base, served.adminToken, served.temporary)
        let facts = try await ConformanceData.make(with: LoopbackClient(base: base, token: adminToken))

        let success = temporary.path("success.toml")
        try facts.successConfiguration().write(toFile: success, atomically: true, encoding: .utf8)
        let successRun = try await Conformance.run(against: base, token: adminToken, configuration: success,
                                                   ["--phases", "fuzzing", "--mode", "positive", "--max-examples", "5"], within: .seconds(180))
        #expect(successRun.status == 0, "schemathesis found a failure on the success paths:\n\(successRun.output)\n\(successRun.errorOutput)")

        let fuzzing = temporary.path("fuzzing.toml")
        try facts.fuzzingConfiguration().write(toFile: fuzzing, atomically: true, encoding: .utf8)
        let fuzzingRun = try await Conformance.run(against: base, token: adminToken, configuration: fuzzing,
                                                   ["--phases", "examples,coverage,fuzzing", "--max-examples", "5"], within: .seconds(360))
        #expect(fuzzingRun.status == 0, "schemathesis found a failure:\n\(fuzzingRun.output)\n\(fuzzingRun.errorOutput)")
        // Every operation schemathesis reads from the served contract is tested, and it reads
        // all but at most one of the repository's (it leaves out the document it reads).
        let selected = fuzzingRun.output.firstMatch(of: /Operations:\s+(\d+) selected \/ (\d+) total/).map { (Int($0.1), Int($0.2)) }
        let total = try #require(selected?.1, "no operation count in:\n\(fuzzingRun.output)")
        let documented = try Conformance.operationCount()
        #expect(selected?.0 == total && total >= documented - 1)
        #expect(fuzzingRun.output.contains("Tested: \(total)"), "every operation was tested:\n\(fuzzingRun.output)")
    }
}

/// Running schemathesis.
enum Conformance {
    /// The checks every answer goes through.
    static let checks = "not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance"

    /// How many operations the repository's contract has: every one must be tested.
    static func operationCount() throws -> Int {
        let file = Fixtures.repositoryRootURL.appendingPathComponent("Sources/KluisContract/openapi.json")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any])
        let paths = try #require(document["paths"] as? [String: [String: Any]])
        return paths.values.reduce(0) { count, operations in
            count + operations.keys.filter { ["get", "put", "post", "delete", "patch"].contains($0) }.count
        }
    }

    /// Whether schemathesis can run here. In CI it must: CI installs it.
    static func installed() async throws -> Bool {
        if ProcessInfo.processInfo.environment["CI"] == "true" { return true }
        let probe = try await Child.run(URL(fileURLWithPath: "/usr/bin/env"), ["python3", "-m", "schemathesis.cli", "--version"])
        return probe.status == 0
    }

    /// One run against the server at `base` with `configuration` and the given phases and mode.
    /// Deterministic: a fixed seed, one worker, and no example database carried over from an
    /// earlier run.
    static func run(against base: String, token: String, configuration: String, _ arguments: [String],
                    within timeout: Duration) async throws -> Child.Finished {
        try await Child.run(URL(fileURLWithPath: "/usr/bin/env"), [
            "python3", "-m", "schemathesis.cli", "--config-file", configuration, "run", "\(base)/openapi.json", "--url", base,
            "--header", "Authorization: Bearer \(token)", "--checks", checks, "--seed", "1", "--workers", "1",
            "--generation-database", "none", "--request-timeout", "60", "--no-color",
        ] + arguments, within: timeout)
    }
}
