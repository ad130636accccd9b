import ArgumentParser
import Foundation
import KluisCore

/// `kluis breaches notify ID --phase …`: a notification to the authority, or the text for its form.
struct BreachesNotifyCommand: ContextualCommand {
    static let configuration = CommandConfiguration(
        commandName: "notify",
        abstract: "Record a notification to the authority (first, follow_up or withdrawal), or print the text for the AP's form.",
        discussion: """
            With --text, prints what to enter in the AP's notification form for the phase, in its order and in \
            Dutch (Markdown), and records nothing: what the register does not know yet is said to be unknown, \
            so the form can go in time and be completed in a follow-up. Without it, records that the \
            notification was sent (--at, default now) with the AP's reference. A first notification more than \
            72 hours after awareness needs --late-reason (art. 33(1)); a follow-up or withdrawal needs a first.
            """
    )

    @OptionGroup var vault: VaultOptions
    @Argument(help: "The breach id (brc_…).") var id: String
    @Option(help: "first, follow_up or withdrawal.") var phase: Breach.Notification.Phase = .first
    @Option(help: "The reference number the AP gave.") var reference: String?
    @Option(help: "Why the first notification came later than the deadline, without personal data.") var lateReason: String?
    @Option(help: "When it was sent (ISO 8601 with its offset). Default: now.") var at: String?
    @Flag(help: "Print the text for the AP's form for this phase instead; records nothing.") var text = false

    func validate() throws {
        if text, reference != nil || lateReason != nil || at != nil {
            throw ValidationError("--text records nothing: leave out --reference, --late-reason and --at")
        }
    }

    func run(in context: CommandContext) async throws -> Int32 {
        let id = try BreachesCommand.parseID(id)
        let sentAt = try at.map { given throws(CommandFailure) in try BreachesCommand.time(given, option: "--at") }
        if text {
            let form = try await vault.withVault(in: context) { try await $0.breaches.authorityText(of: id, phase: phase) }
            context.write(MarkdownWriter.render(form.document))
            return 0
        }
        let (breach, clock) = try await vault.withVault(in: context) { opened in
            (try await opened.breaches.recordNotification(id, phase: phase, at: sentAt, reference: reference, lateReason: lateReason,
                                                           by: BreachesCommand.operator_),
             opened.breaches.clock)
        }
        guard let notification = breach.notifications.last else { throw CommandFailure("the notification of \(breach.id) was not recorded") }
        var message = "breach \(breach.id): \(notification.phase.rawValue) notification recorded, sent at \(BreachesCommand.time(notification.sentAt))"
            + (notification.reference.map { ", reference \($0)" } ?? "") + "\n"
        if notification.phase == .first {
            let deadline = clock.deadline(of: breach)
            let late = notification.sentAt.timeIntervalSince(deadline)
            message += late > 0 ? "  late by \(BreachesCommand.span(late)); the reason is recorded\n"
                : "  in time: the deadline was \(BreachesCommand.time(deadline))\n"
        }
        context.write(message)
        return 0
    }
}
