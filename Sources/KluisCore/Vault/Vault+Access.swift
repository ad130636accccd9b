import Foundation

/// The access package (art. 15): everything the vault holds of a person and every fact about its
/// processing, opened for the person themselves rather than for a purpose.
extension Vault {
    /// The access package of a verified access request, in `language`. Audited as an export.
    public func accessPackage(for id: RequestID, in language: Language? = nil, by principal: Principal) async throws -> AccessPackage {
        let (request, snapshot) = try await exportable(id, type: .access)
        return try await accessPackage(of: snapshot, answering: request.id, in: language, by: principal, reason: "\(id) access")
    }

    func accessPackage(of snapshot: SubjectSnapshot, answering requestID: RequestID?, in language: Language?,
                               by principal: Principal, reason: String) async throws -> AccessPackage {
        let now = now()
        let language = language ?? policy.info.languages[0]
        let say = Phrases(language)
        let state = snapshot.state
        let history = try await history(of: snapshot.subject)
        let keyNames = try await actorNames(in: history)
        let held = Set(snapshot.records.map(\.category))
        let categories = policy.categories.filter { held.contains($0.id) }
        let data = try categoryData(of: snapshot, in: language)
        // Only the purposes that apply to this person, and why.
        let purposes = gate.applicability.applications(state).compactMap { application -> AccessPackage.PurposeFacts? in
            guard let purpose = policy.purpose(application.purpose) else { return nil }
            return AccessPackage.PurposeFacts(purpose: purpose.id, name: purpose.name.text(in: language),
                                              legalBasis: say.legalBasisInFull(purpose.legalBasis),
                                              categories: purpose.categories.filter(held.contains), since: application.since,
                                              reasons: application.reasons.map(\.description), groups: purpose.subjects)
        }
        let disclosures = history.filter { $0.entry.action == .disclosure }.compactMap { event -> AccessPackage.Disclosure? in
            guard let recipient = event.entry.reason.flatMap(policy.recipient) else { return nil }
            return AccessPackage.Disclosure(recipient: recipient.id, name: recipient.name.text(in: language), country: recipient.country,
                                            purpose: event.entry.purpose, categories: event.entry.categories, time: event.entry.time)
        }
        let purposeIDs = Set(purposes.map(\.purpose))
        let recipients = policy.recipients.filter { !Set($0.purposes).isDisjoint(with: purposeIDs) }
        let retention = categories.map { category in
            AccessPackage.RetentionFacts(category: category.id,
                                         rules: policy.purposes(using: category.id).filter { purposeIDs.contains($0.id) }
                                             .map { "\($0.name.text(in: language)): \(say.retention($0.retention(for: category.id)))" },
                                         eraseBy: eraseBy(category.id, in: snapshot))
        }
        let rightsSection = StatementBuilder(policy: policy, language: language).rights()
        let rights = rightsSection.blocks.flatMap { block -> [String] in
            if case .bullets(let items) = block { return items.map { $0.map(\.plainText).joined() } }
            return []
        }
        let ledger = state.consents
        let consents = policy.purposes.filter { $0.legalBasis.kind == .consent || gate.mayObject(to: $0) }.map { purpose in
            AccessPackage.ConsentFacts(purpose: purpose.id,
                                       status: purpose.legalBasis.kind == .consent
                                           ? ledger.status(of: purpose.id, purposeHash: gate.terms.purposeHashes[purpose.id] ?? "").rawValue
                                           : "not_applicable",
                                       objected: ledger.isObjected(purpose.id))
        }
        let accessHistory = accessEvents(history.filter { Self.accessActions.contains($0.entry.action) }, names: keyNames)
        let package = AccessPackage(
            request: requestID, subject: snapshot.subject, generatedAt: now, controller: policy.controller.name,
            policyVersion: policy.info.version, processed: !snapshot.records.isEmpty, data: data, purposes: purposes,
            disclosures: disclosures,
            recipients: recipients.map {
                AccessPackage.RecipientFacts(recipient: $0.id, name: $0.name.text(in: language), role: $0.role, country: $0.country,
                                             purposes: $0.purposes.filter(purposeIDs.contains))
            },
            retention: retention,
            sources: categories.compactMap { category in
                guard category.origin != .provided else { return nil }
                return AccessPackage.SourceFacts(category: category.id, origin: category.origin,
                                                 source: category.source?.text(in: language) ?? say.origin(category.origin))
            },
            rights: AccessPackage.RightsFacts(rights: rights, contact: policy.requestContact,
                                              authority: policy.controller.supervisoryAuthority.name,
                                              authorityURL: policy.controller.supervisoryAuthority.url),
            automatedDecisions: policy.automatedDecisions.filter { purposeIDs.contains($0.purpose) }.map {
                AccessPackage.AutomatedDecisionFacts(purpose: $0.purpose, description: $0.description.text(in: language),
                                                     logic: $0.logic.text(in: language), consequences: $0.consequences.text(in: language))
            },
            transfers: recipients.filter(\.isOutsideEEA).map {
                AccessPackage.TransferFacts(recipient: $0.id, country: $0.country, safeguard: say.transfer($0.transfer, country: $0.country))
            },
            consents: consents, restrictions: snapshot.restrictions, accessHistory: accessHistory,
            breaches: try await breaches.told(snapshot.subject).map { told in
                AccessPackage.BreachFacts(breach: told.breach.id, toldAt: told.notice.toldAt, summary: told.breach.summary,
                                          consequences: told.breach.consequences,
                                          measures: [told.breach.measuresTaken, told.breach.measuresPlanned].compactMap { $0 }.joined(separator: " "))
            })
        try await audit(AuditEntry(time: now, actor: principal.id, action: .export, subject: snapshot.subject,
                                   categories: data.map(\.category), reason: reason))
        return package
    }

    /// The snapshot's records opened, by category in policy order; other people's parts of shared
    /// records are left out (15(4)).
    func categoryData(of snapshot: SubjectSnapshot, in language: Language) throws -> [AccessPackage.CategoryData] {
        let records = try open(snapshot.records, of: snapshot)
        let held = Set(snapshot.records.map(\.category))
        return policy.categories.filter { held.contains($0.id) }.map { category in
            let exported = records.filter { $0.category == category.id }.map { redacted($0, holder: snapshot.subject, language: language) }
            let redactedFields = Set(exported.flatMap { $0.redacted?.flatMap(\.fields) ?? [] })
            return AccessPackage.CategoryData(
                category: category.id, name: category.name.text(in: language), taxonomy: category.taxonomy, origin: category.origin,
                records: exported, redactedFields: category.fields.filter(redactedFields.contains))
        }
    }

    /// When the last record of `category` goes: the latest erase-by date of its records, worked
    /// out as the next sweep will (stored dates are computed again when the policy changed);
    /// `nil` while any of them has none.
    func eraseBy(_ category: String, in snapshot: SubjectSnapshot) -> Date? {
        let state = snapshot.state
        let fieldDate = fieldDates(of: snapshot)
        let standing = planner.standing(of: snapshot.records, state: state, fieldDate: fieldDate)
        var latest: Date?
        for record in snapshot.records where record.category == category {
            let schedule = planner.schedule(of: record, state: state, standing: standing) { fieldDate(record, $0) }
            guard let eraseBy = schedule.eraseBy else { return nil }
            latest = max(latest ?? eraseBy, eraseBy)
        }
        return latest
    }

    /// A verified access or portability request and its subject's data, ready to export.
    func exportable(_ id: RequestID, type: RequestType) async throws -> (DataSubjectRequest, SubjectSnapshot) {
        let request = try await requests.storedRequest(id)
        guard request.type == type else {
            throw VaultError(.requestInvalid, "request \(id) is a \(request.type.rawValue) request, not \(type.rawValue)")
        }
        guard [.inProgress, .extended, .fulfilled].contains(request.state) else {
            throw VaultError(.requestStateInvalid, "request \(id) is \(request.state.rawValue.replacingOccurrences(of: "_", with: " ")): its package can be made once the identity is verified")
        }
        guard let subject = request.subject else {
            throw VaultError(.subjectNotFound, "request \(id) matches no subject: no data is held")
        }
        guard request.identity != nil else {
            throw VaultError(.identityUnverified, "request \(id) has no verified identity yet")
        }
        guard let snapshot = try await store.snapshot(of: subject) else {
            throw VaultError(.subjectNotFound, "the subject of request \(id) holds no data any more")
        }
        return (request, snapshot)
    }

    /// `records` of the snapshot's subject, opened, in category and creation order.
    func open(_ records: [SealedRecord], of snapshot: SubjectSnapshot) throws -> [PlainRecord] {
        var keySet = DataKeySet(subject: snapshot.subject, ring: keys, stored: snapshot.dataKeys)
        return try records.sorted { ($0.category, $0.createdAt, $0.id.rawValue) < ($1.category, $1.createdAt, $1.id.rawValue) }
            .map { try open($0, with: &keySet) }
    }
}

/// The portability package (art. 20).
extension Vault {
    /// The portability package of a verified portability request. Audited as an export.
    public func portabilityPackage(for id: RequestID, by principal: Principal) async throws -> PortabilityPackage {
        let (request, snapshot) = try await exportable(id, type: .portability)
        return try await portabilityPackage(of: snapshot, answering: request.id, by: principal, reason: "\(id) portability")
    }

    func portabilityPackage(of snapshot: SubjectSnapshot, answering requestID: RequestID?, by principal: Principal,
                                    reason: String) async throws -> PortabilityPackage {
        let now = now()
        // Data the person provided (or whose activity was observed), processed on consent or a
        // contract that applies to them.
        let applying = gate.applicability.since(snapshot.state)
        let portable = Set(policy.categories.filter { category in
            [.provided, .observed].contains(category.origin)
                && policy.purposes(using: category.id).contains { applying[$0.id] != nil && [.consent, .contract].contains($0.legalBasis.kind) }
        }.map(\.id))
        let records = try open(snapshot.records.filter { portable.contains($0.category) }, of: snapshot)
        let categories = policy.categories.filter { category in records.contains { $0.category == category.id } }.map { category in
            PortabilityPackage.Category(category: category.id, taxonomy: category.taxonomy, origin: category.origin,
                                        records: records.filter { $0.category == category.id }.map {
                                            redacted($0, holder: snapshot.subject, language: policy.info.languages[0])
                                        })
        }
        try await audit(AuditEntry(time: now, actor: principal.id, action: .export, subject: snapshot.subject,
                                   categories: categories.map(\.category), reason: reason))
        return PortabilityPackage(request: requestID, subject: snapshot.subject, generatedAt: now,
                                  controller: policy.controller.name, categories: categories)
    }
}

/// Who used a person's data, and why: the audit log as the person may read it.
extension Vault {
    /// The actions that use a person's data, in an access package's history.
    static let accessActions: Set<AuditAction> = [.read, .export, .disclosure, .lookup, .write, .erasure, .restriction]

    /// The names of the actors in `history`: API keys by their name, the command line as
    /// `operator`; anyone else (a person, the privacy center) by their id.
    func actorNames(in history: [AuditEvent]) async throws -> [String: String] {
        var names: [String: String] = ["cli": "operator"]
        for actor in Set(history.map(\.entry.actor)) where names[actor] == nil && actor.hasPrefix("key_") {
            names[actor] = try await storedAPIKey(id: actor)?.name ?? actor
        }
        return names
    }

    func accessEvents(_ history: [AuditEvent], names: [String: String]) -> [AccessPackage.AccessEvent] {
        history.map {
            AccessPackage.AccessEvent(time: $0.entry.time, actor: names[$0.entry.actor] ?? $0.entry.actor, action: $0.entry.action,
                                      purpose: $0.entry.purpose, categories: $0.entry.categories, outcome: $0.entry.outcome,
                                      reason: $0.entry.breakGlass || $0.entry.action == .disclosure ? $0.entry.reason : nil,
                                      breakGlass: $0.entry.breakGlass)
        }
    }
}
