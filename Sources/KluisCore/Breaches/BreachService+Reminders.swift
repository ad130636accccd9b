import Foundation

/// Reminders while the authority has not been told: at the hours after awareness the policy
/// chooses (`breaches.remind_at`), to the breach's contact, its reporter and the policy's
/// address for breaches.
extension BreachService {
    /// Sends the reminders that are due through `outbox`: for each breach still open, not
    /// notified and not assessed as needing no notification, one message for the latest
    /// reminder hour passed and not sent (a node that was down sends one, not three). Returns how
    /// many breaches were reminded of.
    @discardableResult
    public func sendDueReminders(through outbox: any Outbox) async throws -> Int {
        let now = vault.now()
        var sent = 0
        for breach in try await all() where breach.awaitsNotification {
            let due = reminderHours.filter { breach.timeline.awareAt + Double($0) * 3600 <= now && !breach.remindersSent.contains($0) }
            guard let hour = due.max() else { continue }
            let recipients = reminderRecipients(of: breach)
            guard !recipients.isEmpty else { continue }
            let message = reminder(of: breach, hour: hour, at: now)
            for address in recipients { try await outbox.send(OutboxMessage(to: address, subject: message.subject, body: message.body)) }
            // Read again: a step recorded while the mail went out must not be lost.
            _ = try await update(breach.id, step: "reminder after \(hour) hours sent", by: Self.reminderActor) { $0.remindersSent += due }
            sent += 1
        }
        return sent
    }

    /// The actor of reminders in the audit log.
    public static let reminderActor = Principal(id: "breach-reminders", purposes: [], isAdmin: true)

    /// The policy's reminder hours.
    var reminderHours: [Int] {
        vault.policy.breaches.remindAt.compactMap { $0.exactSeconds.map { $0 / 3600 } }.filter { $0 > 0 && $0 < clock.hours }
    }

    private func reminderRecipients(of breach: Breach) -> [String] {
        var seen = Set<String>()
        return [breach.contact?.email, breach.reporter.email, vault.policy.breaches.reportTo].compactMap { $0 }
            .filter { seen.insert($0.lowercased()).inserted }
    }

    private func reminder(of breach: Breach, hour: Int, at now: Date) -> (subject: String, body: String) {
        let say = Phrases(vault.policy.info.languages[0])
        let left = max(0, Int(clock.timeLeft(of: breach, at: now) / 3600))
        let deadline = say.moment(clock.deadline(of: breach))
        return (say.pick("Datalek \(breach.id): nog \(left) uur om de AP in te lichten", "Breach \(breach.id): \(left) hours left to tell the authority"),
                say.pick("""
                    Herinnering: het datalek \(breach.id) ("\(breach.summary.prefix(120))") is \(hour) uur geleden vastgesteld. \
                    De Autoriteit Persoonsgegevens is nog niet ingelicht. De termijn loopt af op \(deadline), over \(left) uur.

                    Leg de beoordeling vast en meld het lek, of leg vast waarom melden niet nodig is.
                    """, """
                    Reminder: the breach \(breach.id) ("\(breach.summary.prefix(120))") became known \(hour) hours ago. \
                    The supervisory authority has not been told. The time runs out at \(deadline) (Dutch time), in \(left) hours.

                    Record the assessment and notify the breach, or record why no notification is needed.
                    """))
    }
}
