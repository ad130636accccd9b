import Foundation

/// The disclosure log: what was handed to which recipient, kept in the audit log, from which
/// access answers name actual recipients and art. 19 notices whom to tell.
extension Vault {
    /// Records that data of `categories` was handed to `recipient` for `purpose`: the
    /// disclosure log that access answers name actual recipients from (art. 15(1)(c)). Refused,
    /// changing nothing, unless the policy names the recipient for the purpose and those
    /// categories, and the purpose may use them for this person now: it applies to them, with
    /// consent in force where it needs consent, no objection, and no restriction of a category.
    public func recordDisclosure(of subject: SubjectID, to recipientID: String, purpose purposeID: String,
                                 categories: [String], by principal: Principal) async throws {
        guard let recipient = policy.recipient(recipientID) else {
            throw VaultError(.requestInvalid, "'\(recipientID)' is not a recipient of the policy")
        }
        guard let purpose = policy.purpose(purposeID) else {
            throw VaultError(.purposeUnknown, "'\(purposeID)' is not a purpose of the policy")
        }
        guard principal.isAdmin || principal.purposes.contains(purposeID) else {
            throw VaultError(.purposeNotAllowed, "this key may not act for the purpose '\(purposeID)'")
        }
        guard recipient.purposes.contains(purposeID) else {
            throw VaultError(.requestInvalid, "the policy does not name '\(recipientID)' as a recipient for '\(purposeID)'")
        }
        guard !categories.isEmpty, categories.allSatisfy(purpose.categories.contains) else {
            throw VaultError(.categoryUnknown, "name the categories disclosed; each must be one '\(purposeID)' uses")
        }
        let unlisted = categories.filter { !recipient.categories.isEmpty && !recipient.categories.contains($0) }
        guard unlisted.isEmpty else {
            throw VaultError(.disclosureNotListed, "the policy names '\(recipientID)' as a recipient of \(recipient.categories.joined(separator: ", ")) only, not of \(unlisted.joined(separator: ", "))")
        }
        guard let snapshot = try await store.snapshot(of: subject) else {
            throw VaultError(.subjectNotFound, "there is no subject \(subject)")
        }
        let state = snapshot.state
        if let refusal = gate.refusal(of: purpose, state: state) {
            throw Self.error(for: refusal, purpose: purposeID)
        }
        let restricted = categories.filter { state.isRestricted($0, for: purposeID) }
        guard restricted.isEmpty else {
            throw VaultError(.categoryRestricted, "the subject's \(restricted.joined(separator: ", ")) is restricted (art. 18): '\(purposeID)' may not disclose it")
        }
        try await audit(AuditEntry(time: now(), actor: principal.id, action: .disclosure, subject: subject,
                                   categories: categories.sorted(), purpose: purposeID, reason: recipientID))
    }

    /// The subject's disclosures, from the audit log.
    func disclosures(of subject: SubjectID) async throws -> [(recipient: String, categories: [String], purpose: String?, time: Date)] {
        try await history(of: subject).filter { $0.entry.action == .disclosure }.map {
            ($0.entry.reason ?? "", $0.entry.categories, $0.entry.purpose, $0.entry.time)
        }
    }

    /// Every audit event about `subject`, oldest first.
    func history(of subject: SubjectID) async throws -> [AuditEvent] {
        var events: [AuditEvent] = []
        var after: Int64 = 0
        while true {
            let page = try await store.auditEvents(after: after, subject: subject, limit: 1000)
            events += page
            guard page.count == 1000, let last = page.last else { return events }
            after = last.sequence
        }
    }
}
