import AsyncHTTPClient
import Foundation
@testable import KluisBench
import KluisTesting
import Testing

/// `kluis bench` runs end to end on a tiny load and reports every measurement; the numbers
/// themselves are for docs/benchmarks.md, not for assertions.
@Suite struct BenchCommandTests {
    /// `kluis bench` in a process of its own, as a user runs it. In the test process its server
    /// would share two threads with every other suite's, and was once answered nothing in a load.
    static func bench(_ arguments: String...) async throws -> (exitCode: Int32, output: String, errorOutput: String) {
        let executable = try #require(ServeProcessTests.kluisExecutable(), "run 'swift build' first")
        let finished = try await Child.run(executable, ["bench"] + arguments, within: .seconds(600))
        return (finished.status, finished.output, finished.errorOutput)
    }

    /// Two runs, each on a fresh store: every measurement is reported once, with the spread of both.
    @Test func benchReportsEveryMeasurementAsJSON() async throws {
        let run = try await Self.bench("--subjects", "60", "--batch", "25", "--samples", "5", "--connections", "2", "--seconds", "3",
                                       "--erasure-records", "50", "--sweep-records", "200", "--runs", "2", "--json")
        #expect(run.exitCode == 0, "\(run.errorOutput)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any])
        let results = try #require(report["results"] as? [[String: Any]])
        let names = results.compactMap { $0["name"] as? String }
        #expect(names.count == 11)
        #expect(report["runs"] as? Int == 2)
        for result in results {
            #expect(result["runs"] as? Int == 2)
            let range = try #require(result["range"] as? [Double], "\(result)")
            let figure = try #require(result["ratio"] as? Double ?? result["kluis"] as? Double)
            #expect(range.count == 2 && range[0] <= figure && figure <= range[1], "\(result)")
        }
        let refused = try #require(results.first { ($0["name"] as? String)?.hasPrefix("read refused over HTTP") == true })
        #expect((refused["kluis"] as? Double ?? 0) > 0)
        #expect((refused["baseline"] as? Double ?? 0) > 0, "set against /healthz under the same load")
        #expect(names.contains("access package (art. 15) of one person among 60"))
        let sweep = try #require(results.first { $0["name"] as? String == "retention sweep of 20 due records among 200" })
        #expect((sweep["kluis"] as? Double ?? 0) > 0)
        #expect((sweep["baseline"] as? Double ?? 0) > 0)
        #expect(names.contains("erasure of a person with 50 records"))
        #expect(names.contains("purge after it: 51 shredded records deleted"))
        let importResult = try #require(results.first)
        #expect((importResult["kluis"] as? Double ?? 0) > 0)
        #expect((importResult["baseline"] as? Double ?? 0) > 0)
        // Each measurement with a target names it; this run is too small to be judged by any.
        #expect(importResult["target"] as? String == ">= 40% of raw, at 20,000 people")
        #expect(importResult["target_met"] == nil, "60 people are not the 20,000 the target names")
        let access = try #require(results.first { $0["name"] as? String == "access package (art. 15) of one person among 60" })
        #expect(access["target"] as? String == "p50 < 5 ms, at 1,000,000 people")
        #expect(access["target_met"] == nil)
        // Initialisation, 60 created subjects, 5 reads, 5 lookups and the API key are all in the
        // chain each run verified, besides the HTTP reads.
        #expect((report["auditEvents"] as? Int ?? 0) >= 2 * (1 + 60 + 5 + 5 + 1))
    }

    /// wrk's `--latency` report as wrk 4.2 prints it.
    static let wrkReport = """
        Running 8s test @ http://127.0.0.1:39851/healthz
          2 threads and 64 connections
          Thread Stats   Avg      Stdev     Max   +/- Stdev
            Latency     1.62ms  512.31us  14.06ms   81.20%
            Req/Sec    19.84k     1.21k   22.67k    70.62%
          Latency Distribution
             50%  812.00us
             75%    1.90ms
             90%    2.31ms
             99%    3.50s
          315893 requests in 8.00s, 40.97MB read
          Non-2xx or 3xx responses: 12
          Socket errors: connect 1, read 2, write 0, timeout 3
        Requests/sec:  39481.77
        Transfer/sec:      5.12MB
        kluis-quantile 50 812
        kluis-quantile 99.99 3500000
        """

    @Test func wrksReportIsReadWithItsUnits() throws {
        let outcome = try WrkLoad.parse(Self.wrkReport)
        #expect(outcome == WrkLoad.Outcome(requests: 315_893, requestsPerSecond: 39_481.77, p50Milliseconds: 0.812, p99Milliseconds: 3500,
                                           answersNotSuccessful: 12, socketErrors: 1 + 2 + 3, seconds: 8,
                                           quantiles: [.init(percent: 50, milliseconds: 0.812), .init(percent: 99.99, milliseconds: 3500)]))
        #expect(throws: BenchFailure.self) { try WrkLoad.parse("wrk: command not found") }
    }

    @Test func wrksScriptStridesThroughEveryPathAndReportsItsQuantiles() {
        let script = WrkLoad.script(paths: ["/v1/subjects/sub_a?purpose=service", "/v1/subjects/sub_\"b"], first: 7)
        #expect(script.contains("\"/v1/subjects/sub_a?purpose=service\",\n\"/v1/subjects/sub_\\\"b\""))
        #expect(script.contains("paths[((offset or 0) + n * 7919) % #paths + 1]"))
        // A later slice of the same load goes on where the earlier ones stopped.
        #expect(script.contains("local n = 7\n"))
        #expect(script.contains("local quantiles = { 0.5, 1.0, 1.5, "))
        #expect(script.contains(", 99.5, 99.6, 99.7, 99.8, 99.9, 99.95, 99.99 }"))
        #expect(script.contains("io.write(string.format(\"kluis-quantile %g %d\\n\", p, latency:percentile(p)))"))
    }

    /// Slices of two seconds; the odd second goes to the first.
    @Test(arguments: [(8, [2, 2, 2, 2]), (9, [3, 2, 2, 2]), (5, [3, 2]), (4, [2, 2]), (3, [3]), (1, [1])])
    func aMeasurementIsCutIntoSlicesOfTwoSeconds(seconds: Int, slices: [Int]) {
        #expect(WrkLoad.slices(of: seconds) == slices)
    }

    /// A slice whose latency at each quantile is a tenth of the quantile, in milliseconds.
    static func slice(requests: Int, seconds: Double, scale: Double = 1) -> WrkLoad.Outcome {
        WrkLoad.Outcome(requests: requests, requestsPerSecond: Double(requests) / seconds, p50Milliseconds: 5 * scale, p99Milliseconds: 9.9 * scale,
                        answersNotSuccessful: 1, socketErrors: 2, seconds: seconds,
                        quantiles: WrkLoad.quantiles.map { .init(percent: $0, milliseconds: $0 / 10 * scale) })
    }

    @Test func slicesOfALoadAreCombinedByTheirRequests() {
        // Two slices alike are the same distribution: the same percentiles.
        let alike = WrkLoad.Outcome.combined([Self.slice(requests: 1000, seconds: 2), Self.slice(requests: 3000, seconds: 2)])
        #expect(alike.requests == 4000 && alike.seconds == 4 && alike.requestsPerSecond == 1000)
        #expect(alike.answersNotSuccessful == 2 && alike.socketErrors == 4)
        #expect(alike.p50Milliseconds == 5 && alike.p99Milliseconds == 9.9)
        // A slow slice with a twentieth of the requests: the median is the fast slice's, the
        // p99 lies in the slow one.
        let mixed = WrkLoad.Outcome.combined([Self.slice(requests: 1900, seconds: 2), Self.slice(requests: 100, seconds: 2, scale: 100)])
        #expect(mixed.requestsPerSecond == 500)
        #expect(mixed.p50Milliseconds > 5 && mixed.p50Milliseconds < 5.5, "\(mixed.p50Milliseconds)")
        #expect(mixed.p99Milliseconds > 100 && mixed.p99Milliseconds < 990, "\(mixed.p99Milliseconds)")
        // Without the script's quantiles, the slowest slice's figures stand for all.
        var plain = [Self.slice(requests: 10, seconds: 2), Self.slice(requests: 10, seconds: 2, scale: 2)]
        for index in plain.indices { plain[index].quantiles = [] }
        let unknown = WrkLoad.Outcome.combined(plain)
        #expect(unknown.p50Milliseconds == 10 && unknown.p99Milliseconds == 19.8 && unknown.requestsPerSecond == 5)
        #expect(WrkLoad.Outcome.combined([plain[1]]) == plain[1])
    }

    /// With wrk installed (CI installs it), the HTTP read is loaded from a second process and
    /// compared with /healthz under the same load.
    @Test(.enabled(if: WrkLoad.locate() != nil || ProcessInfo.processInfo.environment["CI"] == "true", "needs wrk (Debian: apt-get install wrk)"))
    func benchLoadsTheServerWithWrkInASecondProcess() async throws {
        let run = try await Self.bench("--load", "wrk", "--subjects", "40", "--batch", "20", "--samples", "5",
                                       "--connections", "64", "--seconds", "4", "--erasure-records", "50", "--sweep-records", "200", "--json")
        #expect(run.exitCode == 0, "\(run.errorOutput)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any])
        let http = try #require((report["results"] as? [[String: Any]])?.first { ($0["name"] as? String)?.hasPrefix("purpose-bound read over HTTP") == true })
        #expect((http["name"] as? String)?.contains("(wrk, ") == true)
        #expect((http["kluis"] as? Double ?? 0) > 0 && (http["baseline"] as? Double ?? 0) > 0 && (http["p99_ms"] as? Double ?? 0) > 0)
        // Under wrk at 64 connections, the read is the measurement its target names.
        #expect(http["target"] as? String == ">= 25% of /healthz under wrk, p99 < 10 ms, at 64 connections")
        #expect(http["target_met"] as? Bool == ((http["ratio"] as? Double ?? 0) >= 0.25 && (http["p99_ms"] as? Double ?? .infinity) < 10))
        #expect(!run.errorOutput.contains("HTTP requests failed"), "\(run.errorOutput)")
    }

    /// The table says of each target whether the run met it, or why the run could not tell; the
    /// line under it counts the same verdicts. The erasure is the one measured at its target's
    /// size here.
    @Test func benchsTableJudgesEveryTargetItMeasured() async throws {
        let run = try await Self.bench("--load", "in-process", "--subjects", "40", "--batch", "20", "--samples", "5",
                                       "--connections", "2", "--seconds", "3", "--erasure-records", "10000", "--sweep-records", "200")
        #expect(run.exitCode == 0, "\(run.errorOutput)")
        let rows = run.output.split(separator: "\n").map(String.init).filter { $0.hasPrefix("| ") }
        let row = { (prefix: String) in rows.first { $0.hasPrefix("| \(prefix)") } ?? "" }
        #expect(row("bulk import").hasSuffix("| >= 40% of raw, at 20,000 people: not measured, the run was at 40 people (--subjects 20000) |"))
        #expect(row("access package").hasSuffix("| p50 < 5 ms, at 1,000,000 people: not measured, the run was at 40 people (--subjects 1000000) |"))
        #expect(row("retention sweep").hasSuffix("| >= 50% of the raw DELETE, at 1,000,000 records: not measured, the run was at 200 records (--sweep-records 1000000) |"))
        #expect(row("purpose-bound read over HTTP").hasSuffix(
            "| >= 25% of /healthz under wrk, p99 < 10 ms, at 64 connections: not measured, the load was not wrk's (--load wrk) |"))
        // The erasure's verdict follows from its own ratio in the table.
        let erasure = row("erasure of a person with 10000 records").split(separator: "|", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces) }
        try #require(erasure.count == 11, "\(rows)")
        let growth = try #require(Double(erasure[5].dropLast()), "\(erasure)") / 100
        #expect(erasure[9] == "<= 2x the erasure with 10 records, at 10,000 records: " + (growth <= 2 ? "met" : "**not met**"))
        #expect(run.output.contains("Targets met: \(growth <= 2 ? 1 : 0) of the 1 this run measured; 4 not measured (see the table)."))
    }

    /// A load that was answered nothing measured nothing: the bench says so, and which load, rather
    /// than report a rate of 0. The wrk here is a stand-in that prints what wrk 4.2 prints against a
    /// server that never answers, and keeps the arguments it was given.
    @Test func aLoadAnsweredNothingIsAnErrorNotARateOfZero() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let arguments = directory.url.appendingPathComponent("arguments")
        let wrk = directory.url.appendingPathComponent("wrk")
        try """
            #!/bin/sh
            echo "$@" >> '\(arguments.path)'
            cat <<'REPORT'
            Running 2s test @ http://127.0.0.1:39999/healthz
              2 threads and 2 connections
              Thread Stats   Avg      Stdev     Max   +/- Stdev
                Latency     0.00us    0.00us   0.00us    -nan%
                Req/Sec     0.00      0.00     0.00      -nan%
              Latency Distribution
                 50%    0.00us
                 75%    0.00us
                 90%    0.00us
                 99%    0.00us
              0 requests in 2.00s, 0.00B read
            Requests/sec:      0.00
            Transfer/sec:       0.00B
            REPORT

            """.write(to: wrk, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: wrk.path)
        var environment = ProcessInfo.processInfo.environment
        environment["PATH"] = directory.url.path + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
        let run = await CommandRun.kluis(["bench", "--load", "wrk", "--subjects", "20", "--batch", "10", "--samples", "2",
                                          "--connections", "2", "--seconds", "4", "--erasure-records", "20", "--sweep-records", "100"],
                                         environment: environment)
        #expect(run.exitCode == 1)
        #expect(run.errorOutput.contains("no request of GET /healthz over HTTP was answered in its 4 s"), "\(run.errorOutput)")
        #expect(run.errorOutput.contains("--seconds"))
        #expect(!run.output.contains("requests/s"), "no rate is reported")
        // A slow answer counts as a latency for the whole measurement time, not as wrk's 2-s timeout.
        let given = try String(contentsOf: arguments, encoding: .utf8).split(separator: "\n")
        #expect(given.allSatisfy { $0.contains("-d2s --timeout 2s --latency") }, "\(given)")
        // The three loads in turns, two seconds at a time: /healthz, the refused read, the read.
        #expect(given.map { $0.hasSuffix("/healthz") ? "healthz" : $0.contains("/v1/subjects/") ? "read" : "?" }
                == ["healthz", "read", "read", "healthz", "read", "read"], "\(given)")
    }

    /// The in-process generator's workers each send a request before they look at the clock: a
    /// load whose time was up before its workers ran still tries the server. Port 1 has no
    /// listener, so each request fails (AsyncHTTPClient tries to connect until the request's
    /// timeout of 10 s) and is counted.
    @Test func everyWorkerOfTheInProcessLoadSendsAtLeastOneRequest() async throws {
        let client = HTTPClient(eventLoopGroupProvider: .singleton)
        let outcome = await HTTPLoad(client: client, connections: 3, duration: .zero).run { _, _ in ("http://127.0.0.1:1/healthz", []) }
        try await client.shutdown()
        #expect(outcome.failures == 3)
        #expect(outcome.latencies.count == 0)
    }

    @Test func benchRefusesNonsenseCounts() async {
        let run = await CommandRun.kluis("bench", "--subjects", "0")
        #expect(run.exitCode == 1)
        #expect(run.errorOutput.contains("at least 1"))
    }
}
