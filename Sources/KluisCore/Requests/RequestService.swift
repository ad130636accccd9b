import Foundation

/// Data-subject requests (art. 12 and 15-22): intake, the legal clock, identity checks,
/// extension, rejection and fulfilment, with the erasure journal. A capability service over the
/// vault's kernel (policy, keys, committer, clock, audit) and the store's request role; reached
/// as `vault.requests`.
public struct RequestService: Sendable {
    let vault: Vault
    /// The store in its role for this capability.
    var store: any RequestStore { vault.store }

    /// How long a one-time code is valid, and how many wrong tries it survives.
    static let codeLifetime: TimeInterval = 30 * 60
    static let codeAttempts = 5
    /// Requests due within this many days are "due soon".
    static let dueSoonDays = 7
}

extension Vault {
    /// Data-subject requests.
    public var requests: RequestService { RequestService(vault: self) }

    var legalCalendar: LegalCalendar { requestClock.calendar }
}

extension RequestService {
    /// Records a new request. Identifiers are looked up and not kept; a request that matches no
    /// one is recorded too, and answered that no data is held. A signed-in session that the
    /// policy accepts verifies the requester at once.
    public func submit(_ submission: RequestSubmission, by principal: Principal) async throws -> RequestStatus {
        let now = vault.now()
        let receivedAt = try submission.receivedAt.map { time throws(VaultError) in try PlausibleTime.checked(time, field: "received_at") } ?? now
        guard receivedAt <= now.addingTimeInterval(60) else {
            throw VaultError(.requestInvalid, "'received_at' lies in the future")
        }
        try validateScope(of: submission)
        var subject = submission.subject
        for identifier in submission.identifiers {
            let found = try await vault.subject(of: identifier)
            if let found, let known = subject, known != found {
                throw VaultError(.requestInvalid, "the identifiers given belong to different subjects")
            }
            subject = subject ?? found
        }
        if let given = submission.subject, try await vault.store.snapshot(of: given) == nil {
            throw VaultError(.subjectNotFound, "there is no subject \(given)")
        }
        var request = DataSubjectRequest(type: submission.type, subject: subject, channel: submission.channel,
                                         receivedAt: receivedAt, purposes: submission.purposes,
                                         categories: submission.categories)
        request.history[0].actor = principal.id
        request.restrictionGround = submission.restrictionGround
        if submission.signedInSession {
            try Self.requireVouching(by: principal)
            guard subject != nil else {
                throw VaultError(.requestInvalid, "a signed-in session needs the subject it is signed in as")
            }
            try requireAccepted(.signedInSession)
            request.identity = .init(method: .signedInSession, verifiedAt: now, verifiedBy: principal.id)
            try request.move(to: .inProgress, at: now, by: principal.id, note: "identity: signed_in_session")
        }
        try await save(request, replacing: nil, by: principal, at: now)
        return status(of: request, at: now)
    }

    /// One request with its deadlines.
    public func status(of id: RequestID) async throws -> RequestStatus {
        status(of: try await storedRequest(id), at: vault.now())
    }

    /// The queue: open requests by receipt, with deadlines and flags, filtered.
    public func list(_ filter: RequestFilter = .open, subject: SubjectID? = nil, limit: Int = 1000) async throws -> [RequestStatus] {
        let now = vault.now()
        let found = try await store.requests(includeClosed: filter == .all, subject: subject, limit: min(max(limit, 1), 10_000))
        return found.map { status(of: $0, at: now) }.filter { status in
            switch filter {
            case .open, .all: true
            case .overdue: status.isOverdue
            case .dueSoon: status.isDueSoon || status.isOverdue
            }
        }
    }

    /// Asks the requester for identity information: the clock pauses until it is verified.
    public func askForIdentification(_ id: RequestID, by principal: Principal) async throws -> RequestStatus {
        try await update(id, by: principal) { request, now in
            try request.move(to: .awaitingIdentification, at: now, by: principal.id)
        }
    }

    /// Sends a one-time code to the subject's registered e-mail address through `outbox`, and
    /// pauses the clock until it comes back. Only the code's keyed hash is kept.
    public func sendVerificationCode(_ id: RequestID, outbox: any Outbox, by principal: Principal) async throws -> RequestStatus {
        try requireAccepted(.registeredEmail)
        let request = try await storedRequest(id)
        guard let subject = request.subject, let snapshot = try await vault.store.snapshot(of: subject) else {
            throw VaultError(.requestInvalid, "request \(id) matches no subject, so there is no registered address to send a code to")
        }
        guard let stored = snapshot.identifiers.first(where: { $0.kind == .email }) else {
            throw VaultError(.requestInvalid, "the subject of request \(id) has no registered e-mail address")
        }
        // Each code is an e-mail to the person: limited per request and per person, so that
        // resending cannot multiply the tries a code allows nor flood their mailbox.
        try await vault.throttles.count(.codesPerRequest, for: id.rawValue)
        try await vault.throttles.count(.codesPerSubject, for: subject.rawValue)
        var keySet = DataKeySet(subject: subject, ring: vault.keys, stored: snapshot.dataKeys)
        let address = try vault.keys.open(stored.sealed, at: .identifier(.email, of: subject), with: keySet.key(for: Vault.identityCategory))
        var generator = SystemRandomNumberGenerator()
        let code = String(format: "%06d", Int.random(in: 0..<1_000_000, using: &generator))
        let status = try await update(id, by: principal) { request, now in
            guard !request.state.isFinal else {
                throw VaultError(.requestStateInvalid, "request \(id) is closed")
            }
            if request.state != .awaitingIdentification {
                try request.move(to: .awaitingIdentification, at: now, by: principal.id, note: "code sent to the registered e-mail address")
            }
            request.pendingCode = .init(hash: vault.keys.codeHash(code, request: id), expiresAt: now.addingTimeInterval(Self.codeLifetime),
                                        failedAttempts: 0)
        }
        let name = vault.policy.controller.name
        try await outbox.send(OutboxMessage(
            to: address,
            subject: "Uw verificatiecode / Your verification code – \(name)",
            body: """
                Uw verificatiecode voor uw privacyverzoek bij \(name) is: \(code)
                De code is 30 minuten geldig. Heeft u geen verzoek gedaan? Dan kunt u dit bericht negeren.

                Your verification code for your privacy request to \(name) is: \(code)
                The code is valid for 30 minutes. If you made no request, you can ignore this message.

                Kenmerk / reference: \(id)
                """))
        return status
    }

    /// Records that the requester's identity was verified by `method`. A code sent to the
    /// registered address is checked here; the other methods are attested by the caller, and an
    /// ID copy is never given to Kluis: only "verified on date, by method, by whom" is kept.
    public func verifyIdentity(_ id: RequestID, method: IdentityCheck, code: String? = nil,
                               by principal: Principal) async throws -> RequestStatus {
        try requireAccepted(method)
        if method == .signedInSession { try Self.requireVouching(by: principal) }
        if method == .registeredEmail { try await vault.throttles.refuseIfHeldBack(.wrongCodes, for: id.rawValue) }
        var wrongCode = false
        let status = try await update(id, by: principal) { request, now in
            guard request.subject != nil else {
                throw VaultError(.requestInvalid, "request \(id) matches no subject: there is no one to verify")
            }
            guard [.received, .awaitingIdentification, .inProgress, .extended].contains(request.state) else {
                throw VaultError(.requestStateInvalid, "request \(id) is \(request.state.rawValue) and needs no identity check")
            }
            if method == .registeredEmail {
                guard let pending = request.pendingCode, now < pending.expiresAt else {
                    throw VaultError(.verificationCodeWrong, "no code is outstanding for request \(id), or it expired: send a new one")
                }
                guard let code, ConstantTime.equals(vault.keys.codeHash(code, request: id), pending.hash) else {
                    request.pendingCode?.failedAttempts += 1
                    if pending.failedAttempts + 1 >= Self.codeAttempts { request.pendingCode = nil }
                    wrongCode = true
                    return
                }
                request.pendingCode = nil
            }
            request.identity = .init(method: method, verifiedAt: now, verifiedBy: principal.id)
            if request.state == .received || request.state == .awaitingIdentification {
                try request.move(to: .inProgress, at: now, by: principal.id, note: "identity: \(method.rawValue)")
            } else {
                request.history.append(.init(time: now, actor: principal.id, state: request.state, note: "identity: \(method.rawValue)"))
            }
        }
        if wrongCode {
            try await vault.throttles.count(.wrongCodes, for: id.rawValue)
            throw VaultError(.verificationCodeWrong, "the code is wrong; after \(Self.codeAttempts) wrong codes a new one must be sent")
        }
        return status
    }

    /// Extends the deadline to receipt + 3 months. Allowed once, with a reason, and only within
    /// the first month (art. 12(3)); the reason must be told to the requester.
    public func extend(_ id: RequestID, reason: String, by principal: Principal) async throws -> RequestStatus {
        let reason = try FreeText.checked(reason, field: "reason", code: .requestInvalid)
        return try await update(id, by: principal) { request, now in
            let deadlines = vault.requestClock.deadlines(of: request, now: now)
            guard vault.legalCalendar.calendarDate(of: now) <= deadlines.monthDeadline else {
                throw VaultError(.extensionTooLate, "an extension must be decided within the first month, by \(deadlines.monthDeadline); request \(id) is past it")
            }
            try request.move(to: .extended, at: now, by: principal.id, note: reason)
            request.extended = .init(decidedAt: now, reason: reason)
        }
    }

    /// Refuses the request, or records that it is not acted on, with the reason told to the
    /// requester (art. 12(4)).
    public func reject(_ id: RequestID, reason: String, by principal: Principal) async throws -> RequestStatus {
        let reason = try FreeText.checked(reason, field: "reason", code: .requestInvalid)
        return try await update(id, by: principal) { request, now in
            try request.move(to: .rejected, at: now, by: principal.id, note: reason)
            request.rejection = reason
        }
    }

    // MARK: Helpers

    func status(of request: DataSubjectRequest, at now: Date) -> RequestStatus {
        let deadlines = vault.requestClock.deadlines(of: request, now: now)
        let today = vault.legalCalendar.calendarDate(of: now)
        let open = !request.state.isFinal
        return RequestStatus(request: request, deadlines: deadlines, isOverdue: open && today > deadlines.due,
                             isDueSoon: open && today <= deadlines.due && today.adding(days: Self.dueSoonDays) >= deadlines.due)
    }

    func storedRequest(_ id: RequestID) async throws -> DataSubjectRequest {
        guard let request = try await store.request(id) else {
            throw VaultError(.requestNotFound, "there is no request \(id)")
        }
        return request
    }

    /// Reads, changes and stores a request in one step, audited; nothing is stored when
    /// `change` throws. When another step was stored in between, the request is read again and
    /// `change` applied to it anew, checking the request as it now stands. With `extra`, changes
    /// the caller prepared on what it read, a conflict goes back to the caller: trying again
    /// here would commit the same stale changes, which fail again.
    func update(_ id: RequestID, by principal: Principal, extra: [StoreChange] = [], categories: [String] = [],
                _ change: (inout DataSubjectRequest, Date) throws -> Void) async throws -> RequestStatus {
        func attempt() async throws -> RequestStatus {
            let read = try await storedRequest(id)
            var request = read
            let now = vault.now()
            try change(&request, now)
            try await save(request, replacing: read, by: principal, at: now, extra: extra, categories: categories)
            return status(of: request, at: now)
        }
        return extra.isEmpty ? try await retryingConflicts(attempt) : try await attempt()
    }

    /// Stores `request`, new (`replacing: nil`) or changed from the request as read.
    func save(_ request: DataSubjectRequest, replacing read: DataSubjectRequest?, by principal: Principal, at now: Date,
              extra: [StoreChange] = [], categories: [String] = []) async throws {
        try await vault.committer.commit(extra + [.putRequest(request, replacing: read)], audit: [
            AuditEntry(time: now, actor: principal.id, action: .request, subject: request.subject, categories: categories,
                       reason: "\(request.id) \(request.type.rawValue) \(request.state.rawValue)"),
        ])
    }

    func requireAccepted(_ method: IdentityCheck) throws(VaultError) {
        guard vault.policy.rights.identityChecks.contains(method) else {
            throw VaultError(.identityCheckNotAccepted, "the policy does not accept '\(method.rawValue)' as an identity check; it accepts \(vault.policy.rights.identityChecks.map(\.rawValue).joined(separator: ", "))")
        }
    }

    /// A signed-in session verifies a requester at once: only a key that may vouch for its
    /// application's sessions may claim one.
    static func requireVouching(by principal: Principal) throws(VaultError) {
        guard principal.mayVouchForSessions else {
            throw VaultError(.forbidden, "this key may not vouch for a signed-in session; make one with 'kluis apikey create --vouch-for-sessions'")
        }
    }

    /// Checks the purposes and categories a submission names.
    func validateScope(of submission: RequestSubmission) throws(VaultError) {
        for id in submission.purposes {
            guard let purpose = vault.policy.purpose(id) else {
                throw VaultError(.purposeUnknown, "'\(id)' is not a purpose of the policy")
            }
            if submission.type == .objection, !vault.gate.mayObject(to: purpose) {
                throw VaultError(.consentNotApplicable, "'\(id)' rests on \(purpose.legalBasis.kind.rawValue) and is not direct marketing: art. 21 gives no right to object to it")
            }
            if submission.type == .withdrawal, purpose.legalBasis.kind != .consent {
                throw VaultError(.consentNotApplicable, "'\(id)' does not rest on consent, so there is none to withdraw")
            }
        }
        for id in submission.categories where vault.policy.category(id) == nil {
            throw VaultError(.categoryUnknown, "'\(id)' is not a category of the policy")
        }
        if !submission.purposes.isEmpty, ![.objection, .withdrawal].contains(submission.type) {
            throw VaultError(.requestInvalid, "'purposes' applies to objection and withdrawal requests only")
        }
        if !submission.categories.isEmpty, ![.restriction, .erasure].contains(submission.type) {
            throw VaultError(.requestInvalid, "'categories' applies to restriction and erasure requests only")
        }
        if submission.restrictionGround != nil, submission.type != .restriction {
            throw VaultError(.requestInvalid, "'ground' applies to restriction requests only")
        }
    }
}
