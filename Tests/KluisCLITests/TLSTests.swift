import Foundation
import KluisTesting
import Testing

/// Issue 22: `kluis serve --tls-cert --tls-key` speaks HTTPS only, TLS 1.2 and up, with a
/// certificate the test makes (openssl) and a client that verifies it (Python's ssl module, which
/// is OpenSSL's verification); and refuses a certificate and key that do not belong together.
@Suite struct TLSTests {
    /// A self-signed certificate for 127.0.0.1 and its key, in `directory`.
    static func makeCertificate(in directory: TemporaryDirectory, name: String) async throws -> (certificate: String, key: String) {
        let certificate = directory.path("\(name).pem"), key = directory.path("\(name)-key.pem")
        let made = try await Child.run(URL(fileURLWithPath: "/usr/bin/env"), [
            "openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-days", "2",
            "-subj", "/CN=kluis test", "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", key, "-out", certificate,
        ])
        try #require(made.status == 0, "openssl could not make a certificate: \(made.errorOutput)")
        return (certificate, key)
    }

    /// What a verifying client sees: the health answer and its headers over TLS; that a client
    /// limited to TLS 1.1, one that does not trust the certificate, and plain HTTP all fail.
    static let client = #"""
    import http.client, json, socket, ssl, sys
    port, cafile = int(sys.argv[1]), sys.argv[2]
    report = {}
    trusting = ssl.create_default_context(cafile=cafile)
    connection = http.client.HTTPSConnection("127.0.0.1", port, context=trusting, timeout=10)
    connection.request("GET", "/healthz")
    answer = connection.getresponse()
    report["status"] = answer.status
    report["health"] = json.loads(answer.read())
    report["hsts"] = answer.getheader("Strict-Transport-Security")
    report["version"] = connection.sock.version()
    connection.close()
    def fails(context):
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=10) as raw:
                with context.wrap_socket(raw, server_hostname="127.0.0.1") as tls:
                    tls.sendall(b"GET /healthz HTTP/1.1\r\nHost: kluis\r\n\r\n")
                    tls.recv(100)
            return None
        except (ssl.SSLError, ConnectionError, OSError) as error:
            return type(error).__name__
    old = ssl.create_default_context(cafile=cafile)
    old.set_ciphers("DEFAULT:@SECLEVEL=0")
    old.minimum_version = ssl.TLSVersion.TLSv1
    old.maximum_version = ssl.TLSVersion.TLSv1_1
    report["tls11"] = fails(old)
    report["untrusted"] = fails(ssl.create_default_context())
    with socket.create_connection(("127.0.0.1", port), timeout=10) as plain:
        plain.sendall(b"GET /healthz HTTP/1.1\r\nHost: kluis\r\nConnection: close\r\n\r\n")
        received = b""
        try:
            while chunk := plain.recv(4096):
                received += chunk
        except OSError:
            pass
    report["plain"] = received[:12].decode("latin-1")
    print(json.dumps(report))
    """#

    @Test func healthzIsAnsweredOverVerifiedTLS12OrLaterOnly() async throws {
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        let (certificate, key) = try await Self.makeCertificate(in: temporary, name: "server")
        let served = try await ServedVault(["--tls-cert", certificate, "--tls-key", key])
        #expect(served.scheme == "https")
        let run = try await Child.run(URL(fileURLWithPath: "/usr/bin/env"), ["python3", "-c", Self.client, String(served.port), certificate])
        try #require(run.status == 0, "the TLS client failed: \(run.errorOutput)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any], "\(run.output)")
        #expect(report["status"] as? Int == 200)
        #expect((report["health"] as? [String: Any])?["status"] as? String == "ok")
        #expect(report["hsts"] as? String == "max-age=31536000")
        #expect(["TLSv1.2", "TLSv1.3"].contains(report["version"] as? String ?? ""), "\(report)")
        #expect(report["tls11"] as? String != nil, "a TLS 1.1 client was served: \(report)")
        #expect((report["untrusted"] as? String)?.contains("SSL") == true, "a client that does not trust the certificate got through: \(report)")
        #expect(report["plain"] as? String != "HTTP/1.1 200", "plain HTTP was answered on the TLS port: \(report)")
    }

    /// What issue 22 asks of an installed Kluis: answering over TLS from a configuration file alone.
    @Test func aServerConfiguredByItsFileAnswersOverTLSWithJSONLogs() async throws {
        let executable = try #require(ServeProcessTests.kluisExecutable(), "run 'swift build' first")
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        let (certificate, _) = try await Self.makeCertificate(in: temporary, name: "server")
        let configuration = temporary.path("kluis.yaml")
        try """
            # Paths relative to this file.
            data: data
            policy: \(Fixtures.repositoryRootURL.appendingPathComponent("examples/policies/coaching.yaml").path)
            serve:
              host: 127.0.0.1
              port: 0
              tls_cert: server.pem
              tls_key: server-key.pem
              log_format: json
              sweep_interval: 0
            """.write(toFile: configuration, atomically: true, encoding: .utf8)
        let initialised = try await Child.run(executable, ["init", "--config", configuration])
        try #require(initialised.status == 0, "\(initialised.errorOutput)")
        let server = try await Child.start(executable, ["serve", "--config", configuration])
        defer { server.kill() }
        let announcement = try #require(await server.firstLine(startingWith: "kluis: serving on ", within: .seconds(60)), "\(server.errorOutput)")
        let port = try #require(announcement.wholeMatch(of: /kluis: serving on https:\/\/127\.0\.0\.1:(\d+)/).map { String($0.output.1) },
                                "\(announcement)")
        let run = try await Child.run(URL(fileURLWithPath: "/usr/bin/env"), ["python3", "-c", Self.client, port, certificate])
        try #require(run.status == 0, "the TLS client failed: \(run.errorOutput)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any], "\(run.output)")
        #expect(report["status"] as? Int == 200)
        #expect(report["hsts"] as? String == "max-age=31536000")
        server.terminate()
        _ = await server.termination(within: .seconds(30))
        let lines = server.errorOutput.split(separator: "\n")
        #expect(!lines.isEmpty && lines.allSatisfy { (try? JSONSerialization.jsonObject(with: Data($0.utf8))) is [String: Any] },
                "not one JSON object per line: \(server.errorOutput)")
    }

    @Test func aKeyOfAnotherCertificateOrOneFileAloneIsRefused() async throws {
        let temporary = try TemporaryDirectory()
        defer { temporary.remove() }
        let (certificate, _) = try await Self.makeCertificate(in: temporary, name: "server")
        let (_, otherKey) = try await Self.makeCertificate(in: temporary, name: "other")
        let data = temporary.path("data")
        #expect(await CommandRun.kluis("init", "--data", data, environment: VaultCommandTests.noEnvironment).exitCode == 0)
        let serve = ["serve", "--data", data, "--policy", "examples/policies/coaching.yaml", "--port", "0"]

        let mismatched = await CommandRun.kluis(serve + ["--tls-cert", certificate, "--tls-key", otherKey], environment: VaultCommandTests.noEnvironment)
        #expect(mismatched.exitCode == 1)
        #expect(mismatched.errorOutput == "error: TLS: the key in \(otherKey) is not the key of the certificate in \(certificate)\n")
        let alone = await CommandRun.kluis(serve + ["--tls-cert", certificate], environment: VaultCommandTests.noEnvironment)
        #expect(alone.exitCode == 1)
        #expect(alone.errorOutput.contains("--tls-cert and --tls-key (serve.tls_cert and serve.tls_key) go together"), "\(alone.errorOutput)")
        let missing = await CommandRun.kluis(serve + ["--tls-cert", temporary.path("none.pem"), "--tls-key", otherKey],
                                             environment: VaultCommandTests.noEnvironment)
        #expect(missing.errorOutput.contains("could not be read as PEM certificates"), "\(missing.errorOutput)")
    }
}
