import Foundation

/// The one decision every read goes through: which records of which categories a purpose may
/// see, given the policy, the subject's state and the time, and why the rest is withheld.
public struct PurposeGate: Sendable {
    public let policy: Policy
    public let retention: RetentionClock

    public init(policy: Policy, calendar: LegalCalendar = LegalCalendar()) {
        self.policy = policy
        retention = RetentionClock(calendar: calendar, fiscalYearEnd: policy.controller.fiscalYearEnd)
    }

    /// Why a category is not returned.
    public enum WithholdReason: String, Sendable, Hashable, Codable {
        /// The purpose does not use this category.
        case outsidePurpose = "outside_purpose"
        /// Every record of the category is past its retention for this purpose.
        case retentionExpired = "retention_expired"
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
        var expiredCategories: Set<String> = []
        var liveCategories: Set<String> = []
        for record in records {
            guard purpose.categories.contains(record.category) else {
                withheld[record.category] = .outsidePurpose
                continue
            }
            let terms = purpose.retention(for: record.category)
            let expiry = retention.expiry(of: record, terms: terms, state: state) { fieldDate(record, $0) }
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
