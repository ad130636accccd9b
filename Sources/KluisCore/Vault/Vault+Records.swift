import Foundation

/// Writing, correcting and reading records.
extension Vault {
    /// The largest field value accepted, in bytes.
    public static let maximumValueSize = 64 * 1024

    /// Writes a record, or corrects one: a category with one record per person replaces it; a
    /// category with many adds a record, or replaces the one `record.id` names. The purpose it is
    /// collected for comes to apply to the person, so every record's erase-by date is computed
    /// again in the same transaction.
    ///
    /// A person (``Principal/person(_:)``) may only correct a record they have, of a category the
    /// policy lets them correct themselves (`correction: self_service`).
    ///
    /// Prepared on the person as read, the write commits only if the data key it sealed under is
    /// still theirs; when a sweep or erasure changed it in between, the write is prepared again.
    @discardableResult
    public func write(_ record: NewRecord, for subject: SubjectID, by principal: Principal) async throws -> RecordID {
        let principal = try writer(principal, of: record, for: subject)
        return try await retryingConflicts { try await write(record, for: subject, as: principal) }
    }

    private func write(_ record: NewRecord, for subject: SubjectID, as principal: Principal) async throws -> RecordID {
        guard let snapshot = try await store.snapshot(of: subject) else {
            throw VaultError(.subjectNotFound, "there is no subject \(subject)")
        }
        let now = now()
        var keySet = DataKeySet(subject: subject, ring: keys, stored: snapshot.dataKeys)
        let sealed = try seal(record, of: subject, existing: snapshot.records, state: snapshot.state, keySet: &keySet, by: principal, now: now)
        try await requireKnown(references(in: record, of: subject))
        var after = snapshot
        after.dataKeys += keySet.created
        after.records.removeAll { $0.category == sealed.category && $0.id == sealed.id }
        after.records.append(sealed)
        try await committer.commit(keySet.created.map(StoreChange.addDataKey) + writing([sealed], into: after), audit: [
            AuditEntry(time: now, actor: principal.id, action: .write, subject: subject, categories: [record.category],
                       purpose: sealed.collectedFor),
        ])
        return sealed.id
    }

    /// Who writes `record`: an application or staff as they are; a person correcting their own
    /// record as one bound to the purposes that use its category, under their own id, so that
    /// the correction keeps what the record was collected for and is audited as theirs.
    private func writer(_ principal: Principal, of record: NewRecord, for subject: SubjectID) throws(VaultError) -> Principal {
        guard principal.isPerson(subject) else { return principal }
        guard let category = policy.category(record.category) else {
            throw VaultError(.categoryUnknown, "'\(record.category)' is not a category of the policy")
        }
        guard category.correction == .selfService else {
            throw VaultError(.forbidden, "'\(category.id)' is corrected only through a rectification request: the policy does not let the person correct it themselves")
        }
        guard record.id != nil, record.purpose == nil else {
            throw VaultError(.forbidden, "a person may correct the records they have, and nothing else")
        }
        return Principal(id: principal.id, purposes: Set(policy.purposes(using: category.id).map(\.id)))
    }

    /// Validates `record` against the policy, the principal and the person's `state`, and seals
    /// it, collected for its purpose. Data for a purpose on consent needs consent in force. Its
    /// erasure schedule is left to the caller, who knows the person's whole state.
    func seal(_ record: NewRecord, of subject: SubjectID, existing: [SealedRecord], state: SubjectState,
              keySet: inout DataKeySet, by principal: Principal, now: Date) throws(VaultError) -> SealedRecord {
        let category = try knownCategory(of: record)
        let previous: SealedRecord?
        switch (category.records, record.id) {
        case (.one, _):
            previous = existing.first { $0.category == category.id }
            if let id = record.id, previous?.id != id {
                throw VaultError(.recordNotFound, "the subject has no record \(id) in '\(category.id)'")
            }
        case (.many, let id?):
            guard let match = existing.first(where: { $0.category == category.id && $0.id == id }) else {
                throw VaultError(.recordNotFound, "the subject has no record \(id) in '\(category.id)'")
            }
            previous = match
        case (.many, nil):
            previous = nil
        }
        let purpose = try collectingPurpose(of: record, category: category, correcting: previous, by: principal)
        try validateFields(of: record, in: category)
        if let purpose, purpose.legalBasis.kind == .consent, let refusal = gate.refusal(of: purpose, state: state) {
            throw Self.error(for: refusal, purpose: purpose.id)
        }
        let id = previous?.id ?? RecordID.generate()
        let key = try keySet.key(for: category.id)
        var sealedFields: [String: Data] = [:]
        for (name, value) in record.fields {
            sealedFields[name] = keys.seal(value, at: FieldAddress(subject: subject, category: category.id, record: id, field: name), with: key)
        }
        let mentions = Set(try references(in: record, of: subject).map(keys.mention(of:)))
        // A correction keeps what the record was first collected for.
        return SealedRecord(subject: subject, category: category.id, id: id, fields: sealedFields,
                            createdAt: previous?.createdAt ?? now, updatedAt: now,
                            collectedFor: previous.map { $0.collectedFor } ?? purpose?.id,
                            mentions: mentions.sorted { $0.lexicographicallyPrecedes($1) })
    }

    /// Checks a record of a new person against the policy and the principal without writing
    /// anything: a known category, collected for a purpose that uses it and that the principal
    /// may collect for (not one on consent: a new person has given none), known fields, values
    /// within the size limit. Returns the purpose.
    @discardableResult
    public func validate(_ record: NewRecord, by principal: Principal) throws(VaultError) -> Purpose {
        let category = try knownCategory(of: record)
        // Without a record to correct, there is always a purpose.
        let purpose = try collectingPurpose(of: record, category: category, correcting: nil, by: principal)!
        try validateFields(of: record, in: category)
        if let refusal = gate.refusal(of: purpose, state: SubjectState()), purpose.legalBasis.kind == .consent {
            throw Self.error(for: refusal, purpose: purpose.id)
        }
        return purpose
    }

    private func knownCategory(of record: NewRecord) throws(VaultError) -> DataCategory {
        guard let category = policy.category(record.category) else {
            throw VaultError(.categoryUnknown, "'\(record.category)' is not a category of the policy")
        }
        return category
    }

    private func validateFields(of record: NewRecord, in category: DataCategory) throws(VaultError) {
        guard !record.fields.isEmpty else {
            throw VaultError(.inputInvalid, "a record of '\(category.id)' needs at least one field")
        }
        for (name, value) in record.fields {
            guard category.fields.contains(name) else {
                throw VaultError(.fieldUnknown, "'\(name)' is not a field of the category '\(category.id)'; its fields are \(category.fields.joined(separator: ", "))")
            }
            guard value.utf8.count <= Self.maximumValueSize else {
                throw VaultError(.inputInvalid, "the value of field '\(name)' is larger than \(Self.maximumValueSize) bytes")
            }
        }
    }

    /// The purpose `record` is collected for: the one it names, which must use the category and
    /// be one the principal is bound to (any, for an admin), or else the only such purpose. A
    /// correction that names none keeps what the record was collected for: `nil`.
    func collectingPurpose(of record: NewRecord, category: DataCategory, correcting previous: SealedRecord?,
                           by principal: Principal) throws(VaultError) -> Purpose? {
        let candidates = policy.purposes(using: category.id).filter { principal.isAdmin || principal.purposes.contains($0.id) }
        guard let named = record.purpose else {
            guard let only = candidates.first else {
                throw VaultError(.purposeNotAllowed, "this key is bound to no purpose that uses the category '\(category.id)'")
            }
            if previous != nil { return nil }
            guard candidates.count == 1 else {
                throw VaultError(.purposeRequired, "say which purpose the '\(category.id)' record is collected for ('purpose'): one of \(candidates.map(\.id).joined(separator: ", "))")
            }
            return only
        }
        guard let purpose = policy.purpose(named) else {
            throw VaultError(.purposeUnknown, "'\(named)' is not a purpose of the policy")
        }
        guard purpose.categories.contains(category.id) else {
            let users = policy.purposes(using: category.id).map(\.id)
            throw VaultError(.purposeCategoryUnused, "the purpose '\(named)' does not use the category '\(category.id)'\(users.isEmpty ? "" : "; it is used by \(users.joined(separator: ", "))")")
        }
        guard candidates.contains(where: { $0.id == named }) else {
            throw VaultError(.purposeNotAllowed, "this key may not collect data for the purpose '\(named)'")
        }
        return purpose
    }

    /// Reads what `purpose` may see of a person. A principal not bound to the purpose is refused,
    /// unless it may break glass and gives a reason; every read and refusal is audited.
    public func read(_ subject: SubjectID, for purposeID: String, by principal: Principal,
                     breakGlassReason: String? = nil) async throws -> PurposeRead {
        guard let purpose = policy.purpose(purposeID) else {
            throw VaultError(.purposeUnknown, "'\(purposeID)' is not a purpose of the policy")
        }
        let breakGlass = !principal.purposes.contains(purpose.id)
        var reason = breakGlassReason?.trimmingCharacters(in: .whitespacesAndNewlines)
        // Checked before anything is audited: the reason is kept in the clear in the audit log.
        if let given = reason, !given.isEmpty { reason = try FreeText.checked(given, field: "break-glass reason") }
        if breakGlass {
            guard let reason, !reason.isEmpty else {
                try await audit(AuditEntry(time: now(), actor: principal.id, action: .read, subject: subject,
                                           purpose: purpose.id, outcome: .denied))
                if principal.mayBreakGlass {
                    throw VaultError(.breakGlassNeedsReason, "this key is not bound to '\(purpose.id)'; a break-glass read needs a written reason")
                }
                throw VaultError(.purposeNotAllowed, "this key may not read for the purpose '\(purpose.id)'")
            }
            guard principal.mayBreakGlass else {
                try await audit(AuditEntry(time: now(), actor: principal.id, action: .read, subject: subject,
                                           purpose: purpose.id, reason: reason, outcome: .denied, breakGlass: true))
                throw VaultError(.breakGlassNotAllowed, "this key may not break glass")
            }
        }
        guard let snapshot = try await store.readSnapshot(of: subject) else {
            try await audit(AuditEntry(time: now(), actor: principal.id, action: .read, subject: subject,
                                       purpose: purpose.id, outcome: .notFound))
            throw VaultError(.subjectNotFound, "there is no subject \(subject)")
        }
        let now = now()
        let state = snapshot.state
        if let refusal = gate.refusal(of: purpose, state: state) {
            let error = Self.error(for: refusal, purpose: purpose.id)
            try await audit(AuditEntry(time: now, actor: principal.id, action: .read, subject: subject, purpose: purpose.id,
                                       reason: error.code.rawValue, outcome: .denied, breakGlass: breakGlass))
            throw error
        }
        var keySet = DataKeySet(subject: subject, ring: keys, stored: snapshot.dataKeys)
        let decision = gate.decide(purpose: purpose, records: snapshot.records, state: state, now: now,
                                   fieldDate: fieldDates(of: snapshot))
        var records: [PlainRecord] = []
        records.reserveCapacity(decision.released.count)
        for sealed in decision.released {
            let record = try open(sealed, with: &keySet)
            records.append(purpose.pseudonymised ? pseudonymised(record, for: purpose) : record)
        }
        let released = Array(Set(records.map(\.category))).sorted()
        let partial = decision.withheld.values.contains(.retentionExpired)
        try await audit(AuditEntry(time: now, actor: principal.id, action: .read, subject: subject,
                                   categories: released, purpose: purpose.id, reason: breakGlass ? reason : nil,
                                   outcome: partial ? .partial : .allowed, breakGlass: breakGlass))
        return PurposeRead(subject: subject, purpose: purpose.id, records: records, withheld: decision.withheld,
                           breakGlass: breakGlass)
    }

    /// What a pseudonymised purpose sees of `record`: each field the category says how to
    /// generalise, generalised (dropped when its value is not of the expected form); every other
    /// field a keyed pseudonym, so that equal values can be counted and linked, never read.
    func pseudonymised(_ record: PlainRecord, for purpose: Purpose) -> PlainRecord {
        let generalisations = policy.category(record.category)?.anonymise ?? [:]
        var fields: [String: String] = [:]
        for (name, value) in record.fields {
            if let generalisation = generalisations[name] {
                fields[name] = generalisation.apply(to: value)
            } else {
                fields[name] = keys.pseudonym(of: value, for: purpose.id)
            }
        }
        return PlainRecord(id: record.id, category: record.category, fields: fields, createdAt: record.createdAt, updatedAt: record.updatedAt)
    }

    /// Opens every field of `sealed` with its subject's key.
    func open(_ sealed: SealedRecord, with keySet: inout DataKeySet) throws -> PlainRecord {
        let key = try keySet.key(for: sealed.category)
        var fields: [String: String] = [:]
        for (name, value) in sealed.fields {
            fields[name] = try keys.open(value, at: FieldAddress(subject: sealed.subject, category: sealed.category, record: sealed.id, field: name), with: key)
        }
        return PlainRecord(id: sealed.id, category: sealed.category, fields: fields, createdAt: sealed.createdAt, updatedAt: sealed.updatedAt)
    }

    /// Reads a record's date field, for retention anchored on one (`field:invoice_date`):
    /// opens just that field.
    func fieldDates(of snapshot: SubjectSnapshot) -> (SealedRecord, String) -> CalendarDate? {
        var keySet = DataKeySet(subject: snapshot.subject, ring: keys, stored: snapshot.dataKeys)
        let ring = keys
        return { record, field in
            guard let sealed = record.fields[field], let key = try? keySet.key(for: record.category),
                  let value = try? ring.open(sealed, at: FieldAddress(subject: record.subject, category: record.category, record: record.id, field: field), with: key)
            else { return nil }
            return CalendarDate(String(value.prefix(10)))
        }
    }

    /// The error a read gets when consent or objection bars its purpose.
    static func error(for refusal: PurposeGate.Refusal, purpose: String) -> VaultError {
        switch refusal {
        case .objected:
            VaultError(.objected, "the subject objected to '\(purpose)': it may not use their data")
        case .notApplicable:
            VaultError(.purposeNotApplicable, "'\(purpose)' does not apply to this subject: no data was collected for it and none of the events that make it apply happened, or one that ends it did")
        case .noConsent(.stale):
            VaultError(.consentStale, "the subject consented to an earlier description of '\(purpose)': ask for consent again before using their data")
        case .noConsent(let status):
            VaultError(.consentRequired, "'\(purpose)' rests on consent, and the subject's consent is \(status.rawValue.replacingOccurrences(of: "_", with: " ")): it may not use their data")
        }
    }
}
