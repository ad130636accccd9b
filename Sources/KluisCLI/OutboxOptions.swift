import Foundation
import KluisCore
import KluisAPI
import KluisServer

/// Chooses the outbox for mail (one-time codes, breach letters and reminders): a sendmail-compatible program when given, else a
/// directory of .eml files (by default the data directory's `outbox`).
enum OutboxOptions {
    /// The sender of mail: the policy's controller by name, at `address` (`--mail-from`) or else
    /// the policy's contact for requests.
    static func sender(_ address: String?, policy: Policy, in context: CommandContext) -> MailSender {
        MailSender(name: policy.controller.name, address: address ?? context.settings.text(.mailFrom) ?? policy.requestContact)
    }

    static func outbox(directory: String?, sendmail: String?, from: MailSender, data: String?,
                       in context: CommandContext) throws(CommandFailure) -> any Outbox {
        // The configuration's mail settings where no flag is given; a flag for either way of
        // sending replaces both of the configuration's.
        let (directory, sendmail) = directory != nil || sendmail != nil
            ? (directory, sendmail) : (context.settings.path(.mailOutbox), context.settings.path(.mailSendmail))
        if let sendmail {
            guard directory == nil else { throw CommandFailure("give --outbox or --sendmail, not both") }
            return SendmailOutbox(executable: sendmail, from: from)
        }
        if let directory { return FileOutbox(directory: context.url(for: directory), from: from) }
        guard let data else {
            throw CommandFailure("say where mail goes: --outbox DIR or --sendmail PROGRAM (with --database there is no data directory to default to)")
        }
        return FileOutbox(directory: context.url(for: data).appendingPathComponent("outbox"), from: from)
    }
}
