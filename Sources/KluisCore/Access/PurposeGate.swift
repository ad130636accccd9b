import Foundation

/// The one decision every read goes through: which records of which categories a purpose may
/// see, given the policy, the subject's state and the time, and why the rest is withheld.
public struct PurposeGate: Sendable {
    public let policy: Policy
    public let retention: RetentionClock
    public let terms: ConsentTerms
    public let applicability: PurposeApplicability

    public init(policy: Policy, calendar: LegalCalendar = LegalCalendar()) {
        self.init(policy: policy, terms: ConsentTerms(policy: policy), calendar: calendar)
    }

    public init(policy: Policy, terms: ConsentTerms, calendar: LegalCalendar = LegalCalendar()) {
        self.policy = policy
        self.terms = terms
        applicability = PurposeApplicability(policy: policy)
        retention = RetentionClock(calendar: calendar, fiscalYearEnd: policy.controller.fiscalYearEnd)
    }

    /// Why a purpose may not use a person's data at all.
    public enum Refusal: Sendable, Hashable {
        /// The purpose rests on consent, and there is none in force: never given, refused,
        /// withdrawn, expired, or given for an earlier version of the purpose (stale).
        case noConsent(ConsentStatus)
        /// The person objected (art. 21): to direct marketing always final, to a legitimate
        /// interest or public task until lifted.
        case objected
        /// The purpose does not apply to the person: nothing was collected for it, none of the
        /// events that make it apply happened, or one that ends it did.
        case notApplicable
    }

    /// Whether the person's consents and objections bar `purpose` altogether; `nil` when they
    /// do not. Consent withdrawal and objection take effect here, at once, on every read path.
    public func refusal(of purpose: Purpose, state: SubjectState) -> Refusal? {
        if mayObject(to: purpose), state.consents.isObjected(purpose.id) {
            return .objected
        }
        guard purpose.legalBasis.kind == .consent else {
            return applicability.applies(purpose, state: state) ? nil : .notApplicable
        }
        let status = state.consents.status(of: purpose.id, purposeHash: terms.purposeHashes[purpose.id] ?? "")
        return status == .given ? nil : .noConsent(status)
    }

    /// Whether art. 21 lets a person object to `purpose`: direct marketing on any basis, and
    /// processing on a legitimate interest or a public task.
    public func mayObject(to purpose: Purpose) -> Bool {
        purpose.directMarketing || [.legitimateInterest, .publicTask].contains(purpose.legalBasis.kind)
    }

    /// Why a category is not returned.
    public enum WithholdReason: String, Sendable, Hashable, Codable {
        /// The purpose does not use this category.
        case outsidePurpose = "outside_purpose"
        /// Every record of the category is past its retention for this purpose.
        case retentionExpired = "retention_expired"
        /// The category is restricted (art. 18), and this purpose is not one that may still use it.
        case restricted
    }

    /// The outcome for one subject: the records to return and the categories withheld.
    public struct Decision: Sendable {
        public var released: [SealedRecord]
        public var withheld: [String: WithholdReason]
    }

    /// Decides what `purpose` may see of `records`.
    public func decide(purpose: Purpose, records: [SealedRecord], state: SubjectState, now: Date,
                       fieldDate: (SealedRecord, String) -> CalendarDate? = { _, _ in nil }) -> Decision {
        var released: [SealedRecord] = []
        var withheld: [String: WithholdReason] = [:]
        let held = retention.isHeld(purpose.retention, state: state)
        let since = applicability.application(of: purpose, state: state)?.since
        var expiredCategories: Set<String> = []
        var liveCategories: Set<String> = []
        for record in records {
            guard purpose.categories.contains(record.category) else {
                withheld[record.category] = .outsidePurpose
                continue
            }
            guard !state.isRestricted(record.category, for: purpose.id) else {
                withheld[record.category] = .restricted
                continue
            }
            let terms = purpose.retention(for: record.category)
            let expiry = retention.expiry(of: record, terms: terms, state: state, purpose: purpose.id, since: since) { fieldDate(record, $0) }
            if !held, let expiry, now >= expiry {
                expiredCategories.insert(record.category)
            } else {
                liveCategories.insert(record.category)
                released.append(record)
            }
        }
        for category in expiredCategories.subtracting(liveCategories) {
            withheld[category] = .retentionExpired
        }
        return Decision(released: released, withheld: withheld)
    }
}
