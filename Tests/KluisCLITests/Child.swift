import Foundation
import Subprocess
import Synchronization
import SystemPackage
import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A child process with its standard output as lines and its standard error kept, started with
/// swift-subprocess.
///
/// Not Foundation's `Process`: on Linux (Swift 6.3) its `run()` reads `/proc/self/fd` past the
/// end of a buffer and crashes now and then when the test process holds many descriptors, which
/// these tests do (swift-corelibs-foundation#5472). Subprocess closes descriptors with
/// `closefrom` instead.
final class Child: Sendable {
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

    private let pid: pid_t
    private let lines: AsyncStream<String>
    private let outputText = Mutex("")
    private let errorText = Mutex("")
    private let finished = Mutex<Termination?>(nil)

    var output: String { outputText.withLock { $0 } }
    var errorOutput: String { errorText.withLock { $0 } }

    private init(pid: pid_t, lines: AsyncStream<String>) {
        self.pid = pid
        self.lines = lines
    }

    /// A configuration file with no settings, for `KLUIS_CONFIG`: without it a process would read
    /// /etc/kluis/kluis.yaml where the package is installed. `--config` still wins.
    static let noSettings = Fixtures.repositoryRootURL.appendingPathComponent("Tests/Fixtures/no-settings.yaml").path

    /// Starts a long-running process, without `KLUIS_ROOT_KEY` in its environment and with
    /// ``noSettings``, whose output is read line by line as it comes.
    static func start(_ executable: URL, _ arguments: [String]) async throws -> Child {
        let (lines, lineSink) = AsyncStream.makeStream(of: String.self)
        let (started, startedSink) = AsyncThrowingStream.makeStream(of: Child.self)
        Task {
            var child: Child?
            do {
                let result = try await Subprocess.run(
                    .path(FilePath(executable.path)), arguments: Arguments(arguments),
                    environment: .inherit.updating(["KLUIS_ROOT_KEY": nil, "KLUIS_CONFIG": noSettings]),
                    input: .none, output: .sequence, error: .sequence
                ) { execution in
                    let running = Child(pid: execution.processIdentifier.value, lines: lines)
                    child = running
                    startedSink.yield(running)
                    startedSink.finish()
                    await withTaskGroup(of: Void.self) { group in
                        group.addTask {
                            do {
                                for try await line in execution.standardOutput.strings() {
                                    let line = line.hasSuffix("\n") ? String(line.dropLast()) : line
                                    running.outputText.withLock { $0 += line + "\n" }
                                    lineSink.yield(line)
                                }
                            } catch {}
                            lineSink.finish()
                        }
                        group.addTask {
                            do {
                                for try await line in execution.standardError.strings() {
                                    let line = line.hasSuffix("\n") ? String(line.dropLast()) : line
                                    running.errorText.withLock { $0 += line + "\n" }
                                }
                            } catch {}
                        }
                    }
                }
                let termination: Termination = switch result.terminationStatus {
                case .exited(let code): Termination(exited: true, status: Int32(code))
                case .signaled(let signal): Termination(exited: false, status: Int32(signal))
                }
                child?.finished.withLock { $0 = termination }
            } catch {
                lineSink.finish()
                startedSink.finish(throwing: error)
            }
        }
        for try await child in started { return child }
        throw ChildError("\(executable.path) did not start")
    }

    /// Runs `executable` to its end, for at most `timeout`.
    static func run(_ executable: URL, _ arguments: [String], within timeout: Duration = .seconds(60)) async throws -> Finished {
        let child = try await start(executable, arguments)
        defer { child.kill() }
        let ended = try #require(await child.termination(within: timeout), "\(arguments.joined(separator: " ")) did not finish")
        return Finished(status: ended.exited ? ended.status : -1, output: child.output, errorOutput: child.errorOutput)
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

    /// How the process ended, or `nil` when it is still running after `timeout`. Its output is
    /// read to the end by then.
    func termination(within timeout: Duration) async -> Termination? {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if let ended = finished.withLock({ $0 }) { return ended }
            try? await Task.sleep(for: .milliseconds(20))
        }
        return finished.withLock { $0 }
    }

    /// Sends SIGTERM.
    func terminate() {
        _ = Glibc.kill(pid, SIGTERM)
    }

    /// Sends SIGKILL when the process is still running, so no test leaves a server behind.
    func kill() {
        if finished.withLock({ $0 }) == nil { _ = Glibc.kill(pid, SIGKILL) }
    }
}

struct ChildError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
