import Foundation
import Testing

/// `kluis bench` runs end to end on a tiny load and reports every measurement; the numbers
/// themselves are for docs/benchmarks.md, not for assertions.
@Suite struct BenchCommandTests {
    @Test func benchReportsEveryMeasurementAsJSON() async throws {
        let run = await CommandRun.kluis("bench", "--subjects", "60", "--batch", "25", "--samples", "5",
                                         "--connections", "2", "--seconds", "1", "--json")
        #expect(run.exitCode == 0, "\(run.errorOutput)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any])
        let results = try #require(report["results"] as? [[String: Any]])
        #expect(results.compactMap { $0["name"] as? String }.count == 5)
        let importResult = try #require(results.first)
        #expect((importResult["kluis"] as? Double ?? 0) > 0)
        #expect((importResult["baseline"] as? Double ?? 0) > 0)
        // Initialisation, 60 created subjects, 5 reads, 5 lookups and the API key are all in the
        // chain the bench verified, besides the HTTP reads.
        #expect((report["auditEvents"] as? Int ?? 0) >= 1 + 60 + 5 + 5 + 1)
    }

    @Test func benchRefusesNonsenseCounts() async {
        let run = await CommandRun.kluis("bench", "--subjects", "0")
        #expect(run.exitCode == 1)
        #expect(run.errorOutput.contains("at least 1"))
    }
}
