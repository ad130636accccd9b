@testable import KluisBench
@testable import KluisCLI
import Testing

/// Repeated runs of `kluis bench --runs`: the run in the middle, the spread of all, and a target
/// judged on every run.
@Suite struct BenchRepetitionTests {
    static func importResult(kluis: Double, baseline: Double = 100) -> BenchResult {
        BenchResult(name: "bulk import", unit: "fields/s", kluis: kluis, baseline: baseline,
                    target: BenchTarget(bound: .share(atLeast: 0.4, of: "raw")))
    }

    @Test func theRunInTheMiddleIsShownWithTheSpreadOfAll() throws {
        let merged = BenchRepetition.merged([[Self.importResult(kluis: 30)], [Self.importResult(kluis: 45)], [Self.importResult(kluis: 41)]])
        let result = try #require(merged.first)
        #expect(result.kluis == 41)
        #expect(result.repetition == BenchRepetition(runs: 3, low: 0.30, high: 0.45, runsMeetingTarget: 2))
        #expect(result.targetMet == false, "met in two runs of three is not met")
    }

    @Test func aTargetMetInEveryRunIsMet() throws {
        let merged = BenchRepetition.merged([[Self.importResult(kluis: 40)], [Self.importResult(kluis: 52)]])
        let result = try #require(merged.first)
        #expect(result.kluis == 40, "of two runs, the lower")
        #expect(result.repetition?.runsMeetingTarget == 2)
        #expect(result.targetMet == true)
    }

    @Test func aMeasurementWithoutABaselineSpreadsByItsFigure() throws {
        let latency = { (p50: Double) in BenchResult(name: "read", unit: "ms", kluis: p50, p50Milliseconds: p50) }
        let result = try #require(BenchRepetition.merged([[latency(0.9)], [latency(0.3)], [latency(0.5)]]).first)
        #expect(result.kluis == 0.5)
        #expect(result.repetition == BenchRepetition(runs: 3, low: 0.3, high: 0.9, runsMeetingTarget: nil))
        #expect(result.targetMet == nil)
    }

    @Test func oneRunIsLeftAsItIs() {
        let merged = BenchRepetition.merged([[Self.importResult(kluis: 39)]])
        #expect(merged.count == 1)
        #expect(merged.first?.repetition == nil)
        #expect(merged.first?.targetMet == false)
    }

    @Test func theLineUnderTheTableCountsTheVerdictsOfEveryRun() {
        let twice = { (first: Double, second: Double) in
            BenchRepetition.merged([[Self.importResult(kluis: first)], [Self.importResult(kluis: second)]])
        }
        #expect(BenchCommand.summary(of: twice(41, 45) + twice(39, 45), runs: 2) == "Targets met in all 2 runs: 1 of the 2 measured.")
        #expect(BenchCommand.summary(of: [Self.importResult(kluis: 41)], runs: 1) == "Targets met: 1 of the 1 this run measured.")
        let unmeasured = BenchResult(name: "access package", unit: "ms", kluis: 1, p50Milliseconds: 1, target: .accessPackage(people: 40))
        #expect(BenchCommand.summary(of: [unmeasured], runs: 1) == "No target measured (see the table for why).")
        #expect(BenchCommand.summary(of: [Self.importResult(kluis: 41), unmeasured], runs: 1)
                    == "Targets met: 1 of the 1 this run measured; 1 not measured (see the table).")
    }
}
