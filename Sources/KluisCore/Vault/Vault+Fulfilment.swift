import Foundation

/// Fulfilling requests: each type does its work and closes the request in one transaction.
extension Vault {
    /// Fulfils a verified request. Rectification takes the `corrections`; access and
    /// portability close the request after their package (``exportPackage``) was made. With an
    /// `outbox`, the recipients of a rectification, erasure or restriction are told (art. 19).
    public func fulfil(_ id: RequestID, corrections: [NewRecord] = [], notifyingRecipientsThrough outbox: (any Outbox)? = nil,
                       by principal: Principal) async throws -> Fulfilment {
        var fulfilment = try await fulfilRequest(id, corrections: corrections, by: principal)
        if let outbox, !fulfilment.recipientsToNotify.isEmpty, let subject = fulfilment.request.request.subject {
            fulfilment.recipientsToNotify = try await tell(fulfilment.recipientsToNotify, about: fulfilment.request.request,
                                                           subject: subject, outbox: outbox, by: principal)
        }
        return fulfilment
    }

    private func fulfilRequest(_ id: RequestID, corrections: [NewRecord], by principal: Principal) async throws -> Fulfilment {
        let request = try await storedRequest(id)
        // Nobody matched: there is nothing to verify, and the answer is that no data is held.
        if request.subject == nil, [.access, .portability].contains(request.type), !request.state.isFinal {
            return Fulfilment(request: try await close(id, note: "no data held", by: principal))
        }
        guard request.state == .inProgress || request.state == .extended else {
            throw VaultError(.requestStateInvalid, "request \(id) is \(request.state.rawValue.replacingOccurrences(of: "_", with: " ")); only a request in progress or extended can be fulfilled")
        }
        guard let subject = request.subject else {
            throw VaultError(.requestInvalid, "request \(id) matches no subject: reject it, telling the requester that no data is held")
        }
        guard request.identity != nil else {
            throw VaultError(.identityUnverified, "request \(id) cannot be fulfilled before the requester's identity is verified")
        }
        if request.type != .rectification, !corrections.isEmpty {
            throw VaultError(.requestInvalid, "'corrections' apply to rectification requests only")
        }
        switch request.type {
        case .access, .portability:
            return Fulfilment(request: try await close(id, note: "package delivered", by: principal))
        case .rectification:
            return try await rectify(request, subject: subject, corrections: corrections, by: principal)
        case .erasure:
            return try await erase(subject, request: request, by: principal)
        case .restriction:
            return try await restrict(subject, request: request, by: principal)
        case .objection, .withdrawal:
            return try await recordDecisions(of: request, subject: subject, by: principal)
        }
    }

    /// Closes a request as fulfilled with a note, changing nothing else.
    func close(_ id: RequestID, note: String, extra: [StoreChange] = [], by principal: Principal) async throws -> RequestStatus {
        try await update(id, by: principal, extra: extra) { request, now in
            try request.move(to: .fulfilled, at: now, by: principal.id, note: note)
            request.outcome = note
        }
    }

    /// Writes the corrected values and lists whom to tell. The earlier values are replaced, not
    /// kept: the request's history and the audit log record which categories changed, when and
    /// by whom.
    func rectify(_ request: DataSubjectRequest, subject: SubjectID, corrections: [NewRecord],
                 by principal: Principal) async throws -> Fulfilment {
        guard !corrections.isEmpty else {
            throw VaultError(.requestInvalid, "a rectification needs 'corrections': the records with their corrected fields")
        }
        guard let snapshot = try await store.snapshot(of: subject) else {
            throw VaultError(.subjectNotFound, "there is no subject \(subject)")
        }
        let now = now()
        var keySet = DataKeySet(subject: subject, ring: keys, stored: snapshot.dataKeys)
        var corrected = snapshot
        var written: [SealedRecord] = []
        let operator_ = Principal(id: principal.id, purposes: [], isAdmin: true)
        for correction in corrections {
            guard correction.id != nil || policy.category(correction.category)?.records == .one else {
                throw VaultError(.requestInvalid, "a correction of '\(correction.category)' must name the record it corrects ('id')")
            }
            let sealed = try seal(correction, of: subject, existing: corrected.records, state: snapshot.state, keySet: &keySet, by: operator_, now: now)
            try await requireKnown(references(in: correction, of: subject))
            corrected.records.removeAll { $0.id == sealed.id && $0.category == sealed.category }
            corrected.records.append(sealed)
            written.removeAll { $0.id == sealed.id }
            written.append(sealed)
        }
        corrected.dataKeys += keySet.created
        let changes = writing(written, into: corrected)
        let categories = Array(Set(corrections.map(\.category))).sorted()
        let notices = try await recipientsToNotify(subject: subject, categories: categories)
        var updated = request
        try updated.move(to: .fulfilled, at: now, by: principal.id, note: "corrected: \(categories.joined(separator: ", "))")
        updated.outcome = "corrected \(categories.joined(separator: ", "))"
        try await committer.commit(keySet.created.map(StoreChange.addDataKey) + changes + [.putRequest(updated)], audit: [
            AuditEntry(time: now, actor: principal.id, action: .write, subject: subject, categories: categories,
                       reason: "\(request.id) rectification"),
            AuditEntry(time: now, actor: principal.id, action: .request, subject: subject, categories: categories,
                       reason: "\(request.id) rectification fulfilled"),
        ])
        return Fulfilment(request: status(of: updated, now: now), recipientsToNotify: notices)
    }

    /// Restricts the categories the request names (all when none), for the ground it gives.
    func restrict(_ subject: SubjectID, request: DataSubjectRequest, by principal: Principal) async throws -> Fulfilment {
        guard let snapshot = try await store.snapshot(of: subject) else {
            throw VaultError(.subjectNotFound, "there is no subject \(subject)")
        }
        let now = now()
        let restriction = Restriction(categories: request.categories, ground: request.restrictionGround ?? .accuracyContested,
                                      since: now, request: request.id)
        let categories = request.categories.isEmpty ? Array(Set(snapshot.records.map(\.category))).sorted() : request.categories
        let notices = try await recipientsToNotify(subject: subject, categories: categories)
        var restricted = snapshot
        restricted.restrictions.append(restriction)
        let status = try await close(request.id, note: "restricted: \(request.categories.isEmpty ? "all categories" : categories.joined(separator: ", "))",
                                     extra: [.setRestrictions(subject, restricted.restrictions)] + rescheduling(restricted), by: principal)
        return Fulfilment(request: status, recipientsToNotify: notices)
    }

    /// Lifts the restrictions a person asked for (not what an erasure keeps under a legal
    /// obligation). The person must be told before (art. 18(3)): `subjectToldAt` says when.
    public func liftRestrictions(of subject: SubjectID, subjectToldAt: Date?, by principal: Principal) async throws -> [Restriction] {
        guard var snapshot = try await store.snapshot(of: subject) else {
            throw VaultError(.subjectNotFound, "there is no subject \(subject)")
        }
        let now = now()
        guard let told = subjectToldAt, told <= now else {
            throw VaultError(.restrictionNotTold, "a restriction may only be lifted after the person was told: give 'subject_told_at', a time not in the future")
        }
        let remaining = snapshot.restrictions.filter { $0.ground == .legalObligation }
        let lifted = snapshot.restrictions.filter { $0.ground != .legalObligation }
        guard !lifted.isEmpty else {
            throw VaultError(.requestInvalid, "the subject has no restriction that can be lifted")
        }
        snapshot.restrictions = remaining
        try await committer.commit([.setRestrictions(subject, remaining)] + rescheduling(snapshot), audit: [
            AuditEntry(time: now, actor: principal.id, action: .restriction, subject: subject,
                       categories: Array(Set(lifted.flatMap(\.categories))).sorted(),
                       reason: "lifted; subject told \(ISO8601DateFormatter().string(from: told))"),
        ])
        return remaining
    }

    /// Objection and withdrawal go through the consent store, so they take effect on the next read.
    func recordDecisions(of request: DataSubjectRequest, subject: SubjectID, by principal: Principal) async throws -> Fulfilment {
        let kind: ConsentEvent.Kind = request.type == .objection ? .objected : .withdrawn
        var purposes = request.purposes
        if purposes.isEmpty {
            purposes = policy.purposes.filter { request.type == .objection ? gate.mayObject(to: $0) : $0.legalBasis.kind == .consent }.map(\.id)
        }
        let method: ConsentEvent.CollectionMethod = switch request.channel {
        case .email: .email
        case .phone: .phone
        case .post, .inPerson: .paper
        case .web, .api: .webForm
        }
        let outcome = try await recordConsents(ConsentSubmission(decisions: purposes.map { ConsentDecision(purpose: $0, kind: kind) },
                                                                 method: method), for: subject, by: principal)
        let status = try await close(request.id, note: "\(kind.rawValue): \(purposes.joined(separator: ", "))", by: principal)
        return Fulfilment(request: status, consentEvents: outcome.events)
    }

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
