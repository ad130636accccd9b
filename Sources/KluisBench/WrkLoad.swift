import Foundation
import Subprocess
import SystemPackage

/// A load from wrk in a second process (Debian's `wrk`): the load generator does not share the
/// server's process, its thread pools or its allocator, so the ratio to `/healthz` under the
/// same load is the server's alone. Traffic goes to 127.0.0.1 only.
struct WrkLoad {
    let executable: String
    let connections: Int
    /// wrk's threads: one per core, at most the connections.
    let threads: Int
    /// Seconds the load runs.
    var seconds: Int
    /// Where the request script is written.
    let directory: URL

    /// What wrk reports.
    struct Outcome: Sendable, Equatable {
        var requests: Int
        var requestsPerSecond: Double
        var p50Milliseconds: Double
        var p99Milliseconds: Double
        /// Answers that were not 2xx or 3xx: failures, except where a refusal is what is measured.
        var answersNotSuccessful: Int
        /// Connect, read, write and timeout errors.
        var socketErrors: Int
        /// How long the load ran, as wrk timed it.
        var seconds: Double
        /// The latency at each of ``WrkLoad/quantiles`` (percent, milliseconds), from the request
        /// script, so that the latencies of several slices can be put together
        /// (``Outcome/combined(_:)``); empty when wrk did not print them, and in slices put together.
        var quantiles: [Quantile] = []
    }

    struct Quantile: Sendable, Equatable {
        var percent: Double
        var milliseconds: Double
    }

    /// A load: the paths its requests stride through and the headers they carry.
    struct Load: Sendable {
        var paths: [String]
        var headers: [String] = []
    }

    /// The percentiles the request script reports: every half percent, finer in the tail that
    /// the p99 is read from.
    static let quantiles = Array(stride(from: 0.5, through: 99.5, by: 0.5)) + [99.6, 99.7, 99.8, 99.9, 99.95, 99.99]

    /// `wrk` on the PATH, or `nil`.
    static func locate(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        for directory in (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let candidate = "\(directory)/wrk"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// Loads `base` + one of `load`'s paths (each request takes the next in a stride through
    /// them) with its headers for the measurement time; `first` requests of the same load came
    /// before, and the stride goes on after them.
    func run(base: String, _ load: Load, first: Int = 0) async throws -> Outcome {
        let paths = load.paths, headers = load.headers
        let script = directory.appendingPathComponent("wrk-\(UUID().uuidString.prefix(8)).lua")
        try Self.script(paths: paths, first: first / threads).write(to: script, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: script) }
        // A request may take the whole measurement time before wrk calls it a timeout (its own
        // default is 2 s): on a busy machine a slow answer is a latency to report, not an error.
        var arguments = ["-t\(threads)", "-c\(connections)", "-d\(seconds)s", "--timeout", "\(max(seconds, 2))s", "--latency", "-s", script.path]
        for header in headers { arguments += ["-H", header] }
        arguments.append(base + (paths.first ?? "/"))
        let output = try await Self.execute(executable, arguments)
        return try Self.parse(output)
    }

    /// The Lua script: the paths in a table, each thread striding through them from its own
    /// offset, so the people read are spread over the whole vault, starting after `first` steps;
    /// at the end, the latency at each of ``quantiles``.
    static func script(paths: [String], first: Int = 0) -> String {
        let table = paths.map { "\"" + $0.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\"" }
            .joined(separator: ",\n")
        let quantiles = Self.quantiles.map { String($0) }.joined(separator: ", ")
        return """
            local paths = {
            \(table)
            }
            local threads = 0
            function setup(thread)
              threads = threads + 1
              thread:set("offset", threads * 104729)
            end
            local n = \(first)
            function request()
              n = n + 1
              return wrk.format(nil, paths[((offset or 0) + n * 7919) % #paths + 1])
            end
            local quantiles = { \(quantiles) }
            function done(summary, latency, requests)
              for _, p in ipairs(quantiles) do
                io.write(string.format("kluis-quantile %g %d\\n", p, latency:percentile(p)))
              end
            end

            """
    }

    /// The figures of wrk's `--latency` report.
    static func parse(_ output: String) throws -> Outcome {
        func number(after label: String) -> Double? {
            guard let line = output.split(separator: "\n").first(where: { $0.trimmingCharacters(in: .whitespaces).hasPrefix(label) }) else {
                return nil
            }
            return Double(line.trimmingCharacters(in: .whitespaces).dropFirst(label.count).trimmingCharacters(in: .whitespaces)
                .split(separator: " ").first ?? "")
        }
        func latency(_ percentile: String) -> Double? {
            guard let line = output.split(separator: "\n").map({ $0.trimmingCharacters(in: .whitespaces) })
                .first(where: { $0.hasPrefix(percentile + " ") || $0.hasPrefix(percentile + "\t") }) else { return nil }
            return milliseconds(String(line.dropFirst(percentile.count).trimmingCharacters(in: .whitespaces)))
        }
        guard let rate = number(after: "Requests/sec:"), let p50 = latency("50%"), let p99 = latency("99%"),
              let run = output.firstMatch(of: /(\d+) requests in ([0-9.]+[a-z]+)/),
              let total = Int(run.output.1), let duration = milliseconds(String(run.output.2)) else {
            throw BenchFailure("wrk's report could not be read: \(output.prefix(300))")
        }
        let quantiles = output.matches(of: /kluis-quantile ([0-9.]+) (\d+)/).compactMap { line in
            Double(line.output.1).flatMap { percent in Double(line.output.2).map { Quantile(percent: percent, milliseconds: $0 / 1000) } }
        }
        let answersNotSuccessful = output.firstMatch(of: /Non-2xx or 3xx responses: (\d+)/).flatMap { Int($0.output.1) } ?? 0
        let socketErrors = output.firstMatch(of: /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/).map { errors in
            [errors.output.1, errors.output.2, errors.output.3, errors.output.4].compactMap { Int($0) }.reduce(0, +)
        } ?? 0
        return Outcome(requests: total, requestsPerSecond: rate, p50Milliseconds: p50, p99Milliseconds: p99,
                       answersNotSuccessful: answersNotSuccessful, socketErrors: socketErrors, seconds: duration / 1000,
                       quantiles: quantiles)
    }

    /// "812.00us", "1.23ms", "2.00s" in milliseconds.
    static func milliseconds(_ text: String) -> Double? {
        let units: [(String, Double)] = [("us", 0.001), ("ms", 1), ("s", 1000), ("m", 60_000)]
        for (unit, factor) in units where text.hasSuffix(unit) {
            return Double(text.dropLast(unit.count)).map { $0 * factor }
        }
        return nil
    }

    /// Runs the program and returns what it printed; fails on a non-zero exit. Subprocess rather
    /// than Foundation's Process, whose `run()` on Linux can crash a process that holds many
    /// descriptors, as a test process running servers does; and it waits without blocking a thread.
    private static func execute(_ executable: String, _ arguments: [String]) async throws -> String {
        let result = try await Subprocess.run(.path(FilePath(executable)), arguments: Arguments(arguments),
                                              output: .string(limit: 1 << 20), error: .string(limit: 1 << 16))
        let text = result.standardOutput + result.standardError
        guard case .exited(0) = result.terminationStatus else {
            throw BenchFailure("wrk ended with \(result.terminationStatus): \(text.prefix(300))")
        }
        return text
    }
}
