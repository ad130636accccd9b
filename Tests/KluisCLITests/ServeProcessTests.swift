import Foundation
import KluisCore
import KluisSQLite
import KluisTesting
import Synchronization
import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The real `kluis` executable as a child process: `init`, then `serve` over loopback HTTP, then
/// SIGTERM and a graceful exit.
@Suite struct ServeProcessTests {
    @Test func serveAnswersOverLoopbackAndStopsGracefullyOnSIGTERM() async throws {
        let executable = try #require(Self.kluisExecutable(),
                                      "the kluis executable was not found next to the test bundle nor in .build/debug: run 'swift build' first")
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        let data = temporary.path("data")
        let policy = temporary.path("policy.yaml")
        try Data(PolicyFixture().yaml.utf8).write(to: URL(fileURLWithPath: policy))

        // kluis init
        let initialised = try await Child.run(executable, ["init", "--data", data])
        try #require(initialised.status == 0, "kluis init failed: \(initialised.errorOutput)")
        let adminToken = try #require(initialised.output.firstMatch(of: /kluis_key_[a-z2-7]+_[0-9a-f]{64}/).map { String($0.output) },
                                      "kluis init printed no admin key: \(initialised.output)")

        // kluis serve
        let server = try await Child.start(executable, ["serve", "--policy", policy, "--data", data, "--host", "127.0.0.1", "--port", "0"])
        defer { server.kill() }
        let announcement = try #require(
            await server.firstLine(startingWith: "kluis: serving on http://127.0.0.1:", within: .seconds(60)),
            "kluis serve did not announce its address; output: \(server.output) errors: \(server.errorOutput)")
        let port = try #require(Int(announcement.dropFirst("kluis: serving on http://127.0.0.1:".count)), "\(announcement)")
        #expect((1...65535).contains(port))
        let base = try #require(URL(string: "http://127.0.0.1:\(port)"))

        let session = URLSession(configuration: .ephemeral)
        defer { session.invalidateAndCancel() }

        // GET /healthz
        let (health, healthResponse) = try await session.data(for: URLRequest(url: base.appendingPathComponent("healthz")))
        #expect((healthResponse as? HTTPURLResponse)?.statusCode == 200)
        let healthAnswer = try JSONSerialization.jsonObject(with: health) as? [String: Any]
        #expect(healthAnswer?["status"] as? String == "ok")
        #expect(healthAnswer?["version"] as? String == KluisBuild.version, "\(healthAnswer ?? [:])")

        // POST /v1/subjects, with and without the admin key
        let email = "jan.jansen@voorbeeld.example"
        let subject = #"{"identifiers": {"email": "\#(email)"}, "purpose": "service", "records": [{"category": "contact", "fields": {"email": "\#(email)"}}]}"#
        var create = URLRequest(url: base.appendingPathComponent("v1/subjects"))
        create.httpMethod = "POST"
        create.setValue("application/json", forHTTPHeaderField: "Content-Type")
        create.httpBody = Data(subject.utf8)
        let (_, anonymousResponse) = try await session.data(for: create)
        #expect((anonymousResponse as? HTTPURLResponse)?.statusCode == 401)

        create.setValue("Bearer \(adminToken)", forHTTPHeaderField: "Authorization")
        let (created, createdResponse) = try await session.data(for: create)
        #expect((createdResponse as? HTTPURLResponse)?.statusCode == 201, "\(String(decoding: created, as: UTF8.self))")
        let body = try JSONSerialization.jsonObject(with: created) as? [String: Any]
        let id = try #require(body?["id"] as? String, "\(String(decoding: created, as: UTF8.self))")
        #expect(id.hasPrefix("sub_"))

        // SIGTERM: the server finishes and exits 0. It exits in a fraction of a second, alone or
        // beside six busy loops (90 runs driven by curl); but under the whole suite on two cores
        // this test takes some 36 s, and seeing the exit means reading the child's output to its
        // end on a task pool the other tests keep busy: a 10 s wait once ran out. So the wait is
        // as generous as the one for the start.
        server.terminate()
        let termination = try #require(await server.termination(within: .seconds(60)),
                                       "kluis serve did not exit within 60 s of SIGTERM; errors: \(server.errorOutput)")
        #expect(termination.exited, "kluis serve was ended by signal \(termination.status)")
        #expect(termination.status == 0, "errors: \(server.errorOutput)")

        // What the server wrote is in the data directory.
        let root = try RootKey(text: String(contentsOfFile: "\(data)/root.key", encoding: .utf8))
        let vault = try await Vault.open(store: SQLiteVaultStore(path: "\(data)/kluis.sqlite"), root: root,
                                         policy: PolicyDocument(text: PolicyFixture().yaml).validPolicy())
        let found = try await vault.store.identifierBinding(kind: .email,
                                                            blindIndex: vault.keys.blindIndex(SubjectIdentifier(kind: .email, value: email)))
        #expect(found?.subject == id)
        #expect(try await vault.verifyAudit().isIntact)
    }

    /// The `kluis` executable SwiftPM built next to the test bundle, else in `.build/debug`.
    static func kluisExecutable() -> URL? {
        var directories = [Bundle.main.bundleURL, Bundle.main.bundleURL.deletingLastPathComponent()]
        if let executable = Bundle.main.executableURL { directories.append(executable.deletingLastPathComponent()) }
        directories.append(Fixtures.repositoryRootURL.appendingPathComponent(".build/debug"))
        return directories.map { $0.appendingPathComponent("kluis") }.first {
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: $0.path, isDirectory: &isDirectory) && !isDirectory.boolValue
                && FileManager.default.isExecutableFile(atPath: $0.path)
        }
    }
}
