import Foundation

/// Records that concern several people (``OtherPerson``): a record is kept for one person, its
/// subject, but part of it is someone else's. The subject's own copy leaves that part out, and
/// erasing the other person masks it instead of deleting the subject's record.
extension Vault {
    /// The other people `record` refers to, as subject ids; the subject themselves is not another
    /// person. Throws when a reference is not a subject id.
    func references(in record: NewRecord, of subject: SubjectID) throws(VaultError) -> [SubjectID] {
        guard let category = policy.category(record.category) else { return [] }
        var references: [SubjectID] = []
        for person in category.others {
            guard let value = record.fields[person.reference] else { continue }
            guard let reference = SubjectID(rawValue: value) else {
                throw VaultError(.referenceInvalid, "'\(person.reference)' of '\(category.id)' refers to another person: its value must be their subject id")
            }
            if reference != subject { references.append(reference) }
        }
        return references
    }

    /// Refuses references to people the vault does not hold: a record cannot be masked for
    /// someone it cannot find.
    func requireKnown(_ references: some Sequence<SubjectID>) async throws {
        for reference in Set(references) where try await store.snapshot(of: reference) == nil {
            throw VaultError(.referenceUnknown, "a record refers to \(reference), who is not in the vault")
        }
    }

    /// `record` as its subject `holder` may have it: without what is another person's, each
    /// part left out said by whose it is and why.
    func redacted(_ record: PlainRecord, holder: SubjectID, language: Language) -> AccessPackage.ExportedRecord {
        var fields = record.fields
        var redactions: [AccessPackage.Redaction] = []
        if let category = policy.category(record.category) {
            for (person, _) in category.otherPeople(in: record.fields, holder: holder) {
                let left = person.theirs.filter { fields.removeValue(forKey: $0) != nil }
                let role = person.role.text(in: language)
                redactions.append(AccessPackage.Redaction(fields: left, role: role, reason: Phrases(language).redactionReason(role: role)))
            }
        }
        return AccessPackage.ExportedRecord(id: record.id, fields: fields, createdAt: record.createdAt, updatedAt: record.updatedAt,
                                            redacted: redactions.isEmpty ? nil : redactions)
    }

    /// Masks `subject` in the records of others that refer to them: the reference and the fields
    /// that are theirs become `pseudonym`, sealed again under the holder's key, so the other
    /// party keeps the record of what happened without it leading back to the person. The
    /// changes and audit entries go in the erasure's own transaction.
    func masking(_ subject: SubjectID, as pseudonym: String, reason: String, by actor: String,
                 now: Date) async throws -> Masking {
        let mention = keys.mention(of: subject)
        var masking = Masking()
        for holder in try await store.subjects(mentioning: mention) where holder != subject {
            guard let snapshot = try await store.snapshot(of: holder) else { continue }
            var keySet = DataKeySet(subject: holder, ring: keys, stored: snapshot.dataKeys)
            var categories: Set<String> = []
            for sealed in snapshot.records where sealed.mentions.contains(mention) {
                guard let category = policy.category(sealed.category) else { continue }
                let plain = try open(sealed, with: &keySet)
                let key = try keySet.key(for: sealed.category)
                var masked = sealed
                for (person, reference) in category.otherPeople(in: plain.fields, holder: holder) where reference == subject.rawValue {
                    for field in person.theirs where sealed.fields[field] != nil {
                        let address = FieldAddress(subject: holder, category: sealed.category, record: sealed.id, field: field)
                        masked.fields[field] = keys.seal(pseudonym, at: address, with: key)
                    }
                }
                masked.mentions.removeAll { $0 == mention }
                masked.updatedAt = now
                masking.changes.append(.putRecord(masked))
                categories.insert(sealed.category)
                masking.count += 1
            }
            // Each holder's record is replaced whole: as read, or not at all.
            masking.changes += [.expectSubject(holder, revision: snapshot.revision)] + snapshot.expectingKeys(of: categories)
            masking.audit.append(AuditEntry(time: now, actor: actor, action: .write, subject: holder, categories: categories.sorted(),
                                      reason: "masked another person's part: \(reason)"))
        }
        return masking
    }

    /// What masking a person in other people's records changes, for the erasure's transaction.
    struct Masking {
        var changes: [StoreChange] = []
        var audit: [AuditEntry] = []
        /// The records masked.
        var count = 0
    }
}
