import ArgumentParser
import AsyncHTTPClient
import Foundation
import Hummingbird
import KluisCore
import KluisAPI
import KluisServer
import Logging
import ServiceLifecycle

/// `kluis bench`: measures import, in-process reads and lookups, and purpose-bound reads over
/// HTTP, each beside a baseline from the same run.
struct BenchCommand: ContextualCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure Kluis against baselines from the same run; reproducible with a fixed seed.",
        discussion: "Runs on the embedded SQLite store in a temporary directory, or with --database in a new schema of that PostgreSQL database, dropped afterwards; HTTP on 127.0.0.1 only. Record results in docs/benchmarks.md with the machine and date."
    )

    @Option(help: ArgumentHelp("Run on PostgreSQL, in a schema of its own that is dropped afterwards.",
                               valueName: "postgres://USER:PASSWORD@HOST:PORT/DB"))
    var database: String?

    @Option(help: "Synthetic people to import.")
    var subjects: Int = 20_000

    @Option(help: "People per import transaction.")
    var batch: Int = 2000

    @Option(help: "Seed of the synthetic people.")
    var seed: UInt64 = 20_261_121

    @Option(help: "In-process reads and lookups to time.")
    var samples: Int = 2000

    @Option(help: "Concurrent HTTP connections.")
    var connections: Int = 64

    @Option(help: "Seconds per HTTP measurement.")
    var seconds: Int = 10

    @Option(help: "Records of the person in the large erasure, compared with an erasure of 10.")
    var erasureRecords: Int = 10_000

    @Option(help: "Records in the retention sweep measurement, of which a tenth are due.")
    var sweepRecords: Int = 1_000_000

    @Flag(help: "Print the results as JSON.")
    var json = false

    func run(in context: CommandContext) async throws -> Int32 {
        guard subjects >= 1, batch >= 1, samples >= 1, connections >= 1, seconds >= 1, erasureRecords >= 1, sweepRecords >= 10 else {
            throw CommandFailure("every count must be at least 1")
        }
        let policy = try PolicyDocument(text: BenchPolicy.yaml).validPolicy()
        progress("generating \(subjects) people (seed \(seed))", context)
        var generator = SyntheticPeople(seed: seed)
        let people = try (0..<subjects).map { try generator.next(index: $0) }
        let target = try BenchStore.make(database: database)
        let results = try await target.withStore { store in
            try await measure(people: people, on: target, store: store, policy: policy, context: context)
        }
        print(results.results, store: target.name, auditEvents: results.auditEvents, in: context)
        return 0
    }

    private func measure(people: [NewSubject], on target: BenchStore, store: any VaultStore, policy: Policy,
                         context: CommandContext) async throws -> (results: [BenchResult], auditEvents: Int64) {
        var results: [BenchResult] = []
        progress("importing through the vault on \(target.name)", context)
        let (vault, ids, vaultRate) = try await ImportBench(people: people, batch: batch).run(into: store, policy: policy)
        progress("importing raw rows", context)
        let rawRate = try await target.rawImport(people, batch: batch)
        results.append(BenchResult(name: "bulk import (sealed, blind-indexed, audited)", unit: "fields/s", kluis: vaultRate,
                                   baseline: rawRate, baselineName: target.baselineName,
                                   target: ">= 30% of raw; >= 50,000 fields/s"))

        progress("timing in-process reads and lookups", context)
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

        progress("timing access packages and erasures", context)
        let requests = RequestBench(vault: vault, samples: min(samples, 500), seed: seed)
        let exports = try await requests.accessExport(among: ids)
        results.append(BenchResult(name: "access package (art. 15) of one person among \(ids.count)", unit: "ms",
                                   kluis: exports.percentile(0.5), p50Milliseconds: exports.percentile(0.5),
                                   p99Milliseconds: exports.percentile(0.99), target: "p50 < 20 ms"))
        let few = try await requests.erasure(records: 10, count: min(samples, 50))
        let many = try await requests.erasure(records: erasureRecords, count: 5)
        results.append(BenchResult(name: "erasure of a person with 10 records", unit: "ms", kluis: few.percentile(0.5),
                                   p50Milliseconds: few.percentile(0.5), p99Milliseconds: few.percentile(0.99)))
        results.append(BenchResult(name: "erasure of a person with \(erasureRecords) records", unit: "ms", kluis: many.percentile(0.5),
                                   baseline: few.percentile(0.5), baselineName: "erasure with 10 records",
                                   p50Milliseconds: many.percentile(0.5), p99Milliseconds: many.percentile(0.99),
                                   target: "<= 2x the erasure with 10 records"))

        progress("sweeping \(sweepRecords) records of which a tenth are due", context)
        let sweep = try await RetentionBench(vault: vault, store: store, records: sweepRecords).run(on: target)
        results.append(BenchResult(name: "retention sweep of \(sweep.swept) due records among \(sweepRecords)", unit: "records/s",
                                   kluis: sweep.sweepRate, baseline: sweep.rawRate, baselineName: "a raw DELETE of the same rows",
                                   target: ">= 30% of the raw DELETE; >= 50,000 records/s"))

        progress("reading in-process with \(connections) concurrent readers", context)
        let concurrent = try await concurrentReads(vault: vault, ids: ids, principal: app)
        results.append(BenchResult(name: "in-process purpose-bound reads, \(connections) concurrent", unit: "reads/s",
                                   kluis: concurrent.requestsPerSecond, p50Milliseconds: concurrent.latencies.percentile(0.5),
                                   p99Milliseconds: concurrent.latencies.percentile(0.99)))

        progress("serving on 127.0.0.1 and loading with \(connections) connections", context)
        let token = try await vault.createAPIKey(name: "bench", purposes: ["service"], by: .commandLine(purposes: [])).token
        let (trivial, read) = try await httpLoad(vault: vault, ids: ids, token: token)
        results.append(BenchResult(name: "purpose-bound read over HTTP, \(connections) connections", unit: "requests/s",
                                   kluis: read.requestsPerSecond, baseline: trivial.requestsPerSecond,
                                   baselineName: "GET /healthz of the same server",
                                   p50Milliseconds: read.latencies.percentile(0.5), p99Milliseconds: read.latencies.percentile(0.99),
                                   baselineP50Milliseconds: trivial.latencies.percentile(0.5),
                                   baselineP99Milliseconds: trivial.latencies.percentile(0.99),
                                   target: ">= 30% of the trivial endpoint; p99 < 20 ms"))
        if read.failures + trivial.failures > 0 {
            context.writeError("warning: \(read.failures + trivial.failures) HTTP requests failed\n")
        }
        let verified = try await vault.verifyAudit()
        guard verified.isIntact else { throw CommandFailure("the audit chain broke during the benchmark") }
        return (results, verified.checked)
    }

    private func httpLoad(vault: Vault, ids: [SubjectID], token: String) async throws -> (HTTPLoad.Outcome, HTTPLoad.Outcome) {
        var logger = Logger(label: "kluis.bench")
        logger.logLevel = .warning
        let (portStream, portContinuation) = AsyncStream.makeStream(of: Int.self)
        let app = KluisApplication.buildApplication(vault: vault, http: HTTPConfiguration(host: "127.0.0.1", port: 0),
                                         logger: logger, onServerRunning: { port in portContinuation.yield(port) })
        let services = ServiceGroup(configuration: .init(services: [app], logger: logger))
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await services.run() }
            var iterator = portStream.makeAsyncIterator()
            guard let port = await iterator.next() else { throw CommandFailure("the server did not start") }
            var configuration = HTTPClient.Configuration()
            configuration.connectionPool = .init(idleTimeout: .seconds(60), concurrentHTTP1ConnectionsPerHostSoftLimit: connections)
            let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
            let load = HTTPLoad(client: client, connections: connections, duration: .seconds(seconds))
            let base = "http://127.0.0.1:\(port)"
            let trivial = await load.run { _, _ in ("\(base)/healthz", []) }
            let count = UInt64(ids.count)
            let read = await load.run { worker, n in
                var random = SplitMix64(seed: UInt64(worker) &* 1_000_003 &+ UInt64(n))
                let id = ids[Int(random.next() % count)]
                return ("\(base)/v1/subjects/\(id)?purpose=service", [("Authorization", "Bearer \(token)")])
            }
            try await client.shutdown()
            await services.triggerGracefulShutdown()
            try await group.waitForAll()
            return (trivial, read)
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

    private func progress(_ message: String, _ context: CommandContext) {
        if !json { context.writeError("bench: \(message)\n") }
    }

    private func print(_ results: [BenchResult], store: String, auditEvents: Int64, in context: CommandContext) {
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            struct Report: Encodable {
                var date: String
                var store: String
                var cores: Int
                var memoryGiB: Int
                var subjects: Int
                var seed: UInt64
                var connections: Int
                var auditEvents: Int64
                var results: [BenchResult]
            }
            let report = Report(date: ISO8601DateFormatter().string(from: Date()), store: store, cores: ProcessInfo.processInfo.activeProcessorCount,
                                memoryGiB: Int(ProcessInfo.processInfo.physicalMemory >> 30), subjects: subjects, seed: seed,
                                connections: connections, auditEvents: auditEvents, results: results)
            if let data = try? encoder.encode(report) { context.write(String(decoding: data, as: UTF8.self) + "\n") }
            return
        }
        func number(_ value: Double?) -> String {
            guard let value else { return "" }
            return value >= 100 ? String(format: "%.0f", value) : String(format: "%.2f", value)
        }
        var lines = ["| measurement | unit | kluis | baseline | kluis/baseline | p50 ms | p99 ms | baseline p50/p99 ms | target |",
                     "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |"]
        for result in results {
            let baselineLatency = result.baselineP50Milliseconds.map { "\(number($0)) / \(number(result.baselineP99Milliseconds))" } ?? ""
            lines.append("| \(result.name) | \(result.unit) | \(number(result.kluis)) | \(number(result.baseline)) | "
                         + "\(result.ratio.map { String(format: "%.0f%%", $0 * 100) } ?? "") | \(number(result.p50Milliseconds)) | "
                         + "\(number(result.p99Milliseconds)) | \(baselineLatency) | \(result.target ?? "") |")
        }
        lines.append("")
        lines.append("\(store): \(subjects) people (seed \(seed)), \(ProcessInfo.processInfo.activeProcessorCount) cores; audit chain intact over \(auditEvents) events.")
        context.write(lines.joined(separator: "\n") + "\n")
    }
}
