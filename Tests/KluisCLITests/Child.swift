import Foundation
import Synchronization
import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A child process with its standard output as lines and its standard error kept.
///
/// Its end is found by polling, not by `Process.terminationHandler`, and a one-shot run writes its
/// output to files rather than pipes: on Linux, Foundation's termination and end-of-file notices
/// were seen to go missing now and then, which left tests waiting forever.
///
/// Unchecked: besides its own locked state it holds the `Process`, of which it only uses
/// `isRunning`, `terminationStatus`, `terminationReason`, `processIdentifier` and `terminate()`.
final class Child: @unchecked Sendable {
    struct Termination: Sendable {
        /// Whether the process exited by itself (else a signal ended it).
        var exited: Bool
        /// The exit status, or the signal.
        var status: Int32
    }

    struct Finished {
        var status: Int32
        var output: String
        var errorOutput: String
    }

    private let process: Process
    private let lines: AsyncStream<String>
    private let outputText = Mutex("")
    private let errorText = Mutex("")
    private let pending = Mutex(Data())
    private let finished = Mutex<Termination?>(nil)

    var output: String { outputText.withLock { $0 } }
    var errorOutput: String { errorText.withLock { $0 } }

    private init(process: Process, lines: AsyncStream<String>) {
        self.process = process
        self.lines = lines
    }

    /// A process for `executable` with `arguments`, without `KLUIS_ROOT_KEY` in its environment.
    private static func process(_ executable: URL, _ arguments: [String]) -> Process {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["KLUIS_ROOT_KEY"] = nil
        process.environment = environment
        process.standardInput = FileHandle.nullDevice
        return process
    }

    /// Starts a long-running process whose output is read line by line as it comes.
    static func start(_ executable: URL, _ arguments: [String]) throws -> Child {
        let process = process(executable, arguments)
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        let (lines, lineSink) = AsyncStream.makeStream(of: String.self)
        try process.run()
        let child = Child(process: process, lines: lines)
        output.fileHandleForReading.readabilityHandler = { handle in
            let chunk = handle.availableData
            guard !chunk.isEmpty else {
                handle.readabilityHandler = nil
                lineSink.finish()
                return
            }
            child.outputText.withLock { $0 += String(decoding: chunk, as: UTF8.self) }
            let complete: [String] = child.pending.withLock { pending in
                pending.append(chunk)
                var found: [String] = []
                while let newline = pending.firstIndex(of: UInt8(ascii: "\n")) {
                    found.append(String(decoding: pending[pending.startIndex..<newline], as: UTF8.self))
                    pending.removeSubrange(pending.startIndex...newline)
                }
                return found
            }
            for line in complete { lineSink.yield(line) }
        }
        errors.fileHandleForReading.readabilityHandler = { handle in
            let chunk = handle.availableData
            guard !chunk.isEmpty else {
                handle.readabilityHandler = nil
                return
            }
            child.errorText.withLock { $0 += String(decoding: chunk, as: UTF8.self) }
        }
        return child
    }

    /// Runs `executable` to its end, for at most `timeout`; its output goes to files, read once
    /// it has ended.
    static func run(_ executable: URL, _ arguments: [String], within timeout: Duration = .seconds(60)) async throws -> Finished {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kluis-child-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let outputURL = directory.appendingPathComponent("out"), errorURL = directory.appendingPathComponent("err")
        #expect(FileManager.default.createFile(atPath: outputURL.path, contents: nil))
        #expect(FileManager.default.createFile(atPath: errorURL.path, contents: nil))
        let process = process(executable, arguments)
        let outputFile = try FileHandle(forWritingTo: outputURL), errorFile = try FileHandle(forWritingTo: errorURL)
        process.standardOutput = outputFile
        process.standardError = errorFile
        try process.run()
        try outputFile.close()
        try errorFile.close()
        let child = Child(process: process, lines: AsyncStream { $0.finish() })
        defer { child.kill() }
        let ended = try #require(await child.termination(within: timeout), "\(arguments.joined(separator: " ")) did not finish")
        return Finished(status: ended.exited ? ended.status : -1,
                        output: try String(contentsOf: outputURL, encoding: .utf8),
                        errorOutput: try String(contentsOf: errorURL, encoding: .utf8))
    }

    /// The first line of standard output starting with `prefix`, or `nil` when the process ends
    /// or `timeout` passes first.
    func firstLine(startingWith prefix: String, within timeout: Duration) async -> String? {
        let lines = self.lines
        return await withTaskGroup(of: String?.self) { group in
            group.addTask {
                for await line in lines where line.hasPrefix(prefix) { return line }
                return nil
            }
            group.addTask {
                try? await Task.sleep(for: timeout)
                return nil
            }
            let line = await group.next() ?? nil
            group.cancelAll()
            return line
        }
    }

    /// How the process ended, or `nil` when it is still running after `timeout`.
    func termination(within timeout: Duration) async -> Termination? {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if let ended = ended() { return ended }
            try? await Task.sleep(for: .milliseconds(20))
        }
        return ended()
    }

    /// The process's end if it has ended: as Foundation saw it, or — when Foundation's notice is
    /// late or lost — from reaping the process here.
    private func ended() -> Termination? {
        finished.withLock { finished in
            if finished != nil { return finished }
            if !process.isRunning {
                finished = Termination(exited: process.terminationReason == .exit, status: process.terminationStatus)
            } else {
                var status: Int32 = 0
                if waitpid(process.processIdentifier, &status, WNOHANG) == process.processIdentifier {
                    let signal = status & 0x7f
                    finished = signal == 0 ? Termination(exited: true, status: (status >> 8) & 0xff)
                                           : Termination(exited: false, status: signal)
                }
            }
            return finished
        }
    }

    /// Sends SIGTERM.
    func terminate() {
        process.terminate()
    }

    /// Sends SIGKILL when the process is still running, so no test leaves a server behind.
    func kill() {
        if ended() == nil { sendSignal(SIGKILL, to: process.processIdentifier) }
    }
}

private func sendSignal(_ signal: Int32, to process: Int32) {
    _ = kill(process, signal)
}
