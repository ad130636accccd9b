import AsyncHTTPClient
import Foundation
import Hummingbird
import KluisAPI
import KluisCore
import KluisServer
import Logging
import NIOHTTP1
import ServiceLifecycle

/// One run of `kluis bench`: import, in-process reads and lookups, access packages, erasures, a
/// retention sweep and purpose-bound reads over HTTP, each beside a baseline from the same run,
/// on synthetic people from a fixed seed.
public struct Benchmark: Sendable {
    /// The PostgreSQL database to run in (in a schema of its own, dropped afterwards); `nil`
    /// runs on SQLite in a temporary directory.
    public var database: String?
    public var subjects = 20_000
    /// People per import transaction.
    public var batch = 2000
    public var seed: UInt64 = 20_261_121
    /// In-process reads and lookups to time.
    public var samples = 2000
    /// Concurrent HTTP connections and in-process readers.
    public var connections = 64
    /// Seconds per HTTP measurement.
    public var seconds = 10
    /// Times to run every measurement, each on a fresh store; the report gives the run in the
    /// middle with the spread of all (``BenchRepetition``).
    public var runs = 1
    /// Records of the person in the large erasure, compared with an erasure of 10.
    public var erasureRecords = 10_000
    /// Records in the retention sweep, of which a tenth are due.
    public var sweepRecords = 1_000_000
    /// What loads the server over HTTP: wrk in a second process when it is on the PATH, else
    /// the in-process generator.
    public var load = LoadGenerator.automatic
    /// The environment whose `PATH` is searched for wrk.
    public var environment = ProcessInfo.processInfo.environment

    public enum LoadGenerator: String, Sendable, CaseIterable {
        /// wrk when it is on the PATH, else in-process.
        case automatic = "auto"
        /// wrk, or fail when there is none.
        case wrk
        /// Closed-loop clients in the benchmark's own process (AsyncHTTPClient).
        case inProcess = "in-process"
    }

    public init() {}

    /// What the runs measured, on which store, and how many audit events they verified in all.
    public struct Report: Sendable {
        public var store: String
        public var results: [BenchResult]
        public var auditEvents: Int64
        /// HTTP requests of the loads that failed: connection errors, timeouts, and answers other
        /// than the one expected (200; for the refused read 403, which only the in-process load
        /// tells apart from other refusals).
        public var failedRequests: Int
        /// False when PostgreSQL did not let the bench's user make a checkpoint before the timed
        /// deletions (``BenchStore/settleRecords()``), so that the sweep's ratio was left to
        /// where the server's own checkpoints fell.
        public var deletionsCheckpointed: Bool
    }

    /// Runs every measurement, telling `progress` what it does next.
    public func run(progress: (String) -> Void) async throws -> Report {
        guard subjects >= 1, batch >= 1, samples >= 1, connections >= 1, seconds >= 1, erasureRecords >= 1, sweepRecords >= 10, runs >= 1 else {
            throw BenchFailure("every count must be at least 1, and the sweep needs at least 10 records")
        }
        let policy = try PolicyDocument(text: BenchPolicy.yaml).validPolicy()
        progress("generating \(subjects) people (seed \(seed))")
        var generator = SyntheticPeople(seed: seed)
        let people = try (0..<subjects).map { try generator.next(index: $0) }
        var reports: [Report] = []
        for run in 1...runs {
            if runs > 1 { progress("run \(run) of \(runs)") }
            let target = try BenchStore.make(database: database)
            reports.append(try await target.withStore { store in
                try await measure(people: people, on: target, store: store, policy: policy, progress: progress)
            })
        }
        return Report(store: reports[0].store, results: BenchRepetition.merged(reports.map(\.results)),
                      auditEvents: reports.map(\.auditEvents).reduce(0, +), failedRequests: reports.map(\.failedRequests).reduce(0, +),
                      deletionsCheckpointed: reports.allSatisfy(\.deletionsCheckpointed))
    }

    private func measure(people: [NewSubject], on target: BenchStore, store: any VaultStore, policy: Policy,
                         progress: (String) -> Void) async throws -> Report {
        var results: [BenchResult] = []
        progress("importing through the vault on \(target.name)")
        let (vault, ids, vaultRate) = try await ImportBench(people: people, batch: batch).run(into: store, policy: policy)
        progress("importing raw rows")
        let rawRate = try await target.rawImport(people, batch: batch)
        results.append(BenchResult(name: "bulk import (sealed, blind-indexed, audited)", unit: "fields/s", kluis: vaultRate,
                                   baseline: rawRate, baselineName: target.baselineName,
                                   target: .importShare(on: target, people: people.count)))

        progress("timing in-process reads and lookups")
        var random = SplitMix64(seed: seed)
        let app = Principal(id: "bench", purposes: ["service"])
        var reads = Latencies()
        var lookups = Latencies()
        for _ in 0..<samples {
            let index = Int(random.next() % UInt64(ids.count))
            var start = ContinuousClock.now
            _ = try await vault.read(ids[index], for: "service", by: app)
            reads.add(ContinuousClock.now - start)
            start = ContinuousClock.now
            _ = try await vault.lookup(people[index].identifiers[0], by: app)
            lookups.add(ContinuousClock.now - start)
        }
        results.append(BenchResult(name: "in-process purpose-bound read", unit: "ms", kluis: reads.percentile(0.5),
                                   p50Milliseconds: reads.percentile(0.5), p99Milliseconds: reads.percentile(0.99)))
        results.append(BenchResult(name: "in-process lookup by e-mail", unit: "ms", kluis: lookups.percentile(0.5),
                                   p50Milliseconds: lookups.percentile(0.5), p99Milliseconds: lookups.percentile(0.99)))

        progress("timing access packages and erasures")
        let requests = RequestBench(vault: vault, samples: min(samples, 500), seed: seed)
        let exports = try await requests.accessExport(among: ids)
        results.append(BenchResult(name: "access package (art. 15) of one person among \(ids.count)", unit: "ms",
                                   kluis: exports.percentile(0.5), p50Milliseconds: exports.percentile(0.5),
                                   p99Milliseconds: exports.percentile(0.99),
                                   target: .accessPackage(people: ids.count)))
        let (few, _) = try await requests.erasure(records: 10, count: min(samples, 50))
        let (many, purges) = try await requests.erasure(records: erasureRecords, count: 5)
        results.append(BenchResult(name: "erasure of a person with 10 records", unit: "ms", kluis: few.percentile(0.5),
                                   p50Milliseconds: few.percentile(0.5), p99Milliseconds: few.percentile(0.99)))
        results.append(BenchResult(name: "erasure of a person with \(erasureRecords) records", unit: "ms", kluis: many.percentile(0.5),
                                   baseline: few.percentile(0.5), baselineName: "erasure with 10 records",
                                   p50Milliseconds: many.percentile(0.5), p99Milliseconds: many.percentile(0.99),
                                   target: .erasureGrowth(records: erasureRecords)))
        results.append(BenchResult(name: "purge after it: \(erasureRecords + 1) shredded records deleted", unit: "ms", kluis: purges.percentile(0.5),
                                   p50Milliseconds: purges.percentile(0.5), p99Milliseconds: purges.percentile(0.99)))

        progress("sweeping \(sweepRecords) records of which a tenth are due")
        let sweep = try await RetentionBench(vault: vault, store: store, records: sweepRecords).run(on: target)
        results.append(BenchResult(name: "retention sweep of \(sweep.swept) due records among \(sweepRecords)", unit: "records/s",
                                   kluis: sweep.sweepRate, baseline: sweep.rawRate, baselineName: "a raw DELETE of as many due rows, laid out alike",
                                   target: .sweepShare(records: sweepRecords)))

        progress("reading in-process with \(connections) concurrent readers")
        let concurrent = try await concurrentReads(vault: vault, ids: ids, principal: app)
        results.append(BenchResult(name: "in-process purpose-bound reads, \(connections) concurrent", unit: "reads/s",
                                   kluis: concurrent.requestsPerSecond, p50Milliseconds: concurrent.latencies.percentile(0.5),
                                   p99Milliseconds: concurrent.latencies.percentile(0.99)))

        progress("serving on 127.0.0.1 and loading with \(connections) connections")
        let token = try await vault.createAPIKey(name: "bench", purposes: ["service"], by: .commandLine(purposes: [])).token
        // A key bound to no purpose: its reads are checked, refused and audited, and read nothing.
        let unbound = try await vault.createAPIKey(name: "bench-unbound", purposes: [], by: .commandLine(purposes: [])).token
        let (trivial, refused, read) = try await httpLoad(vault: vault, ids: ids, token: token, unboundToken: unbound)
        for (load, figures) in [("GET /healthz", trivial), ("the refused read", refused), ("the purpose-bound read", read)]
        where figures.requestsPerSecond == 0 {
            // A rate of 0 would be no measurement at all, and a ratio of 0 a false one.
            throw BenchFailure("no request of \(load) over HTTP was answered in its \(seconds) s (\(figures.failures) failed): "
                + "the machine may be too busy for so short a load; give it more --seconds")
        }
        results.append(BenchResult(name: "read refused over HTTP (key checked, refusal audited, nothing read), \(connections) connections (\(refused.generator))",
                                   unit: "requests/s", kluis: refused.requestsPerSecond, baseline: trivial.requestsPerSecond,
                                   baselineName: "GET /healthz of the same server under the same load",
                                   p50Milliseconds: refused.p50Milliseconds, p99Milliseconds: refused.p99Milliseconds))
        results.append(BenchResult(name: "purpose-bound read over HTTP, \(connections) connections (\(read.generator))", unit: "requests/s",
                                   kluis: read.requestsPerSecond, baseline: trivial.requestsPerSecond,
                                   baselineName: "GET /healthz of the same server under the same load",
                                   p50Milliseconds: read.p50Milliseconds, p99Milliseconds: read.p99Milliseconds,
                                   baselineP50Milliseconds: trivial.p50Milliseconds, baselineP99Milliseconds: trivial.p99Milliseconds,
                                   target: .readShare(on: target, connections: connections, byWrk: read.byWrk)))
        let verified = try await vault.verifyAudit()
        guard verified.isIntact else { throw BenchFailure("the audit chain broke during the benchmark") }
        return Report(store: target.name, results: results, auditEvents: verified.checked,
                      failedRequests: trivial.failures + refused.failures + read.failures, deletionsCheckpointed: sweep.checkpointed)
    }

    /// The figures of one HTTP load, whichever generator made it.
    struct LoadFigures: Sendable {
        var requestsPerSecond: Double
        var p50Milliseconds: Double
        var p99Milliseconds: Double
        var failures: Int
        var generator: String
        /// Whether wrk made the load, in a second process, as the read's target asks.
        var byWrk: Bool

        init(_ outcome: HTTPLoad.Outcome) {
            requestsPerSecond = outcome.requestsPerSecond
            p50Milliseconds = outcome.latencies.percentile(0.5)
            p99Milliseconds = outcome.latencies.percentile(0.99)
            failures = outcome.failures
            generator = "in-process load"
            byWrk = false
        }

        /// wrk tells a 403 from a 200 but not from a 500, so a load of refusals counts only the
        /// socket's errors as failures.
        init(_ outcome: WrkLoad.Outcome, threads: Int, refusals: Bool = false) {
            requestsPerSecond = outcome.requestsPerSecond
            p50Milliseconds = outcome.p50Milliseconds
            p99Milliseconds = outcome.p99Milliseconds
            failures = outcome.socketErrors + (refusals ? 0 : outcome.answersNotSuccessful)
            generator = "wrk, \(threads) threads, second process"
            byWrk = true
        }
    }

    /// wrk's path when this run loads with it.
    func wrkExecutable() throws -> String? {
        switch load {
        case .inProcess: return nil
        case .automatic: return WrkLoad.locate(environment: environment)
        case .wrk:
            guard let path = WrkLoad.locate(environment: environment) else { throw BenchFailure("--load wrk needs wrk on the PATH (Debian: apt-get install wrk)") }
            return path
        }
    }

    /// Loads `/healthz`, reads by `unboundToken` (refused) and purpose-bound reads by `token`,
    /// each for the measurement time: under wrk in slices taken in turns
    /// (``WrkLoad/interleaved(_:base:)``), in-process one after the other.
    private func httpLoad(vault: Vault, ids: [SubjectID], token: String, unboundToken: String) async throws -> (LoadFigures, LoadFigures, LoadFigures) {
        let wrk = try wrkExecutable()
        var logger = Logger(label: "kluis.bench")
        logger.logLevel = .warning
        let (portStream, portContinuation) = AsyncStream.makeStream(of: Int.self)
        let app = KluisApplication.buildApplication(vault: vault, http: HTTPConfiguration(host: "127.0.0.1", port: 0),
                                                    logger: logger, onServerRunning: { port in portContinuation.yield(port) })
        let services = ServiceGroup(configuration: .init(services: [app], logger: logger))
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await services.run() }
            var iterator = portStream.makeAsyncIterator()
            guard let port = await iterator.next() else { throw BenchFailure("the server did not start") }
            var configuration = HTTPClient.Configuration()
            configuration.connectionPool = .init(idleTimeout: .seconds(60), concurrentHTTP1ConnectionsPerHostSoftLimit: connections)
            let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
            let load = HTTPLoad(client: client, connections: connections, duration: .seconds(seconds))
            let base = "http://127.0.0.1:\(port)"
            if let wrk {
                let threads = max(1, min(ProcessInfo.processInfo.activeProcessorCount, connections))
                let directory = FileManager.default.temporaryDirectory
                let generator = WrkLoad(executable: wrk, connections: connections, threads: threads, seconds: seconds, directory: directory)
                let paths = ids.map { "/v1/subjects/\($0)?purpose=service" }
                let outcomes = try await generator.interleaved([WrkLoad.Load(paths: ["/healthz"]),
                                                                WrkLoad.Load(paths: paths, headers: ["Authorization: Bearer \(unboundToken)"]),
                                                                WrkLoad.Load(paths: paths, headers: ["Authorization: Bearer \(token)"])], base: base)
                let (trivial, refused, read) = (outcomes[0], outcomes[1], outcomes[2])
                try await client.shutdown()
                await services.triggerGracefulShutdown()
                try await group.waitForAll()
                return (LoadFigures(trivial, threads: threads), LoadFigures(refused, threads: threads, refusals: true), LoadFigures(read, threads: threads))
            }
            let trivial = await load.run { _, _ in ("\(base)/healthz", []) }
            let count = UInt64(ids.count)
            func reads(by token: String, expecting expected: HTTPResponseStatus) async -> HTTPLoad.Outcome {
                await load.run(expecting: expected) { worker, n in
                    var random = SplitMix64(seed: UInt64(worker) &* 1_000_003 &+ UInt64(n))
                    let id = ids[Int(random.next() % count)]
                    return ("\(base)/v1/subjects/\(id)?purpose=service", [("Authorization", "Bearer \(token)")])
                }
            }
            let refused = await reads(by: unboundToken, expecting: .forbidden)
            let read = await reads(by: token, expecting: .ok)
            try await client.shutdown()
            await services.triggerGracefulShutdown()
            try await group.waitForAll()
            return (LoadFigures(trivial), LoadFigures(refused), LoadFigures(read))
        }
    }

    /// Reads by `connections` concurrent tasks for the measurement time, without HTTP: the vault's
    /// own share of the HTTP read.
    private func concurrentReads(vault: Vault, ids: [SubjectID], principal: Principal) async throws -> HTTPLoad.Outcome {
        let start = ContinuousClock.now
        let deadline = start + .seconds(seconds)
        var outcome = HTTPLoad.Outcome()
        try await withThrowingTaskGroup(of: Latencies.self) { group in
            for worker in 0..<connections {
                group.addTask {
                    var mine = Latencies()
                    var random = SplitMix64(seed: UInt64(worker) &+ 7)
                    while ContinuousClock.now < deadline {
                        let sent = ContinuousClock.now
                        _ = try await vault.read(ids[Int(random.next() % UInt64(ids.count))], for: "service", by: principal)
                        mine.add(ContinuousClock.now - sent)
                    }
                    return mine
                }
            }
            for try await latencies in group { outcome.latencies.add(latencies) }
        }
        outcome.elapsed = ContinuousClock.now - start
        return outcome
    }
}
