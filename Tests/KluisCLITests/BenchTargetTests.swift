import Foundation
@testable import KluisBench
import KluisPostgres
import Testing

/// The performance targets, judged from a measurement's own figures: met at the bound, not met
/// past it, and not judged from a run that is not the measurement the target names.
@Suite struct BenchTargetTests {
    static func result(kluis: Double, baseline: Double?, p50: Double? = nil, p99: Double? = nil) -> BenchResult {
        BenchResult(name: "measurement", unit: "unit", kluis: kluis, baseline: baseline, p50Milliseconds: p50, p99Milliseconds: p99)
    }

    static let sqlite = BenchStore.sqlite(directory: FileManager.default.temporaryDirectory)
    static func postgres() throws -> BenchStore { .postgres(try PostgresLocation(url: "postgres://bench@127.0.0.1/bench")) }

    @Test func aShareIsMetFromItsBoundUp() {
        let target = BenchTarget(bound: .share(atLeast: 0.4, of: "raw"))
        #expect(target.description == ">= 40% of raw")
        #expect(target.isMet(by: Self.result(kluis: 40, baseline: 100)) == true)
        #expect(target.isMet(by: Self.result(kluis: 39, baseline: 100)) == false)
        #expect(target.isMet(by: Self.result(kluis: 39, baseline: nil)) == nil, "no baseline, no share")
    }

    @Test func aGrowthIsMetUpToItsBound() {
        let target = BenchTarget(bound: .growth(atMost: 2, of: "the erasure with 10 records"))
        #expect(target.description == "<= 2x the erasure with 10 records")
        #expect(target.isMet(by: Self.result(kluis: 6, baseline: 3)) == true)
        #expect(target.isMet(by: Self.result(kluis: 6.1, baseline: 3)) == false)
    }

    @Test func aRunSmallerThanTheTargetNamesIsNotJudged() {
        let small = BenchTarget.accessPackage(people: 20_000)
        #expect(small.description == "p50 < 5 ms, at 1,000,000 people")
        #expect(small.notMeasuredBecause == "the run was at 20,000 people (--subjects 1000000)")
        #expect(small.isMet(by: Self.result(kluis: 1, baseline: nil, p50: 1)) == nil)
        let full = BenchTarget.accessPackage(people: 1_000_000)
        #expect(full.notMeasuredBecause == nil)
        #expect(full.isMet(by: Self.result(kluis: 4.9, baseline: nil, p50: 4.9)) == true)
        #expect(full.isMet(by: Self.result(kluis: 5, baseline: nil, p50: 5)) == false)
    }

    @Test func theReadNeedsItsShareAndItsP99UnderWrk() throws {
        let target = BenchTarget.readShare(on: try Self.postgres(), connections: 64, byWrk: true)
        #expect(target.description == ">= 15% of /healthz under wrk, p99 < 10 ms, at 64 connections")
        #expect(target.isMet(by: Self.result(kluis: 15, baseline: 100, p99: 9.9)) == true)
        #expect(target.isMet(by: Self.result(kluis: 15, baseline: 100, p99: 10)) == false, "the share without the latency")
        #expect(target.isMet(by: Self.result(kluis: 14, baseline: 100, p99: 2)) == false, "the latency without the share")
        let inProcess = BenchTarget.readShare(on: try Self.postgres(), connections: 64, byWrk: false)
        #expect(inProcess.notMeasuredBecause == "the load was not wrk's (--load wrk)")
        #expect(inProcess.isMet(by: Self.result(kluis: 90, baseline: 100, p99: 1)) == nil)
        #expect(BenchTarget.readShare(on: Self.sqlite, connections: 64, byWrk: true).description
                    == ">= 25% of /healthz under wrk, p99 < 10 ms, at 64 connections")
    }

    @Test func theImportsShareDiffersByStore() throws {
        #expect(BenchTarget.importShare(on: Self.sqlite, people: 20_000).description == ">= 40% of raw, at 20,000 people")
        #expect(BenchTarget.importShare(on: try Self.postgres(), people: 20_000).description == ">= 35% of raw, at 20,000 people")
    }
}
