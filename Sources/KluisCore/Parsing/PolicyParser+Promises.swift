/// Reading the promises: rights, minors, automated decisions, security, breaches, changes.
extension PolicyParser {
    func readRights(_ cursor: NodeCursor) -> RightsPolicy? {
        guard let fields = cursor.fields(["answer_within", "contact", "identity_checks", "self_service"]) else {
            return nil
        }
        let defaults = RightsPolicy()
        let answer = fields.optional("answer_within").map { $0.duration() } ?? defaults.answerWithin
        let contact = fields.optional("contact").flatMap(readEmail)
        let checks = fields.optional("identity_checks")?.list { $0.choice(IdentityCheck.self) }
        let selfService = fields.optional("self_service")?.text()
        guard let answer else { return nil }
        return RightsPolicy(answerWithin: answer, contact: contact,
                            identityChecks: checks ?? defaults.identityChecks, selfService: selfService)
    }

    func readMinors(_ cursor: NodeCursor) -> MinorsPolicy? {
        guard let fields = cursor.fields(["minimum_age", "below_minimum"]) else { return nil }
        let age = fields.required("minimum_age")?.int()
        let below = fields.required("below_minimum")?.choice(MinorsPolicy.Below.self)
        guard let age, let below else { return nil }
        return MinorsPolicy(minimumAge: age, belowMinimum: below)
    }

    func readAutomatedDecision(_ cursor: NodeCursor) -> AutomatedDecision? {
        guard let fields = cursor.fields(["id", "purpose", "description", "logic", "consequences"]) else {
            return nil
        }
        let id = fields.required("id")?.id()
        let purpose = fields.required("purpose")?.id()
        let description = fields.required("description")?.text()
        let logic = fields.required("logic")?.text()
        let consequences = fields.required("consequences")?.text()
        guard let id, let purpose, let description, let logic, let consequences else { return nil }
        return AutomatedDecision(id: id, purpose: purpose, description: description, logic: logic,
                                 consequences: consequences)
    }

    func readSecurity(_ cursor: NodeCursor) -> SecurityPolicy? {
        guard let fields = cursor.fields(["measures"]) else { return nil }
        let measures = fields.optional("measures")?.list { $0.text() } ?? []
        return SecurityPolicy(measures: measures)
    }

    func readLogs(_ cursor: NodeCursor) -> LogRetention? {
        guard let fields = cursor.fields(["audit", "requests"]) else { return nil }
        let audit = fields.optional("audit").map { $0.duration() }
        let requests = fields.optional("requests").map { $0.duration() }
        if case .some(nil) = audit { return nil }
        if case .some(nil) = requests { return nil }
        return LogRetention(audit: audit ?? nil, requests: requests ?? nil)
    }

    func readBreaches(_ cursor: NodeCursor) -> BreachPolicy? {
        guard let fields = cursor.fields(["notify_authority_within", "report_to", "remind_at"]) else { return nil }
        let defaults = BreachPolicy()
        let window = fields.optional("notify_authority_within").map { $0.duration() }
            ?? defaults.notifyAuthorityWithin
        let reportTo = fields.optional("report_to").flatMap(readEmail)
        // An unreadable entry is reported where it is and left out.
        let reminders = fields.optional("remind_at")?.list { $0.duration() }
        guard let window else { return nil }
        return BreachPolicy(notifyAuthorityWithin: window, reportTo: reportTo,
                            remindAt: reminders ?? defaults.remindAt.filter { ($0.exactSeconds ?? 0) < (window.exactSeconds ?? 0) })
    }

    func readChanges(_ cursor: NodeCursor) -> ChangePolicy? {
        guard let fields = cursor.fields(["announcement"]) else { return nil }
        guard let announcement = fields.required("announcement")?.text() else { return nil }
        return ChangePolicy(announcement: announcement)
    }
}
