import Foundation

/// Adding and finding people.
extension Vault {
    /// Adds a person with identifiers and first records; returns their new id.
    public func createSubject(_ subject: NewSubject, by principal: Principal) async throws -> SubjectID {
        try await createSubjects([subject], by: principal)[0]
    }

    /// Adds many people in one transaction, for imports: all or none.
    public func createSubjects(_ subjects: [NewSubject], by principal: Principal) async throws -> [SubjectID] {
        try await commit(prepareSubjects(subjects, by: principal))
    }

    /// Writes what ``prepareSubjects(_:by:)`` made, in one transaction with its audit events.
    func commit(_ prepared: PreparedSubjects) async throws -> [SubjectID] {
        try await committer.commit(prepared.changes, audit: prepared.entries)
        return prepared.ids
    }

    /// Checks, seals and blind-indexes `subjects`, and plans their retention, without writing:
    /// the work of an import that needs no transaction, so it can run while another commits.
    func prepareSubjects(_ subjects: [NewSubject], by principal: Principal) async throws -> PreparedSubjects {
        var changes: [StoreChange] = []
        var entries: [AuditEntry] = []
        var ids: [SubjectID] = []
        var seenIndexes: Set<Data> = []
        var references: Set<SubjectID> = []
        let now = now()
        changes.reserveCapacity(subjects.count * 4)
        for new in subjects {
            let id = SubjectID.generate()
            var keySet = DataKeySet(subject: id, ring: keys, stored: [])
            changes.append(.createSubject(id, createdAt: now))
            if let language = new.language { changes.append(.setLanguage(id, language)) }
            var identityKinds: Set<SubjectIdentifier.Kind> = []
            for identifier in new.identifiers {
                guard identityKinds.insert(identifier.kind).inserted else {
                    throw VaultError(.identifierInvalid, "a subject has at most one identifier of each kind; \(identifier.kind.rawValue) is given twice")
                }
                let index = keys.blindIndex(identifier)
                guard seenIndexes.insert(index).inserted else {
                    throw VaultError(.identifierInUse, "the same \(identifier.kind.rawValue) identifier is given for two subjects")
                }
                // An identifier of an existing subject is refused by the store's unique index in
                // the same transaction: no extra query per identifier on the import path.
                let key = try keySet.key(for: Self.identityCategory)
                let sealed = keys.seal(identifier.value, at: .identifier(identifier.kind, of: id), with: key)
                changes.append(.addIdentifier(StoredIdentifier(subject: id, kind: identifier.kind, blindIndex: index, sealed: sealed,
                                                               tag: keys.identifierTag(kind: identifier.kind, blindIndex: index, subject: id))))
            }
            var categories: [String] = []
            var sealedRecords: [SealedRecord] = []
            var positions: [RecordID: Int] = [:]
            var plain: [RecordID: [String: String]] = [:]
            for record in new.records {
                // Earlier records of this subject count, so a second record of a one-record
                // category replaces the first instead of adding to it.
                let sealed = try seal(record, of: id, existing: sealedRecords, state: SubjectState(), keySet: &keySet, by: principal, now: now)
                if let position = positions[sealed.id] {
                    sealedRecords[position] = sealed
                } else {
                    positions[sealed.id] = sealedRecords.count
                    sealedRecords.append(sealed)
                }
                plain[sealed.id] = record.fields
                references.formUnion(try self.references(in: record, of: id))
                // Each category once: the audit entry names what was collected, not how much.
                if !categories.contains(record.category) { categories.append(record.category) }
            }
            // Scheduled once all are sealed: each record's purpose applies to the person, and
            // may keep the others too.
            let state = SubjectState().collecting(sealedRecords)
            let fieldDate = { (record: SealedRecord, name: String) in
                plain[record.id]?[name].flatMap { CalendarDate(String($0.prefix(10))) }
            }
            let standing = planner.standing(of: sealedRecords, state: state, fieldDate: fieldDate)
            for index in sealedRecords.indices {
                let record = sealedRecords[index]
                sealedRecords[index].schedule = planner.schedule(of: record, state: state, standing: standing) { fieldDate(record, $0) }
            }
            changes += sealedRecords.map(StoreChange.putRecord)
            changes += keySet.created.map(StoreChange.addDataKey)
            entries.append(AuditEntry(time: now, actor: principal.id, action: .createSubject, subject: id,
                                      categories: categories))
            ids.append(id)
        }
        try await requireKnown(references)
        return PreparedSubjects(ids: ids, changes: changes, entries: entries)
    }

    /// Finds a person by identifier, through its blind index.
    public func lookup(_ identifier: SubjectIdentifier, by principal: Principal) async throws -> SubjectID {
        let found: SubjectID?
        do {
            found = try await subject(of: identifier)
        } catch let error as VaultError where error.code == .identifierTampered {
            // Audited without a subject: the row names someone, but not reliably.
            try await audit(AuditEntry(time: now(), actor: principal.id, action: .lookup, categories: [identifier.kind.rawValue],
                                       reason: error.code.rawValue, outcome: .denied))
            throw error
        }
        try await audit(AuditEntry(time: now(), actor: principal.id, action: .lookup, subject: found,
                                   categories: [identifier.kind.rawValue], outcome: found == nil ? .notFound : .allowed))
        guard let found else {
            throw VaultError(.subjectNotFound, "no subject has this \(identifier.kind.rawValue) identifier")
        }
        return found
    }

    /// The subject `identifier` belongs to, `nil` when none; every path that resolves an
    /// identifier goes through here. Refuses a row whose tag does not bind it to the subject it
    /// names (moved to another person in the database) rather than answer with someone else.
    func subject(of identifier: SubjectIdentifier) async throws -> SubjectID? {
        guard let binding = try await store.identifierBinding(kind: identifier.kind, blindIndex: keys.blindIndex(identifier)) else {
            return nil
        }
        guard keys.isBound(binding), let subject = SubjectID(rawValue: binding.subject) else {
            throw VaultError(.identifierTampered, "the stored row of this \(identifier.kind.rawValue) identifier is not bound to the subject it names: it was changed in the database; run 'kluis audit verify'")
        }
        return subject
    }

    /// Records a lifecycle event that starts retention clocks: `contract_end`, `last_contact`,
    /// `account_closed`, a hold id, or a custom event named in the policy.
    public func recordEvent(_ name: String, at time: Date?, for subject: SubjectID, by principal: Principal) async throws {
        guard knownEvents.contains(name) else {
            throw VaultError(.eventInvalid, "'\(name)' is not a lifecycle event of this policy; known: \(knownEvents.sorted().joined(separator: ", "))")
        }
        if let time { _ = try PlausibleTime.checked(time, field: "at") }
        try await recordAnchor(name, at: time, for: subject) { now in
            AuditEntry(time: now, actor: principal.id, action: .event, subject: subject, reason: name)
        }
    }

    /// Records event `name` with the audit entry `audit` makes. An event moves the clocks anchored
    /// on it, so the erase-by dates change with it, in the same transaction.
    func recordAnchor(_ name: String, at time: Date?, for subject: SubjectID, audit: (Date) -> AuditEntry) async throws {
        try await retryingConflicts {
            guard var snapshot = try await store.snapshot(of: subject) else {
                throw VaultError(.subjectNotFound, "there is no subject \(subject)")
            }
            let now = now()
            snapshot.events[name] = time ?? now
            try await committer.commit([.recordEvent(subject: subject, name: name, at: time ?? now)] + rescheduling(snapshot),
                                       audit: [audit(now)])
        }
    }

    /// The events the policy's retention rules, holds and purposes listen to.
    public var knownEvents: Set<String> {
        var names: Set<String> = ["last_contact", "contract_end", "consent_withdrawn", "account_closed"]
        for purpose in policy.purposes {
            names.formUnion(purpose.appliesFrom)
            names.formUnion(purpose.appliesUntil)
            let rules = [purpose.retention.terms] + Array(purpose.retention.categoryTerms.values)
            for terms in rules { if case .event(let name) = terms.anchor { names.insert(name) } }
            for hold in purpose.retention.holds { names.insert(hold.id); names.insert(hold.releasedBy) }
        }
        return names
    }
}

extension Vault {
    /// Records the language the person uses with us (they chose it in the privacy center, or an
    /// application knows it), so that letters reach them in it. Only a language the policy's
    /// texts are written in is kept; another, or the same again, leaves what was known.
    public func setLanguage(_ language: Language, of subject: SubjectID, by principal: Principal) async throws {
        guard policy.info.languages.contains(language), try await store.snapshot(of: subject)?.language != language else { return }
        try await committer.commit([.setLanguage(subject, language)], audit: [
            AuditEntry(time: now(), actor: principal.id, action: .event, subject: subject, reason: "language set to \(language.rawValue)"),
        ])
    }
}
