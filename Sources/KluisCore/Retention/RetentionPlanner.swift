import Crypto
import Foundation

/// Works out each record's ``ErasureSchedule`` from the policy and the subject's state: a record
/// is kept while any purpose that holds it may still keep it. A pure function of its inputs.
///
/// A purpose holds a record when it uses the record's category and applies to the person
/// (``PurposeApplicability``), unless the person objected to it or a restriction kept after an
/// erasure allows only other purposes.
public struct RetentionPlanner: Sendable {
    public let policy: Policy
    let gate: PurposeGate

    public init(policy: Policy, gate: PurposeGate) {
        self.policy = policy
        self.gate = gate
    }

    /// What decides the schedules of one person's records, worked out once for all of them.
    public struct Standing: Sendable, Hashable {
        /// The purposes that apply to the person, and since when.
        public var applying: [String: Date]
        /// For a purpose that applies only because data was collected for it, the moment it
        /// stops: when the last record collected for it may no longer be kept for it. Records it
        /// merely uses are kept for it no longer than that.
        public var collectionEnds: [String: Date]
    }

    /// The standing of a person with `records` in `state`. `fieldDate` gives a record's date
    /// fields, for `field:` anchors.
    public func standing(of records: [SealedRecord], state: SubjectState,
                         fieldDate: (SealedRecord, String) -> CalendarDate? = { _, _ in nil }) -> Standing {
        let applications = gate.applicability.applications(state)
        var ends: [String: Date] = [:]
        for application in applications where application.reasons == [.collected] {
            guard let purpose = policy.purpose(application.purpose),
                  !gate.retention.isHeld(purpose.retention, state: state) else { continue }
            var end = Date.distantPast
            for record in records where record.collectedFor == purpose.id {
                guard let expiry = gate.retention.expiry(of: record, terms: purpose.retention(for: record.category), state: state,
                                                         purpose: purpose.id, since: application.since,
                                                         fieldDate: { fieldDate(record, $0) }) else {
                    end = .distantFuture
                    break
                }
                end = max(end, expiry)
            }
            if end != .distantFuture, end != .distantPast { ends[purpose.id] = end }
        }
        return Standing(applying: Dictionary(uniqueKeysWithValues: applications.map { ($0.purpose, $0.since) }), collectionEnds: ends)
    }

    /// The schedule of `record`. `fieldDate` gives its date fields, for `field:` anchors.
    public func schedule(of record: SealedRecord, state: SubjectState, standing: Standing? = nil,
                         fieldDate: (String) -> CalendarDate? = { _ in nil }) -> ErasureSchedule {
        plan(of: record, state: state, standing: standing, fieldDate: fieldDate).schedule
    }

    /// The schedule of `record`, and when it has no date, why not. Without `standing`, it is
    /// worked out from this record alone.
    public func plan(of record: SealedRecord, state: SubjectState, standing: Standing? = nil,
                     fieldDate: (String) -> CalendarDate? = { _ in nil }) -> (schedule: ErasureSchedule, undated: UndatedReason?) {
        // A restriction the person asked for (art. 18) keeps the data stored until it is lifted.
        if state.restrictions.contains(where: { $0.ground != .legalObligation && $0.covers(record.category) }) {
            return (ErasureSchedule(eraseBy: nil, action: .delete, purpose: nil), .restriction)
        }
        let standing = standing ?? self.standing(of: [record], state: state) { _, name in fieldDate(name) }
        var latest: ErasureSchedule?
        for purpose in policy.purposes(using: record.category)
        where holds(purpose, category: record.category, state: state, applying: standing.applying) {
            let terms = purpose.retention(for: record.category)
            if let hold = gate.retention.holdInForce(purpose.retention, state: state) {
                return (ErasureSchedule(eraseBy: nil, action: terms.then, purpose: purpose.id), .hold(hold.id))
            }
            guard var expiry = gate.retention.expiry(of: record, terms: terms, state: state, purpose: purpose.id,
                                                     since: standing.applying[purpose.id], fieldDate: fieldDate) else {
                return (ErasureSchedule(eraseBy: nil, action: terms.then, purpose: purpose.id), .awaitingEvent(terms.anchor.description))
            }
            if record.collectedFor != purpose.id, let end = standing.collectionEnds[purpose.id] {
                expiry = min(expiry, end)
            }
            if let current = latest?.eraseBy, current > expiry || (current == expiry && latest?.action == .anonymise) {
                continue
            }
            latest = ErasureSchedule(eraseBy: expiry, action: terms.then, purpose: purpose.id)
        }
        // No purpose holds it: nothing allows keeping it.
        return (latest ?? ErasureSchedule(eraseBy: record.createdAt, action: .delete, purpose: nil), nil)
    }

    /// Whether `purpose` may keep data of `category` for this person at all: it applies to the
    /// person, the person did not object to it, and no restriction bars it.
    func holds(_ purpose: Purpose, category: String, state: SubjectState, applying: [String: Date]) -> Bool {
        if state.isRestricted(category, for: purpose.id) { return false }
        if gate.mayObject(to: purpose), state.consents.isObjected(purpose.id) { return false }
        return applying[purpose.id] != nil
    }

    /// What the stored schedules were computed from, as a hash: when the policy's retention terms
    /// change, every schedule is computed again before the next sweep.
    public var fingerprint: String {
        var lines = ["kluis.retention.v2", "fiscal_year_end \(policy.controller.fiscalYearEnd.month)-\(policy.controller.fiscalYearEnd.day)"]
        for purpose in policy.purposes.sorted(by: { $0.id < $1.id }) {
            let rule = purpose.retention
            let overrides = rule.categoryTerms.sorted { $0.key < $1.key }.map { "\($0.key)=\(Self.describe($0.value))" }
            lines.append([
                purpose.id, purpose.legalBasis.kind.rawValue, String(purpose.directMarketing),
                purpose.categories.sorted().joined(separator: ","), Self.describe(rule.terms),
                "from " + purpose.appliesFrom.joined(separator: ","), "until " + purpose.appliesUntil.joined(separator: ","),
                rule.holds.map { "\($0.id)>\($0.releasedBy)" }.joined(separator: ","), overrides.joined(separator: ","),
            ].joined(separator: " "))
        }
        return SHA256.hash(data: Data(lines.joined(separator: "\n").utf8)).hexString
    }

    private static func describe(_ terms: RetentionRule.Terms) -> String {
        "\(terms.anchor) \(terms.duration) \(terms.then.rawValue) \(terms.atMost.map { "at_most \($0)" } ?? "")"
    }
}
