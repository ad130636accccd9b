import Foundation

/// Fulfilling requests: each type does its work and closes the request in one transaction.
extension RequestService {
    /// Fulfils a verified request. Rectification takes the `corrections`; access and
    /// portability close the request after their package (``exportPackage``) was made. With an
    /// `outbox`, the recipients of a rectification, erasure or restriction are told (art. 19).
    public func fulfil(_ id: RequestID, corrections: [NewRecord] = [], notifyingRecipientsThrough outbox: (any Outbox)? = nil,
                       by principal: Principal) async throws -> Fulfilment {
        // Prepared on the request and the person as read: when either changed before the commit,
        // all is read and checked again (a request fulfilled meanwhile is then refused).
        var fulfilment = try await retryingConflicts { try await fulfilRequest(id, corrections: corrections, by: principal) }
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
    /// Fulfils a request; `categories` are the ones it concerned, for the audit entry (and the
    /// webhook event made from it).
    func close(_ id: RequestID, note: String, extra: [StoreChange] = [], categories: [String] = [],
               by principal: Principal) async throws -> RequestStatus {
        try await update(id, by: principal, extra: extra, categories: categories) { request, now in
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
        guard let snapshot = try await vault.store.snapshot(of: subject) else {
            throw VaultError(.subjectNotFound, "there is no subject \(subject)")
        }
        let now = vault.now()
        var keySet = DataKeySet(subject: subject, ring: vault.keys, stored: snapshot.dataKeys)
        var corrected = snapshot
        var written: [SealedRecord] = []
        let operator_ = Principal(id: principal.id, purposes: [], isAdmin: true)
        for correction in corrections {
            guard correction.id != nil || vault.policy.category(correction.category)?.records == .one else {
                throw VaultError(.requestInvalid, "a correction of '\(correction.category)' must name the record it corrects ('id')")
            }
            let sealed = try vault.seal(correction, of: subject, existing: corrected.records, state: snapshot.state, keySet: &keySet, by: operator_, now: now)
            try await vault.requireKnown(vault.references(in: correction, of: subject))
            corrected.records.removeAll { $0.id == sealed.id && $0.category == sealed.category }
            corrected.records.append(sealed)
            written.removeAll { $0.id == sealed.id }
            written.append(sealed)
        }
        corrected.dataKeys += keySet.created
        let changes = vault.writing(written, into: corrected)
        let categories = Array(Set(corrections.map(\.category))).sorted()
        let notices = try await recipientsToNotify(subject: subject, categories: categories)
        var updated = request
        try updated.move(to: .fulfilled, at: now, by: principal.id, note: "corrected: \(categories.joined(separator: ", "))")
        updated.outcome = "corrected \(categories.joined(separator: ", "))"
        try await vault.committer.commit(keySet.created.map(StoreChange.addDataKey) + changes + [.putRequest(updated, replacing: request)], audit: [
            AuditEntry(time: now, actor: principal.id, action: .write, subject: subject, categories: categories,
                       reason: "\(request.id) rectification"),
            AuditEntry(time: now, actor: principal.id, action: .request, subject: subject, categories: categories,
                       reason: "\(request.id) rectification fulfilled"),
        ])
        return Fulfilment(request: status(of: updated, at: now), recipientsToNotify: notices)
    }

    /// Restricts the categories the request names (all when none), for the ground it gives.
    func restrict(_ subject: SubjectID, request: DataSubjectRequest, by principal: Principal) async throws -> Fulfilment {
        guard let snapshot = try await vault.store.snapshot(of: subject) else {
            throw VaultError(.subjectNotFound, "there is no subject \(subject)")
        }
        let now = vault.now()
        let restriction = Restriction(categories: request.categories, ground: request.restrictionGround ?? .accuracyContested,
                                      since: now, request: request.id)
        let categories = request.categories.isEmpty ? Array(Set(snapshot.records.map(\.category))).sorted() : request.categories
        let notices = try await recipientsToNotify(subject: subject, categories: categories)
        var restricted = snapshot
        restricted.restrictions.append(restriction)
        let status = try await close(request.id, note: "restricted: \(request.categories.isEmpty ? "all categories" : categories.joined(separator: ", "))",
                                     extra: [.setRestrictions(subject, restricted.restrictions, replacing: snapshot.restrictions)]
                                         + vault.rescheduling(restricted),
                                     categories: categories, by: principal)
        return Fulfilment(request: status, recipientsToNotify: notices)
    }

    /// Lifts the restrictions a person asked for (not what an erasure keeps under a legal
    /// obligation). The person must be told before (art. 18(3)): `subjectToldAt` says when.
    public func liftRestrictions(of subject: SubjectID, subjectToldAt: Date?, by principal: Principal) async throws -> [Restriction] {
        try await retryingConflicts { try await lift(of: subject, subjectToldAt: subjectToldAt, by: principal) }
    }

    private func lift(of subject: SubjectID, subjectToldAt: Date?, by principal: Principal) async throws -> [Restriction] {
        guard var snapshot = try await vault.store.snapshot(of: subject) else {
            throw VaultError(.subjectNotFound, "there is no subject \(subject)")
        }
        let now = vault.now()
        guard let told = subjectToldAt, told <= now else {
            throw VaultError(.restrictionNotTold, "a restriction may only be lifted after the person was told: give 'subject_told_at', a time not in the future")
        }
        let remaining = snapshot.restrictions.filter { $0.ground == .legalObligation }
        let lifted = snapshot.restrictions.filter { $0.ground != .legalObligation }
        guard !lifted.isEmpty else {
            throw VaultError(.requestInvalid, "the subject has no restriction that can be lifted")
        }
        let read = snapshot.restrictions
        snapshot.restrictions = remaining
        try await vault.committer.commit([.setRestrictions(subject, remaining, replacing: read)] + vault.rescheduling(snapshot), audit: [
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
            purposes = vault.policy.purposes.filter { request.type == .objection ? vault.gate.mayObject(to: $0) : $0.legalBasis.kind == .consent }.map(\.id)
        }
        let method: ConsentEvent.CollectionMethod = switch request.channel {
        case .email: .email
        case .phone: .phone
        case .post, .inPerson: .paper
        case .web, .api: .webForm
        }
        let outcome = try await vault.consents.record(ConsentSubmission(decisions: purposes.map { ConsentDecision(purpose: $0, kind: kind) },
                                                                        method: method), for: subject, by: principal)
        let status = try await close(request.id, note: "\(kind.rawValue): \(purposes.joined(separator: ", "))", by: principal)
        return Fulfilment(request: status, consentEvents: outcome.events)
    }
}
