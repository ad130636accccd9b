import Foundation
import KluisCore
import Subprocess
import SystemPackage

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
        let text = try MailText.compose(message, from: from)
        let result: ExecutionResult<Void, DiscardedOutput, DiscardedOutput>
        do {
            // -t: the recipients are the message's To:; -i: a line of one dot does not end it;
            // -f: the envelope sender, where bounces go. Subprocess rather than Foundation's
            // Process, which on Linux can crash a server that holds many connections.
            result = try await run(.path(FilePath(executable)), arguments: ["-t", "-i", "-f", from.address],
                                   input: .string(text), output: .discarded, error: .discarded)
        } catch {
            throw VaultError(.storeFailure, "the mail program \(executable) cannot be started")
        }
        guard case .exited(0) = result.terminationStatus else {
            throw VaultError(.storeFailure, "the mail program \(executable) failed (\(result.terminationStatus))")
        }
    }
}
