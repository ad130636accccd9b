import Foundation

/// What the vault holds on one person, without a single value: per category the records, what
/// each was collected for, until when it is kept and for which purpose (or why it has no date);
/// the purposes that apply to them, since when and why; their consents and objections, events,
/// legal holds in force and restrictions. What a desk looks at before it opens anything.
public struct PersonFile: Sendable, Hashable {
    public struct Record: Sendable, Hashable {
        public var id: RecordID
        public var category: String
        public var createdAt: Date
        public var updatedAt: Date
        public var collectedFor: String?
        /// When it goes; `nil` while something keeps it without a date.
        public var eraseBy: Date?
        /// The purpose whose term decides the date.
        public var keptFor: String?
        /// Why there is no date: a hold, a restriction, an event awaited.
        public var undated: UndatedReason?
    }

    public var subject: SubjectID
    public var createdAt: Date
    /// The kinds of identifier the person is known by (e-mail, phone, …), not their values.
    public var identifierKinds: [String]
    public var records: [Record]
    public var purposes: [PurposeApplication]
    /// The latest consent decision and objection per purpose, oldest first.
    public var consents: [ConsentEvent]
    public var events: [String: Date]
    /// The legal holds of the policy in force, with when each was placed.
    public var holds: [String: Date]
    public var restrictions: [Restriction]
}

extension Vault {
    /// The person's file without values, for staff (an admin). Audited as a read of the
    /// categories held, with no purpose: it opens nothing.
    public func personFile(of subject: SubjectID, by principal: Principal) async throws -> PersonFile {
        guard principal.isAdmin else { throw VaultError(.forbidden, "only an admin may open a person's file") }
        guard let snapshot = try await store.snapshot(of: subject) else {
            throw VaultError(.subjectNotFound, "there is no subject \(subject)")
        }
        let state = snapshot.state
        let fieldDate = fieldDates(of: snapshot)
        let standing = planner.standing(of: snapshot.records, state: state, fieldDate: fieldDate)
        let order = Dictionary(uniqueKeysWithValues: policy.categories.enumerated().map { ($1.id, $0) })
        let records = snapshot.records.sorted { (order[$0.category] ?? 0, $0.createdAt) < (order[$1.category] ?? 0, $1.createdAt) }.map { record in
            let plan = planner.plan(of: record, state: state, standing: standing) { fieldDate(record, $0) }
            return PersonFile.Record(id: record.id, category: record.category, createdAt: record.createdAt, updatedAt: record.updatedAt,
                                     collectedFor: record.collectedFor, eraseBy: plan.schedule.eraseBy, keptFor: plan.schedule.purpose,
                                     undated: plan.undated)
        }
        var holds: [String: Date] = [:]
        for hold in policy.purposes.flatMap(\.retention.holds) {
            if let placed = state.events[hold.id], (state.events[hold.releasedBy].map { $0 < placed } ?? true) { holds[hold.id] = placed }
        }
        let purposes = Set(state.consents.events.map(\.purpose))
        let consents = purposes.sorted().flatMap { purpose in
            [state.consents.latestConsent(for: purpose), state.consents.latestObjection(for: purpose)].compactMap { $0 }
        }.sorted { $0.time < $1.time }
        try await audit(AuditEntry(time: now(), actor: principal.id, action: .read, subject: subject,
                                   categories: Array(Set(snapshot.records.map(\.category))).sorted(), reason: "file without values"))
        return PersonFile(subject: subject, createdAt: snapshot.createdAt, identifierKinds: Array(Set(snapshot.identifiers.map(\.kind.rawValue))).sorted(),
                          records: records, purposes: gate.applicability.applications(state), consents: consents,
                          events: state.events, holds: holds, restrictions: state.restrictions)
    }

    /// The lifecycle events of this policy anyone may record, sorted: the standard ones and
    /// those the policy's purposes and holds name.
    public var lifecycleEvents: [String] { knownEvents.sorted() }
}
