import Foundation
import KluisTesting
import Testing

/// Issue 22: a one-time code sent with `--sendmail` goes through msmtp (Debian's) over SMTP to a
/// local server (aiosmtpd, scripts/smtp-sink.py), and arrives as a message Python's strict RFC
/// 5322 parser reads without a defect: the sender by name, an RFC 5322 date, a Message-ID, the
/// Dutch subject and text intact, and a code that verifies the request.
@Suite(.enabled(if: MailDelivery.enabled, "needs Debian's msmtp and aiosmtpd from PyPI"), .timeLimit(.minutes(2)))
struct MailDeliveryTests {
    @Test func aCodeArrivesOverSMTPAsACorrectMessageAndVerifies() async throws {
        let desk = try await RequestCommandTests.Desk(store: .sqlite)
        defer { desk.temporary.remove(); desk.stores.shutdown() }
        _ = try await desk.customer("els@voorbeeld.example", invoice: false)
        let received = desk.temporary.path("received")
        try FileManager.default.createDirectory(atPath: received, withIntermediateDirectories: true)
        let sink = try await Child.start(URL(fileURLWithPath: "/usr/bin/env"),
                                   ["python3", Fixtures.repositoryRootURL.appendingPathComponent("scripts/smtp-sink.py").path, "--directory", received])
        defer { sink.kill() }
        let listening = try #require(await sink.firstLine(startingWith: "listening on ", within: .seconds(30)), "the SMTP server did not start: \(sink.errorOutput)")
        let port = try #require(Int(listening.dropFirst("listening on ".count)))
        let sendmail = try MailDelivery.msmtp(port: port, in: desk.temporary)

        let submitted = await desk.run("requests", "submit", "--type", "access", "--email", "els@voorbeeld.example", "--channel", "post")
        let id = try #require(RequestCommandTests.Desk.requestID(in: submitted.output), "\(submitted.errorOutput)")
        let before = Date()
        let sent = await desk.run("requests", "send-code", id, "--sendmail", sendmail)
        #expect(sent.exitCode == 0, "\(sent.errorOutput)")

        let report = try await MailDelivery.firstMessage(in: received)
        #expect(report["error"] == nil, "the parser refused the message: \(report)")
        #expect(report["mail_from"] as? String == "privacy@voorbeeld.example")
        #expect(report["rcpt_tos"] as? [String] == ["els@voorbeeld.example"])
        let parsed = try #require(report["parsed"] as? [String: Any], "\(report)")
        #expect(parsed["defects"] as? [String] == [], "\(parsed)")
        #expect(parsed["from_name"] as? String == "Voorbeeld B.V.")
        #expect(parsed["from_address"] as? String == "privacy@voorbeeld.example")
        #expect(parsed["to"] as? String == "els@voorbeeld.example")
        #expect(parsed["subject"] as? String == "Uw verificatiecode / Your verification code – Voorbeeld B.V.")
        let date = Date(timeIntervalSince1970: try #require(parsed["date"] as? Double))
        #expect(date >= before.addingTimeInterval(-2) && date <= Date().addingTimeInterval(2), "Date: \(date)")
        #expect((parsed["message_id"] as? String)?.wholeMatch(of: /<[0-9a-f-]{36}@voorbeeld\.example>/) != nil, "\(parsed)")
        #expect(parsed["content_type"] as? String == "text/plain")
        #expect(parsed["charset"] as? String == "utf-8")
        let body = try #require(parsed["body"] as? String)
        #expect(body.contains("Uw verificatiecode voor uw privacyverzoek bij Voorbeeld B.V. is: "))
        let code = try #require(body.firstMatch(of: /is: (\d{6})/).map { String($0.output.1) }, "\(body)")
        let verified = await desk.run("requests", "verify", id, "--method", "registered_email", "--code", code)
        #expect(verified.exitCode == 0, "the code that arrived does not verify: \(verified.errorOutput)")
    }
}

enum MailDelivery {
    static let msmtpPath = "/usr/bin/msmtp"

    static var enabled: Bool {
        ProcessInfo.processInfo.environment["CI"] == "true" || FileManager.default.isExecutableFile(atPath: msmtpPath)
    }

    /// A sendmail for `kluis --sendmail`: msmtp with a configuration (owner-only, as msmtp asks)
    /// that delivers to 127.0.0.1:`port` without TLS or authentication.
    static func msmtp(port: Int, in directory: TemporaryDirectory) throws -> String {
        let configuration = directory.path("msmtprc"), wrapper = directory.path("sendmail")
        try "defaults\nauth off\ntls off\naccount default\nhost 127.0.0.1\nport \(port)\n".write(toFile: configuration, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: configuration)
        try "#!/bin/sh\nexec \(msmtpPath) -C \(configuration) \"$@\"\n".write(toFile: wrapper, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: wrapper)
        return wrapper
    }

    /// The first message the sink wrote, waiting up to 20 seconds for it.
    static func firstMessage(in directory: String) async throws -> [String: Any] {
        let deadline = ContinuousClock.now + .seconds(20)
        while ContinuousClock.now < deadline {
            if let file = try FileManager.default.contentsOfDirectory(atPath: directory).filter({ $0.hasSuffix(".json") }).sorted().first {
                let data = try Data(contentsOf: URL(fileURLWithPath: directory).appendingPathComponent(file))
                return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            }
            try await Task.sleep(for: .milliseconds(100))
        }
        Issue.record("no message arrived at the SMTP server")
        return [:]
    }
}
