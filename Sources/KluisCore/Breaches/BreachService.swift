import Foundation

/// The breach register (arts. 33-34): breaches opened (as a draft or at once), amended,
/// notified to the authority in phases, withdrawn or closed, each step audited. A capability
/// service over the vault's kernel and the store's breach role, reached as `vault.breaches`.
public struct BreachService: Sendable {
    let vault: Vault
    var store: any BreachStore { vault.store }

    /// The clock of this policy's promise (72 hours at most).
    public var clock: BreachClock { BreachClock(policy: vault.policy.breaches) }
}

extension Vault {
    /// The breach register.
    public var breaches: BreachService { BreachService(vault: self) }
}

/// What is known of a breach when it is opened, or amended.
public struct BreachReport: Sendable, Hashable {
    public var summary: String
    public var incident: Breach.Incident
    public var nature: [Breach.Nature]
    public var timeline: Breach.Timeline
    public var reporter: Breach.Contact
    public var contact: Breach.Contact?
    public var processors: [String]
    public var dataKinds: [Breach.DataKind]
    public var categories: [String]
    public var records: Breach.Range?
    public var people: Breach.Range?
    public var groups: [String]
    public var encrypted: Bool?
    public var priorMeasures: String?
    public var consequences: String?
    public var measuresTaken: String?
    public var measuresPlanned: String?
    public var crossBorder: String?
    public var attachments: [String]

    public init(summary: String, incident: Breach.Incident, nature: [Breach.Nature], timeline: Breach.Timeline, reporter: Breach.Contact,
                contact: Breach.Contact? = nil, processors: [String] = [], dataKinds: [Breach.DataKind] = [], categories: [String] = [],
                records: Breach.Range? = nil, people: Breach.Range? = nil, groups: [String] = [], encrypted: Bool? = nil,
                priorMeasures: String? = nil, consequences: String? = nil, measuresTaken: String? = nil, measuresPlanned: String? = nil,
                crossBorder: String? = nil, attachments: [String] = []) {
        self.summary = summary
        self.incident = incident
        self.nature = nature
        self.timeline = timeline
        self.reporter = reporter
        self.contact = contact
        self.processors = processors
        self.dataKinds = dataKinds
        self.categories = categories
        self.records = records
        self.people = people
        self.groups = groups
        self.encrypted = encrypted
        self.priorMeasures = priorMeasures
        self.consequences = consequences
        self.measuresTaken = measuresTaken
        self.measuresPlanned = measuresPlanned
        self.crossBorder = crossBorder
        self.attachments = attachments
    }
}

extension BreachService {
    /// Every breach, the latest awareness first.
    public func all() async throws -> [Breach] {
        try await store.breaches()
    }

    /// The breach `id`, or `breach.not_found`.
    public func breach(_ id: String) async throws -> Breach {
        guard let breach = try await store.breach(id: id) else {
            throw VaultError(.breachNotFound, "there is no breach '\(id.prefix(64))'")
        }
        return breach
    }

    /// Opens a breach in the register, as a draft while it is being written up; the clock runs
    /// from awareness either way.
    public func open(_ report: BreachReport, draft: Bool = false, by principal: Principal) async throws -> Breach {
        try requireAdmin(principal)
        let now = vault.now()
        var breach = Breach(id: "brc_" + String(OpaqueID.generate(prefix: "").prefix(16)), state: draft ? .draft : .open, summary: "",
                            incident: report.incident, nature: [], timeline: report.timeline, reporter: report.reporter, contact: nil,
                            processors: [], dataKinds: [], categories: [], records: nil, people: nil, groups: [], encrypted: nil,
                            priorMeasures: nil, consequences: nil, measuresTaken: nil, measuresPlanned: nil, crossBorder: nil,
                            attachments: [], notifications: [], createdAt: now, updatedAt: now)
        try apply(report, to: &breach)
        try await vault.committer.commit([.putBreach(breach, replacing: nil)], audit: [
            AuditEntry(time: now, actor: principal.id, action: .breach, reason: "\(breach.id) opened\(draft ? " as a draft" : "")"),
        ])
        return breach
    }

    /// Replaces what is known of the breach; a draft becomes open with `open`. With
    /// `filledInFrom`, the ``Breach/reportFingerprint``s of the versions of the breach the report
    /// may have been written from (a form filled in from it, the `ETag`s an API client read),
    /// nothing is stored when the breach is at none of them: another amendment came in between,
    /// and the report would undo it unseen.
    @discardableResult
    public func amend(_ id: String, with report: BreachReport, open: Bool = false, filledInFrom fingerprints: Set<String>? = nil,
                      by principal: Principal) async throws -> Breach {
        try requireAdmin(principal)
        return try await update(id, step: "amended", by: principal) { breach throws(VaultError) in
            guard breach.state == .draft || breach.state == .open else {
                throw VaultError(.inputInvalid, "breach \(id) is \(breach.state.rawValue): it can no longer be amended")
            }
            if let fingerprints, !fingerprints.contains(breach.reportFingerprint) {
                throw VaultError(.breachChanged, "breach \(id) was amended by someone else after this report was filled in: nothing was saved; check what it holds now and save again")
            }
            try apply(report, to: &breach)
            if open { breach.state = .open }
        }
    }

    /// Records a notification to the authority. The first one later than the clock allows
    /// needs the reason for the delay (art. 33(1)); a follow-up or a withdrawal comes after a
    /// first. A withdrawal of the notification leaves the breach in the register.
    @discardableResult
    public func recordNotification(_ id: String, phase: Breach.Notification.Phase, at time: Date? = nil, reference: String? = nil,
                                   lateReason: String? = nil, by principal: Principal) async throws -> Breach {
        try requireAdmin(principal)
        let now = vault.now()
        let sentAt = try time.map { t throws(VaultError) in try PlausibleTime.checked(t, field: "sent_at") } ?? now
        guard sentAt <= now else { throw VaultError(.inputInvalid, "a notification cannot have been sent in the future") }
        let reason = try BreachText.checkedIfGiven(lateReason, field: "late_reason")
        let reference = try BreachText.checkedIfGiven(reference, field: "reference")
        return try await update(id, step: "notified (\(phase.rawValue))", by: principal) { breach throws(VaultError) in
            guard sentAt >= breach.timeline.awareAt else {
                throw VaultError(.inputInvalid, "a notification cannot come before the breach was known (aware at)")
            }
            let hasFirst = breach.notifications.contains { $0.phase == .first }
            switch phase {
            case .first:
                guard !hasFirst else { throw VaultError(.inputInvalid, "breach \(id) was notified already: record a follow-up") }
                if clock.isLate(breach, notifiedAt: sentAt), reason == nil {
                    throw VaultError(.inputInvalid, "the notification is more than \(clock.hours) hours after awareness: give the reason for the delay (art. 33(1))")
                }
            case .followUp, .withdrawal:
                guard hasFirst else { throw VaultError(.inputInvalid, "breach \(id) has no first notification yet") }
            }
            breach.notifications.append(Breach.Notification(phase: phase, sentAt: sentAt, reference: reference, lateReason: reason, by: principal.id))
            if breach.state == .draft { breach.state = .open }
        }
    }

    /// Closes the breach: it stays in the register.
    @discardableResult
    public func close(_ id: String, by principal: Principal) async throws -> Breach {
        try await setState(.closed, of: id, by: principal)
    }

    /// Withdraws the breach, found not to be one; it stays in the register with the reason.
    @discardableResult
    public func withdraw(_ id: String, reason: String, by principal: Principal) async throws -> Breach {
        let reason = try BreachText.checked(reason, field: "reason")
        return try await setState(.withdrawn, of: id, step: "withdrawn: \(reason)", by: principal)
    }

    private func setState(_ state: Breach.State, of id: String, step: String? = nil, by principal: Principal) async throws -> Breach {
        try requireAdmin(principal)
        return try await update(id, step: step ?? state.rawValue, by: principal) { breach throws(VaultError) in
            guard breach.isActive else {
                throw VaultError(.inputInvalid, "breach \(id) is \(breach.state.rawValue) already")
            }
            breach.state = state
        }
    }

    /// Reads the breach, changes it and stores it, audited as `step`; nothing is stored when
    /// `change` throws. When another step was stored in between (a reminder sent while staff
    /// amend it), the breach is read again and `change` applied to it anew.
    func update(_ id: String, step: String, by principal: Principal,
                _ change: (inout Breach) throws(VaultError) -> Void) async throws -> Breach {
        try await retryingConflicts {
            let read = try await breach(id)
            var breach = read
            try change(&breach)
            let now = vault.now()
            breach.updatedAt = now
            try await vault.committer.commit([.putBreach(breach, replacing: read)], audit: [
                AuditEntry(time: now, actor: principal.id, action: .breach, reason: "\(breach.id) \(step)"),
            ])
            return breach
        }
    }

    func requireAdmin(_ principal: Principal) throws(VaultError) {
        guard principal.isAdmin else { throw VaultError(.forbidden, "only an admin may keep the breach register") }
    }

    /// Checks `report` and writes it into `breach`: times plausible and in order, counts
    /// sensible, categories the policy's (their kinds of data added to those named), texts
    /// without personal data.
    private func apply(_ report: BreachReport, to breach: inout Breach) throws(VaultError) {
        let timeline = report.timeline
        for (time, field) in [(timeline.startedAt, "started_at"), (timeline.endedAt, "ended_at"), (timeline.discoveredAt, "discovered_at"),
                              (timeline.awareAt, "aware_at"), (timeline.processorToldAt, "processor_told_at")] {
            if let time { _ = try PlausibleTime.checked(time, field: field) }
        }
        guard timeline.awareAt >= timeline.discoveredAt else {
            throw VaultError(.inputInvalid, "'aware_at' cannot come before 'discovered_at': awareness follows the discovery")
        }
        if let started = timeline.startedAt, started > timeline.discoveredAt {
            throw VaultError(.inputInvalid, "'started_at' cannot come after 'discovered_at'")
        }
        if let started = timeline.startedAt, let ended = timeline.endedAt, ended < started {
            throw VaultError(.inputInvalid, "'ended_at' cannot come before 'started_at'")
        }
        for range in [report.records, report.people].compactMap({ $0 }) where range.minimum < 0 || range.maximum < range.minimum {
            throw VaultError(.inputInvalid, "a number of records or people needs 0 <= minimum <= maximum")
        }
        for category in report.categories where vault.policy.category(category) == nil {
            throw VaultError(.categoryUnknown, "'\(category)' is not a category of the policy")
        }
        breach.summary = try BreachText.checked(report.summary, field: "summary")
        breach.incident = report.incident
        breach.nature = report.nature
        breach.timeline = timeline
        breach.reporter = try Self.checked(report.reporter, field: "reporter")
        breach.contact = try report.contact.map { contact throws(VaultError) in try Self.checked(contact, field: "contact") }
        breach.processors = try report.processors.map { name throws(VaultError) in try BreachText.checked(name, field: "processors", maximumLength: 200) }
        // The kinds named, and those of the categories named, in the form's order.
        let mapped = Set(report.dataKinds + report.categories.compactMap(vault.policy.category).flatMap(Breach.DataKind.kinds))
        breach.dataKinds = Breach.DataKind.allCases.filter(mapped.contains)
        breach.categories = report.categories
        breach.records = report.records
        breach.people = report.people
        breach.groups = try report.groups.map { group throws(VaultError) in try BreachText.checked(group, field: "groups", maximumLength: 200) }
        breach.encrypted = report.encrypted
        breach.priorMeasures = try BreachText.checkedIfGiven(report.priorMeasures, field: "prior_measures")
        breach.consequences = try BreachText.checkedIfGiven(report.consequences, field: "consequences")
        breach.measuresTaken = try BreachText.checkedIfGiven(report.measuresTaken, field: "measures_taken")
        breach.measuresPlanned = try BreachText.checkedIfGiven(report.measuresPlanned, field: "measures_planned")
        breach.crossBorder = try BreachText.checkedIfGiven(report.crossBorder, field: "cross_border")
        breach.attachments = try report.attachments.map { reference throws(VaultError) in
            try BreachText.checked(reference, field: "attachments", maximumLength: 500)
        }
    }

    /// The reporter's or contact's details: a person's, as the AP's form asks; no BSN.
    private static func checked(_ contact: Breach.Contact, field: String) throws(VaultError) -> Breach.Contact {
        Breach.Contact(name: try FreeText.checked(contact.name, field: "\(field).name", maximumLength: 200),
                       jobTitle: try FreeText.checked(contact.jobTitle, field: "\(field).job_title", maximumLength: 200),
                       phone: try FreeText.checked(contact.phone, field: "\(field).phone", maximumLength: 50),
                       email: try contact.email.map { email throws(VaultError) in try FreeText.checked(email, field: "\(field).email", maximumLength: 200) })
    }
}
