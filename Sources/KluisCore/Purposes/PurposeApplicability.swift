import Foundation

/// Works out which purposes apply to a person, from the person's history alone: the data
/// collected for a purpose, consent given to it, and the lifecycle events the policy says make
/// it apply (`applies_from`) or end it (`applies_until`). A pure function of policy and state.
public struct PurposeApplicability: Sendable {
    public let policy: Policy

    public init(policy: Policy) {
        self.policy = policy
    }

    /// Every purpose that applies to the person, in policy order.
    public func applications(_ state: SubjectState) -> [PurposeApplication] {
        policy.purposes.compactMap { application(of: $0, state: state) }
    }

    /// The ids of the purposes that apply to the person, each with the moment it came to apply.
    public func since(_ state: SubjectState) -> [String: Date] {
        Dictionary(uniqueKeysWithValues: applications(state).map { ($0.purpose, $0.since) })
    }

    /// Whether `purpose` applies to the person.
    public func applies(_ purpose: Purpose, state: SubjectState) -> Bool {
        application(of: purpose, state: state) != nil
    }

    /// Since when and why `purpose` applies to the person; `nil` when it does not.
    public func application(of purpose: Purpose, state: SubjectState) -> PurposeApplication? {
        // Each reason with the moment it began and the latest moment it was renewed.
        var starts: [(reason: PurposeApplication.Reason, first: Date, latest: Date)] = []
        if purpose.legalBasis.kind == .consent {
            // Only consent makes a purpose on consent apply; data collected for it does not.
            let given = state.consents.events.filter { $0.purpose == purpose.id && [.given, .renewed].contains($0.kind) }
            if let first = given.first, let last = given.last {
                starts.append((.consent, first.time, last.time))
            }
        } else {
            if let collected = state.collections[purpose.id] {
                starts.append((.collected, collected.first, collected.latest))
            }
            // Data written before purposes were recorded counts as collected for every purpose of
            // its category not resting on consent, as all of them held it then: an upgrade never
            // removes more than the policy removed before it.
            if let inherited = purpose.categories.compactMap({ state.uncollected[$0] }).min() {
                starts.append((.inherited, inherited, inherited))
            }
        }
        for name in purpose.appliesFrom {
            if let time = state.events[name] { starts.append((.event(name), time, time)) }
        }
        // An `applies_until` event ends every reason that began before it.
        if let ended = purpose.appliesUntil.compactMap({ state.events[$0] }).max() {
            starts = starts.compactMap { start in
                guard start.latest > ended else { return nil }
                return (start.reason, start.first > ended ? start.first : start.latest, start.latest)
            }
        }
        guard let since = starts.map(\.first).min() else { return nil }
        return PurposeApplication(purpose: purpose.id, since: since, reasons: starts.map(\.reason).sorted())
    }

    /// The subject groups (`subjects:` of the policy) the person belongs to: those of the
    /// purposes that apply to them.
    public func groups(_ state: SubjectState) -> [String] {
        let applying = Set(applications(state).map(\.purpose))
        let groups = Set(policy.purposes.filter { applying.contains($0.id) }.flatMap(\.subjects))
        return policy.subjects.map(\.id).filter(groups.contains)
    }
}
