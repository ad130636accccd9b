import Crypto
import Foundation

/// Consent (art. 7 and 8) and objection (art. 21): decisions recorded with signed receipts, the
/// state per purpose, who must be asked again after a purpose changed, and a visitor's cookie
/// choices. A capability service over the vault's kernel and the store's consent role; reached
/// as `vault.consents`.
public struct ConsentService: Sendable {
    let vault: Vault
    /// The store in its role for this capability.
    var store: any ConsentStore { vault.store }
}

extension Vault {
    /// Consents, objections and cookie choices.
    public var consents: ConsentService { ConsentService(vault: self) }
}

extension ConsentService {
    /// The reserved category whose data key seals what consent records hold of other people:
    /// the name of a parent or guardian.
    public static let consentCategory = "_consent"

    /// Records a person's consent and objection decisions in one transaction, after checking
    /// them against the policy and its age rule; returns the events, a signed receipt when
    /// consent was given or withdrawn, and the state after.
    public func record(_ submission: ConsentSubmission, for subject: SubjectID,
                               by principal: Principal) async throws -> ConsentOutcome {
        try validate(submission)
        // Decided on the person as read, with their records' dates: read again when they changed
        // before the commit.
        return try await retryingConflicts { try await recordOnce(submission, for: subject, by: principal) }
    }

    private func recordOnce(_ submission: ConsentSubmission, for subject: SubjectID, by principal: Principal) async throws -> ConsentOutcome {
        guard let snapshot = try await vault.store.snapshot(of: subject) else {
            throw VaultError(.subjectNotFound, "there is no subject \(subject)")
        }
        let now = vault.now()
        let language = submission.language ?? vault.policy.info.languages[0]
        let ledger = ConsentLedger(events: snapshot.consents)
        let guardian = try guardianNeeded(for: submission, now: now)
        let receiptID = "rcpt_" + OpaqueID.generate(prefix: "")
        var keySet = DataKeySet(subject: subject, ring: vault.keys, stored: snapshot.dataKeys)
        let sealedGuardian = try guardian.map { guardian in
            SealedGuardian(sealedName: vault.keys.seal(guardian.name, at: FieldAddress(subject: subject, category: Self.consentCategory,
                                                                                       record: receiptID, field: "guardian"),
                                                       with: try keySet.key(for: Self.consentCategory)),
                           relationship: guardian.relationship, verification: guardian.verification)
        }

        func event(_ purpose: String, _ kind: ConsentEvent.Kind, method: ConsentEvent.CollectionMethod) -> ConsentEvent {
            ConsentEvent(purpose: purpose, kind: kind, time: now, policyVersion: vault.policy.info.version,
                         purposeHash: vault.gate.terms.purposeHashes[purpose] ?? "",
                         statementHash: submission.statementHash ?? vault.gate.terms.textHash(of: purpose, in: language),
                         method: method, language: language, minor: guardian != nil,
                         guardian: kind == .given || kind == .renewed ? sealedGuardian : nil, actor: principal.id)
        }
        var events: [ConsentEvent] = []
        for decision in submission.decisions {
            var kind = decision.kind
            if kind == .given {
                // An explicit consent is the person's latest word: it lifts their objection.
                if ledger.isObjected(decision.purpose) { events.append(event(decision.purpose, .objectionWithdrawn, method: submission.method)) }
                if let earlier = ledger.latestConsent(for: decision.purpose)?.kind, [.given, .renewed, .expired].contains(earlier) {
                    kind = .renewed
                }
            }
            events.append(event(decision.purpose, kind, method: submission.method))
        }
        if submission.globalPrivacyControl {
            let given = Set(submission.decisions.filter { $0.kind == .given }.map(\.purpose))
            let objected = Set(events.filter { $0.kind == .objected }.map(\.purpose))
            for purpose in vault.policy.purposes where purpose.directMarketing && !given.contains(purpose.id)
                && !objected.contains(purpose.id) && !ledger.isObjected(purpose.id) {
                events.append(event(purpose.id, .objected, method: .browserSignal))
            }
        }
        let receipted = events.filter { [.given, .renewed, .withdrawn].contains($0.kind) }
        var receipt: String?
        if !receipted.isEmpty {
            for index in events.indices where [.given, .renewed, .withdrawn].contains(events[index].kind) {
                events[index].receiptID = receiptID
            }
            let payload = ConsentReceipt(id: receiptID, subject: subject, events: receipted, policy: vault.policy,
                                         terms: vault.gate.terms, language: language, guardian: guardian, time: now)
            receipt = vault.receiptSigner.sign(payload.encoded())
        }
        // Consent given or withdrawn starts or stops the clocks of the purposes it concerns.
        var decided = snapshot
        decided.consents += events
        let changes = keySet.created.map(StoreChange.addDataKey) + events.map { StoreChange.appendConsent(subject, $0) }
            + vault.rescheduling(decided)
        try await vault.committer.commit(changes, audit: events.map {
            AuditEntry(time: now, actor: principal.id, action: .consent, subject: subject, purpose: $0.purpose, reason: $0.kind.rawValue)
        })
        return ConsentOutcome(events: events, receipt: receipt, receiptID: receipt == nil ? nil : receiptID,
                              state: consentState(ConsentLedger(events: snapshot.consents + events)))
    }

    /// A person's consent and objection state per purpose, and their history; the read is audited.
    public func of(_ subject: SubjectID, by principal: Principal) async throws -> (state: [PurposeConsent], history: [ConsentEvent]) {
        guard let snapshot = try await vault.store.snapshot(of: subject) else {
            throw VaultError(.subjectNotFound, "there is no subject \(subject)")
        }
        try await vault.audit(AuditEntry(time: vault.now(), actor: principal.id, action: .consentRead, subject: subject))
        return (consentState(ConsentLedger(events: snapshot.consents)), snapshot.consents)
    }

    /// The state per purpose that asks for consent or allows objection, in policy order.
    func consentState(_ ledger: ConsentLedger) -> [PurposeConsent] {
        let state = SubjectState(consents: ledger)
        return vault.policy.purposes.filter { $0.legalBasis.kind == .consent || vault.gate.mayObject(to: $0) }.map { purpose in
            let isConsent = purpose.legalBasis.kind == .consent
            let latest = ledger.latestConsent(for: purpose.id)
            return PurposeConsent(
                purpose: purpose.id, legalBasis: purpose.legalBasis.kind,
                status: isConsent ? ledger.status(of: purpose.id, purposeHash: vault.gate.terms.purposeHashes[purpose.id] ?? "") : nil,
                objected: ledger.isObjected(purpose.id), mayObject: vault.gate.mayObject(to: purpose),
                givenAt: latest.flatMap { [.given, .renewed].contains($0.kind) ? $0.time : nil },
                withdrawnAt: ledger.withdrawal(of: purpose.id),
                permitted: vault.gate.refusal(of: purpose, state: state) == nil)
        }
    }

    /// The people whose consent for a purpose was given for an earlier description of it, and
    /// who must be asked again before the purpose may use their data: per consent-based
    /// purpose (or only `purpose`), at most `limit` after `after`.
    public func stale(purpose: String? = nil, after: SubjectID? = nil, limit: Int = 1000,
                              by principal: Principal) async throws -> [(purpose: String, subjects: [SubjectID])] {
        let purposes = try purpose.map { id in
            guard let purpose = vault.policy.purpose(id) else { throw VaultError(.purposeUnknown, "'\(id)' is not a purpose of the policy") }
            guard purpose.legalBasis.kind == .consent else {
                throw VaultError(.consentNotApplicable, "'\(id)' does not rest on consent, so no consent for it can be stale")
            }
            return [purpose]
        } ?? vault.policy.purposes.filter { $0.legalBasis.kind == .consent }
        guard principal.isAdmin || purposes.allSatisfy({ principal.purposes.contains($0.id) }) else {
            throw VaultError(.purposeNotAllowed, "listing stale consents needs an admin key or a key bound to the purpose")
        }
        var answer: [(purpose: String, subjects: [SubjectID])] = []
        for purpose in purposes {
            let subjects = try await store.subjectsWithStaleConsent(purpose: purpose.id, purposeHash: vault.gate.terms.purposeHashes[purpose.id] ?? "",
                                                                    after: after, limit: max(1, min(limit, 10_000)))
            answer.append((purpose.id, subjects))
        }
        return answer
    }

    /// What a receipt proves: whether Kluis signed it, what it says, and where each of its
    /// purposes stands now.
    public struct ReceiptCheck: Sendable {
        public var valid: Bool
        public var rejection: ReceiptSigner.Rejection?
        public var receipt: ConsentReceipt?
        public var current: [PurposeConsent]
    }

    /// Checks a receipt's signature and reports the current state of its purposes.
    public func verifyReceipt(_ jws: String) async throws -> ReceiptCheck {
        let payload: Data
        switch vault.receiptSigner.verify(jws.trimmingCharacters(in: .whitespacesAndNewlines)) {
        case .failure(let rejection): return ReceiptCheck(valid: false, rejection: rejection, receipt: nil, current: [])
        case .success(let data): payload = data
        }
        guard let receipt = try? JSONDecoder().decode(ConsentReceipt.self, from: payload) else {
            return ReceiptCheck(valid: false, rejection: .malformed, receipt: nil, current: [])
        }
        let purposes = Set(receipt.services.flatMap(\.purposes).flatMap(\.purposeCategory))
        var current: [PurposeConsent] = []
        if let subject = SubjectID(rawValue: receipt.piiPrincipalId), let snapshot = try await vault.store.snapshot(of: subject) {
            current = consentState(ConsentLedger(events: snapshot.consents)).filter { purposes.contains($0.purpose) }
        }
        return ReceiptCheck(valid: true, rejection: nil, receipt: receipt, current: current)
    }

    // MARK: Rules

    /// Every decision names a purpose of the policy once, and suits its legal basis.
    func validate(_ submission: ConsentSubmission) throws(VaultError) {
        guard !submission.decisions.isEmpty else {
            throw VaultError(.inputInvalid, "a consent call needs at least one decision")
        }
        var seen: Set<String> = []
        for decision in submission.decisions {
            guard let purpose = vault.policy.purpose(decision.purpose) else {
                throw VaultError(.purposeUnknown, "'\(decision.purpose)' is not a purpose of the policy")
            }
            guard seen.insert(purpose.id).inserted else {
                throw VaultError(.inputInvalid, "'\(purpose.id)' has more than one decision in this call")
            }
            switch decision.kind {
            case .given, .refused, .withdrawn, .expired:
                guard purpose.legalBasis.kind == .consent else {
                    throw VaultError(.consentNotApplicable, "'\(purpose.id)' rests on \(purpose.legalBasis.kind.rawValue), not on consent: there is no consent to \(decision.kind == .given ? "give" : "withdraw")\(vault.gate.mayObject(to: purpose) ? "; the person may object instead" : "")")
                }
            case .objected, .objectionWithdrawn:
                guard vault.gate.mayObject(to: purpose) else {
                    throw VaultError(.consentNotApplicable, "'\(purpose.id)' rests on \(purpose.legalBasis.kind.rawValue): art. 21 allows objection only to direct marketing and to a legitimate interest or public task\(purpose.legalBasis.kind == .consent ? "; withdraw the consent instead" : "")")
                }
            case .renewed:
                throw VaultError(.inputInvalid, "send 'given': Kluis records it as renewed when there was an earlier consent")
            }
        }
        if let hash = submission.statementHash {
            guard hash.count == 64, hash.allSatisfy(\.isHexDigit) else {
                throw VaultError(.inputInvalid, "'statement_hash' must be a SHA-256 hash in 64 hex digits")
            }
        }
        try checkWritten(in: submission.language)
    }

    /// Refuses a language the policy is not written in; `nil` means the policy's first.
    func checkWritten(in language: Language?) throws(VaultError) {
        if let language, !vault.policy.info.languages.contains(language) {
            throw VaultError(.inputInvalid, "the policy is not written in '\(language.rawValue)'")
        }
    }

    /// Applies the policy's age rule to a call that gives consent: the guardian who must
    /// decide, `nil` when the person decides themselves. Throws when the person may not consent.
    func guardianNeeded(for submission: ConsentSubmission, now: Date) throws(VaultError) -> Guardian? {
        guard let rule = vault.policy.minors, submission.decisions.contains(where: { $0.kind == .given }) else { return nil }
        guard let birthDate = submission.birthDate else {
            throw VaultError(.ageRequired, "this policy's age rule applies from \(rule.minimumAge): give the person's 'birth_date' with consent")
        }
        let today = vault.gate.retention.calendar.calendar.dateComponents([.year, .month, .day], from: now)
        guard let year = today.year, let month = today.month, let day = today.day,
              let todayDate = CalendarDate(year: year, month: month, day: day), birthDate <= todayDate,
              year - birthDate.year <= 130 else {
            throw VaultError(.inputInvalid, "'birth_date' is not a plausible date of birth")
        }
        let age = year - birthDate.year - ((month, day) < (birthDate.month, birthDate.day) ? 1 : 0)
        guard age < rule.minimumAge else { return nil }
        switch rule.belowMinimum {
        case .refuse:
            throw VaultError(.minorRefused, "this policy accepts no consent from anyone under \(rule.minimumAge)")
        case .parentalConsent:
            guard let guardian = submission.guardian, !guardian.name.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw VaultError(.guardianRequired, "under \(rule.minimumAge) a parent or guardian consents: give 'guardian' with name, relationship and verification")
            }
            return guardian
        }
    }
}
