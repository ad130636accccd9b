import Foundation
import KluisCore

/// An outbox that writes each message as an RFC 5322 file (`.eml`) into a directory, readable by
/// its owner only: for development, tests, and setups where another program delivers the mail.
/// The files hold e-mail addresses and codes, so the directory is made private (0700).
public struct FileOutbox: Outbox {
    public let directory: URL

    public init(directory: URL) {
        self.directory = directory
    }

    public func send(_ message: OutboxMessage) async throws {
        let manager = FileManager.default
        try manager.createDirectory(at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        // A directory that existed before is made private too.
        try manager.setAttributes([.posixPermissions: 0o700], ofItemAtPath: directory.path)
        let name = "\(Int(Date().timeIntervalSince1970 * 1000))-\(UUID().uuidString.prefix(8)).eml"
        let file = directory.appendingPathComponent(name)
        guard manager.createFile(atPath: file.path, contents: Data(message.rfc5322.utf8), attributes: [.posixPermissions: 0o600]) else {
            throw VaultError(.storeFailure, "the outbox directory \(directory.path) cannot be written")
        }
    }
}

extension OutboxMessage {
    /// The message as RFC 5322 text, UTF-8 throughout.
    var rfc5322: String {
        let encodedSubject = "=?UTF-8?B?\(Data(subject.utf8).base64EncodedString())?="
        return """
            To: \(to)\r
            Subject: \(encodedSubject)\r
            Date: \(Date().formatted(.iso8601))\r
            MIME-Version: 1.0\r
            Content-Type: text/plain; charset=utf-8\r
            Content-Transfer-Encoding: 8bit\r
            \r
            \(body.replacingOccurrences(of: "\n", with: "\r\n"))\r

            """
    }
}
