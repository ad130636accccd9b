import Foundation
import KluisCore

/// An outbox that hands each message to a sendmail-compatible program (`sendmail -t -i`, as
/// Postfix, Exim and msmtp provide), which delivers it over SMTP as the machine is configured.
/// Kluis speaks no SMTP itself.
public struct SendmailOutbox: Outbox {
    public let executable: String
    public let from: MailSender

    public init(executable: String = "/usr/sbin/sendmail", from: MailSender) {
        self.executable = executable
        self.from = from
    }

    public func send(_ message: OutboxMessage) async throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        // -t: the recipients are the message's To:; -i: a line of one dot does not end it;
        // -f: the envelope sender, where bounces go.
        process.arguments = ["-t", "-i", "-f", from.address]
        let text = try MailText.compose(message, from: from)
        let input = Pipe()
        process.standardInput = input
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw VaultError(.storeFailure, "the mail program \(executable) cannot be started")
        }
        input.fileHandleForWriting.write(Data(text.utf8))
        try input.fileHandleForWriting.close()
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                process.waitUntilExit()
                continuation.resume()
            }
        }
        guard process.terminationStatus == 0 else {
            throw VaultError(.storeFailure, "the mail program \(executable) failed with status \(process.terminationStatus)")
        }
    }
}
