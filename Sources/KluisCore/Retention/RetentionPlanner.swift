import Crypto
import Foundation

/// Works out each record's ``ErasureSchedule`` from the policy and the subject's state: a record
/// is kept while any purpose that holds it may still keep it. A pure function of its inputs.
///
/// A purpose holds a record when it uses the record's category and applies to the person: one
/// resting on consent only once consent was given, one the person objected to no longer, and
/// under a restriction kept after an erasure only the purposes it allows.
public struct RetentionPlanner: Sendable {
    public let policy: Policy
    let gate: PurposeGate

    public init(policy: Policy, gate: PurposeGate) {
        self.policy = policy
        self.gate = gate
    }

    /// The schedule of `record`. `fieldDate` gives its date fields, for `field:` anchors.
    public func schedule(of record: SealedRecord, state: SubjectState,
                         fieldDate: (String) -> CalendarDate? = { _ in nil }) -> ErasureSchedule {
        // A restriction the person asked for (art. 18) keeps the data stored until it is lifted.
        if state.restrictions.contains(where: { $0.ground != .legalObligation && $0.covers(record.category) }) {
            return ErasureSchedule(eraseBy: nil, action: .delete, purpose: nil)
        }
        var latest: ErasureSchedule?
        for purpose in policy.purposes(using: record.category) where holds(purpose, category: record.category, state: state) {
            let terms = purpose.retention(for: record.category)
            let expiry = gate.retention.isHeld(purpose.retention, state: state) ? nil
                : gate.retention.expiry(of: record, terms: terms, state: state, purpose: purpose.id, fieldDate: fieldDate)
            let candidate = ErasureSchedule(eraseBy: expiry, action: terms.then, purpose: purpose.id)
            guard let expiry else { return candidate }
            if let current = latest?.eraseBy, current > expiry || (current == expiry && latest?.action == .anonymise) {
                continue
            }
            latest = candidate
        }
        // No purpose holds it: nothing allows keeping it.
        return latest ?? ErasureSchedule(eraseBy: record.createdAt, action: .delete, purpose: nil)
    }

    /// Whether `purpose` may keep data of `category` for this person at all.
    func holds(_ purpose: Purpose, category: String, state: SubjectState) -> Bool {
        if state.isRestricted(category, for: purpose.id) { return false }
        if gate.mayObject(to: purpose), state.consents.isObjected(purpose.id) { return false }
        if purpose.legalBasis.kind == .consent {
            return state.consents.events.contains { $0.purpose == purpose.id && [.given, .renewed].contains($0.kind) }
        }
        return true
    }

    /// What the stored schedules were computed from, as a hash: when the policy's retention terms
    /// change, every schedule is computed again before the next sweep.
    public var fingerprint: String {
        var lines = ["kluis.retention.v1", "fiscal_year_end \(policy.controller.fiscalYearEnd.month)-\(policy.controller.fiscalYearEnd.day)"]
        for purpose in policy.purposes.sorted(by: { $0.id < $1.id }) {
            let rule = purpose.retention
            let overrides = rule.categoryTerms.sorted { $0.key < $1.key }.map { "\($0.key)=\(Self.describe($0.value))" }
            lines.append([
                purpose.id, purpose.legalBasis.kind.rawValue, String(purpose.directMarketing),
                purpose.categories.sorted().joined(separator: ","), Self.describe(rule.terms),
                rule.holds.map { "\($0.id)>\($0.releasedBy)" }.joined(separator: ","), overrides.joined(separator: ","),
            ].joined(separator: " "))
        }
        return SHA256.hash(data: Data(lines.joined(separator: "\n").utf8)).hexString
    }

    private static func describe(_ terms: RetentionRule.Terms) -> String {
        "\(terms.anchor) \(terms.duration) \(terms.then.rawValue)"
    }
}
