import ArgumentParser
import Foundation
import KluisBench

extension Benchmark.LoadGenerator: ExpressibleByArgument {}

/// `kluis bench`: measures import, in-process reads and lookups, and purpose-bound reads over
/// HTTP, each beside a baseline from the same run.
struct BenchCommand: ContextualCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure Kluis against baselines from the same run; reproducible with a fixed seed.",
        discussion: "Runs on the embedded SQLite store in a temporary directory, or with --database in a new schema of that PostgreSQL database, dropped afterwards, also when stopped with Ctrl-C or SIGTERM; there it vacuums its records and, if its user has the role pg_checkpoint, runs CHECKPOINT before each timed deletion. HTTP on 127.0.0.1 only. Record results in docs/benchmarks.md with the machine and date."
    )

    @Option(help: ArgumentHelp("Run on PostgreSQL, in a schema of its own that is dropped afterwards.",
                               valueName: "postgres://USER:PASSWORD@HOST:PORT/DB"))
    var database: String?

    @Option(help: "Synthetic people to import.")
    var subjects = Benchmark().subjects

    @Option(help: "People per import transaction.")
    var batch = Benchmark().batch

    @Option(help: "Seed of the synthetic people.")
    var seed = Benchmark().seed

    @Option(help: "In-process reads and lookups to time.")
    var samples = Benchmark().samples

    @Option(help: "Concurrent HTTP connections.")
    var connections = Benchmark().connections

    @Option(help: "Seconds per HTTP measurement.")
    var seconds = Benchmark().seconds

    @Option(help: "Records of the person in the large erasure, compared with an erasure of 10.")
    var erasureRecords = Benchmark().erasureRecords

    @Option(help: "Records in the retention sweep measurement, of which a tenth are due.")
    var sweepRecords = Benchmark().sweepRecords

    @Option(help: "Times to run every measurement, each on a fresh store; shows the run in the middle, the spread, and in how many runs each target was met.")
    var runs = Benchmark().runs

    @Option(help: "What loads the server over HTTP: auto (wrk in a second process when it is on the PATH, else in-process), wrk, or in-process.")
    var load = Benchmark.LoadGenerator.automatic

    @Flag(help: "Print the results as JSON.")
    var json = false

    func run(in context: CommandContext) async throws -> Int32 {
        var benchmark = Benchmark()
        benchmark.database = database
        benchmark.subjects = subjects
        benchmark.batch = batch
        benchmark.seed = seed
        benchmark.samples = samples
        benchmark.connections = connections
        benchmark.seconds = seconds
        benchmark.erasureRecords = erasureRecords
        benchmark.sweepRecords = sweepRecords
        benchmark.load = load
        benchmark.runs = runs
        benchmark.environment = context.environment
        let report: Benchmark.Report
        do {
            // Stopped, the run removes its store (its schema, on PostgreSQL) before the command ends.
            report = try await StopSignals.cancelling { [benchmark] in try await benchmark.run { message in progress(message, context) } }
        } catch let failure as BenchFailure {
            throw CommandFailure(failure.message)
        }
        if report.failedRequests > 0 {
            context.writeError("warning: \(report.failedRequests) HTTP requests failed\n")
        }
        if !report.deletionsCheckpointed {
            context.writeError("warning: PostgreSQL did not let this user run CHECKPOINT (it needs the role pg_checkpoint): "
                               + "where the server's own checkpoints fell moved the sweep's ratio to its baseline\n")
        }
        print(report.results, store: report.store, auditEvents: report.auditEvents, in: context)
        return 0
    }

    /// The measurement's target, and whether this run met it or why it could not tell.
    private func verdict(_ result: BenchResult) -> String {
        guard let target = result.target else { return "" }
        switch (result.targetMet, result.repetition) {
        case (true?, nil): return "\(target.description): met"
        case (false?, nil): return "\(target.description): **not met**"
        case (true?, let repetition?): return "\(target.description): met in all \(repetition.runs) runs"
        case (false?, let repetition?):
            return "\(target.description): **not met** in \(repetition.runs - (repetition.runsMeetingTarget ?? 0)) of \(repetition.runs) runs"
        case (nil, _): return "\(target.description): not measured, \(target.notMeasuredBecause ?? "this run cannot tell")"
        }
    }

    /// How many of the targets the `runs` met, of those they measured.
    static func summary(of results: [BenchResult], runs: Int) -> String {
        let verdicts = results.filter { $0.target != nil }.map(\.targetMet)
        let measured = verdicts.compactMap { $0 }
        let unmeasured = verdicts.count - measured.count
        guard !measured.isEmpty else { return "No target measured (see the table for why)." }
        return (runs > 1 ? "Targets met in all \(runs) runs: \(measured.filter { $0 }.count) of the \(measured.count) measured"
                         : "Targets met: \(measured.filter { $0 }.count) of the \(measured.count) this run measured")
            + (unmeasured > 0 ? "; \(unmeasured) not measured (see the table)." : ".")
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
                var runs: Int
                var auditEvents: Int64
                var results: [BenchResult]
            }
            let report = Report(date: ISO8601DateFormatter().string(from: Date()), store: store, cores: ProcessInfo.processInfo.activeProcessorCount,
                                memoryGiB: Int(ProcessInfo.processInfo.physicalMemory >> 30), subjects: subjects, seed: seed,
                                connections: connections, runs: runs, auditEvents: auditEvents, results: results)
            if let data = try? encoder.encode(report) { context.write(String(decoding: data, as: UTF8.self) + "\n") }
            return
        }
        func number(_ value: Double?) -> String {
            guard let value else { return "" }
            return value >= 100 ? String(format: "%.0f", value) : String(format: "%.2f", value)
        }
        var lines = ["| measurement | unit | kluis | baseline | kluis/baseline | p50 ms | p99 ms | baseline p50/p99 ms | target |",
                     "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |"]
        func percent(_ ratio: Double) -> String { String(format: "%.0f%%", ratio * 100) }
        for result in results {
            let baselineLatency = result.baselineP50Milliseconds.map { "\(number($0)) / \(number(result.baselineP99Milliseconds))" } ?? ""
            // Over several runs, the spread beside the figure it is of: the ratio, or the figure itself.
            var kluis = number(result.kluis)
            var ratio = result.ratio.map(percent) ?? ""
            if let repetition = result.repetition {
                if result.ratio == nil {
                    kluis += " (\(number(repetition.low))-\(number(repetition.high)))"
                } else {
                    ratio += String(format: " (%.0f-%.0f%%)", repetition.low * 100, repetition.high * 100)
                }
            }
            lines.append("| \(result.name) | \(result.unit) | \(kluis) | \(number(result.baseline)) | \(ratio) | "
                         + "\(number(result.p50Milliseconds)) | \(number(result.p99Milliseconds)) | \(baselineLatency) | \(verdict(result)) |")
        }
        lines.append("")
        lines.append(Self.summary(of: results, runs: runs))
        let chains = runs > 1 ? "the audit chains of the \(runs) runs intact" : "audit chain intact"
        lines.append("\(store): \(subjects) people (seed \(seed)), \(ProcessInfo.processInfo.activeProcessorCount) cores; \(chains) over \(auditEvents) events.")
        context.write(lines.joined(separator: "\n") + "\n")
    }
}
