import Foundation
import KluisCore

/// An outbox that writes each message as an RFC 5322 file (`.eml`) into a directory, readable by
/// its owner only: for development, tests, and setups where another program delivers the mail.
/// The files hold e-mail addresses and codes, so the directory is made private (0700).
public struct FileOutbox: Outbox {
    public let directory: URL
    public let from: MailSender

    public init(directory: URL, from: MailSender) {
        self.directory = directory
        self.from = from
    }

    public func send(_ message: OutboxMessage) async throws {
        let manager = FileManager.default
        try manager.createDirectory(at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        // A directory that existed before is made private too.
        try manager.setAttributes([.posixPermissions: 0o700], ofItemAtPath: directory.path)
        let name = "\(Int(Date().timeIntervalSince1970 * 1000))-\(UUID().uuidString.prefix(8)).eml"
        let file = directory.appendingPathComponent(name)
        guard manager.createFile(atPath: file.path, contents: Data(try MailText.compose(message, from: from).utf8), attributes: [.posixPermissions: 0o600]) else {
            throw VaultError(.storeFailure, "the outbox directory \(directory.path) cannot be written")
        }
    }
}
