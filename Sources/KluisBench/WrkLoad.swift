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
    let seconds: Int
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
    }

    /// `wrk` on the PATH, or `nil`.
    static func locate(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        for directory in (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let candidate = "\(directory)/wrk"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// Loads `base` + one of `paths` (each request takes the next in a stride through them) with
    /// `headers` for the measurement time.
    func run(base: String, paths: [String], headers: [String] = []) async throws -> Outcome {
        let script = directory.appendingPathComponent("wrk-\(UUID().uuidString.prefix(8)).lua")
        try Self.script(paths: paths).write(to: script, atomically: true, encoding: .utf8)
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
    /// offset, so the people read are spread over the whole vault.
    static func script(paths: [String]) -> String {
        let table = paths.map { "\"" + $0.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\"" }
            .joined(separator: ",\n")
        return """
            local paths = {
            \(table)
            }
            local threads = 0
            function setup(thread)
              threads = threads + 1
              thread:set("offset", threads * 104729)
            end
            local n = 0
            function request()
              n = n + 1
              return wrk.format(nil, paths[((offset or 0) + n * 7919) % #paths + 1])
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
              let total = output.firstMatch(of: /(\d+) requests in/).flatMap({ Int($0.output.1) }) else {
            throw BenchFailure("wrk's report could not be read: \(output.prefix(300))")
        }
        let answersNotSuccessful = output.firstMatch(of: /Non-2xx or 3xx responses: (\d+)/).flatMap { Int($0.output.1) } ?? 0
        let socketErrors = output.firstMatch(of: /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/).map { errors in
            [errors.output.1, errors.output.2, errors.output.3, errors.output.4].compactMap { Int($0) }.reduce(0, +)
        } ?? 0
        return Outcome(requests: total, requestsPerSecond: rate, p50Milliseconds: p50, p99Milliseconds: p99,
                       answersNotSuccessful: answersNotSuccessful, socketErrors: socketErrors)
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
