import Foundation

/// Art. 19: the recipients to tell when a person's data is rectified, erased or restricted, and
/// telling them through the outbox.
extension RequestService {
    /// The recipients to tell about a change to `categories`: those the disclosure log shows
    /// received them, and those the policy names for purposes that use them.
    func recipientsToNotify(subject: SubjectID, categories: [String]) async throws -> [RecipientNotice] {
        let disclosures = try await vault.disclosures(of: subject)
        var notices: [RecipientNotice] = []
        for recipient in vault.policy.recipients {
            let disclosed = Set(disclosures.filter { $0.recipient == recipient.id }.flatMap(\.categories)).intersection(categories)
            let routine = Set(categories.filter { category in
                recipient.purposes.contains { vault.policy.purpose($0)?.categories.contains(category) == true }
                    && (recipient.categories.isEmpty || recipient.categories.contains(category))
            })
            let all = disclosed.union(routine)
            guard !all.isEmpty else { continue }
            notices.append(RecipientNotice(recipient: recipient.id, name: recipient.name.text(in: vault.policy.info.languages[0]),
                                           categories: all.sorted(), disclosed: !disclosed.isEmpty))
        }
        return notices
    }

    /// Tells every recipient in `notices` that the policy gives an address (`notify`), through
    /// `outbox`, that the person's data of the categories it received was changed by `request`.
    /// The message names the person by subject id and the categories, never a value. Audited
    /// once, with the recipients told; returns the notices, marked told.
    func tell(_ notices: [RecipientNotice], about request: DataSubjectRequest, subject: SubjectID,
              outbox: any Outbox, by principal: Principal) async throws -> [RecipientNotice] {
        let say = Phrases(vault.policy.info.languages[0])
        var told: [RecipientNotice] = []
        for var notice in notices {
            if let address = vault.policy.recipient(notice.recipient)?.notify {
                try await outbox.send(OutboxMessage(to: address, subject: say.recipientNoticeSubject(request.type, controller: vault.policy.controller.name),
                                                    body: say.recipientNotice(request.type, subject: subject, categories: notice.categories,
                                                                              request: request.id, controller: vault.policy.controller.name,
                                                                              contact: vault.policy.requestContact)))
                notice.notified = true
            }
            told.append(notice)
        }
        let names = told.filter(\.notified).map(\.recipient)
        if !names.isEmpty {
            try await vault.audit(AuditEntry(time: vault.now(), actor: principal.id, action: .request, subject: subject,
                                             categories: Array(Set(told.filter(\.notified).flatMap(\.categories))).sorted(),
                                             reason: "\(request.id) recipients told (art. 19): \(names.joined(separator: ", "))"))
        }
        return told
    }
}
