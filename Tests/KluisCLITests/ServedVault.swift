import Foundation
import KluisTesting
import Testing

/// `kluis init` and `kluis serve` of the coaching example in a temporary directory, as a child
/// process, for tests that talk to the real server over loopback.
final class ServedVault {
    let temporary: TemporaryDirectory
    let server: Child
    let adminToken: String
    let port: Int
    /// `http`, or `https` when served with `--tls-cert`.
    let scheme: String
    var base: String { "\(scheme)://127.0.0.1:\(port)" }

    /// Starts the server with `arguments` added to `serve`'s, at most `fileDescriptors` open
    /// files when given (as `ulimit -n`).
    init(_ arguments: [String] = [], fileDescriptors: Int? = nil) async throws {
        let executable = try #require(ServeProcessTests.kluisExecutable(),
                                      "the kluis executable was not found next to the test bundle nor in .build/debug: run 'swift build' first")
        temporary = try TemporaryDirectory()
        let data = temporary.path("data")
        let policy = KluisTesting.Fixtures.examplesDirectory.appendingPathComponent("coaching.yaml").path
        let initialised = try await Child.run(executable, ["init", "--data", data])
        try #require(initialised.status == 0, "kluis init failed: \(initialised.errorOutput)")
        adminToken = try #require(initialised.output.firstMatch(of: /kluis_key_[a-z2-7]+_[0-9a-f]{64}/).map { String($0.output) })
        let serve = [executable.path, "serve", "--policy", policy, "--data", data, "--host", "127.0.0.1", "--port", "0",
                     "--sweep-interval", "0"] + arguments
        if let fileDescriptors {
            server = try await Child.start(URL(fileURLWithPath: "/bin/sh"),
                                     ["-c", "ulimit -n \(fileDescriptors) && exec \"$@\"", "sh"] + serve)
        } else {
            server = try await Child.start(executable, Array(serve.dropFirst()))
        }
        let announcement = try #require(await server.firstLine(startingWith: "kluis: serving on ", within: .seconds(60)),
                                        "kluis serve did not start: \(server.errorOutput)")
        let address = try #require(announcement.wholeMatch(of: /kluis: serving on (https?):\/\/127\.0\.0\.1:(\d+)/), "\(announcement)")
        scheme = String(address.output.1)
        port = try #require(Int(address.output.2))
    }

    deinit {
        server.kill()
        temporary.remove()
    }
}
