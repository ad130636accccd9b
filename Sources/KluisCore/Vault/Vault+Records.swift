import Foundation

/// Writing, correcting and reading records.
extension Vault {
    /// The largest field value accepted, in bytes.
    public static let maximumValueSize = 64 * 1024

    /// Writes a record, or corrects one: a category with one record per person replaces it; a
    /// category with many adds a record, or replaces the one `record.id` names.
    @discardableResult
    public func write(_ record: NewRecord, for subject: SubjectID, by principal: Principal) async throws -> RecordID {
        guard let snapshot = try await store.snapshot(of: subject) else {
            throw VaultError(.subjectNotFound, "there is no subject \(subject)")
        }
        let now = now()
        var keySet = DataKeySet(subject: subject, ring: keys, stored: snapshot.dataKeys)
        let sealed = try seal(record, of: subject, existing: snapshot.records, state: snapshot.state, keySet: &keySet, by: principal, now: now)
        try await committer.commit(keySet.created.map(StoreChange.addDataKey) + [.putRecord(sealed)], audit: [
            AuditEntry(time: now, actor: principal.id, action: .write, subject: subject, categories: [record.category]),
        ])
        return sealed.id
    }

    /// Validates `record` against the policy and the principal, and seals it with its erasure
    /// schedule under the subject's `state`.
    func seal(_ record: NewRecord, of subject: SubjectID, existing: [SealedRecord], state: SubjectState,
              keySet: inout DataKeySet, by principal: Principal, now: Date) throws(VaultError) -> SealedRecord {
        let category = try validate(record, by: principal)
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
        let id = previous?.id ?? RecordID.generate()
        let key = try keySet.key(for: category.id)
        var sealedFields: [String: Data] = [:]
        for (name, value) in record.fields {
            sealedFields[name] = keys.seal(value, at: FieldAddress(subject: subject, category: category.id, record: id, field: name), with: key)
        }
        var sealed = SealedRecord(subject: subject, category: category.id, id: id, fields: sealedFields,
                                  createdAt: previous?.createdAt ?? now, updatedAt: now)
        sealed.schedule = planner.schedule(of: sealed, state: state) { name in
            record.fields[name].flatMap { CalendarDate(String($0.prefix(10))) }
        }
        return sealed
    }

    /// Checks `record` against the policy and the principal without writing anything: a known
    /// category the principal's purposes use, known fields, values within the size limit.
    @discardableResult
    public func validate(_ record: NewRecord, by principal: Principal) throws(VaultError) -> DataCategory {
        guard let category = policy.category(record.category) else {
            throw VaultError(.categoryUnknown, "'\(record.category)' is not a category of the policy")
        }
        guard principal.isAdmin || policy.purposes(using: category.id).contains(where: { principal.purposes.contains($0.id) }) else {
            throw VaultError(.purposeNotAllowed, "this key is bound to no purpose that uses the category '\(category.id)'")
        }
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
        return category
    }

    /// Reads what `purpose` may see of a person. A principal not bound to the purpose is refused,
    /// unless it may break glass and gives a reason; every read and refusal is audited.
    public func read(_ subject: SubjectID, for purposeID: String, by principal: Principal,
                     breakGlassReason: String? = nil) async throws -> PurposeRead {
        guard let purpose = policy.purpose(purposeID) else {
            throw VaultError(.purposeUnknown, "'\(purposeID)' is not a purpose of the policy")
        }
        let breakGlass = !principal.purposes.contains(purpose.id)
        let reason = breakGlassReason?.trimmingCharacters(in: .whitespacesAndNewlines)
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
        guard let snapshot = try await store.snapshot(of: subject) else {
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
            records.append(try open(sealed, with: &keySet))
        }
        let released = Array(Set(records.map(\.category))).sorted()
        let partial = decision.withheld.values.contains(.retentionExpired)
        try await audit(AuditEntry(time: now, actor: principal.id, action: .read, subject: subject,
                                   categories: released, purpose: purpose.id, reason: breakGlass ? reason : nil,
                                   outcome: partial ? .partial : .allowed, breakGlass: breakGlass))
        return PurposeRead(subject: subject, purpose: purpose.id, records: records, withheld: decision.withheld,
                           breakGlass: breakGlass)
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
        case .noConsent(.stale):
            VaultError(.consentStale, "the subject consented to an earlier description of '\(purpose)': ask for consent again before using their data")
        case .noConsent(let status):
            VaultError(.consentRequired, "'\(purpose)' rests on consent, and the subject's consent is \(status.rawValue.replacingOccurrences(of: "_", with: " ")): it may not use their data")
        }
    }
}
