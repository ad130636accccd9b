import Foundation

/// The k-anonymous dataset of a statistics purpose (`dataset:` in the policy).
extension Vault {
    /// Builds the dataset of `purposeID` over everyone it may use now: the purpose applies, no
    /// consent is missing, no objection or restriction bars it, and retention still allows each
    /// record. Per person the newest record of each category counts. Audited once, with what was
    /// released and suppressed; no row names anyone.
    public func dataset(for purposeID: String, by principal: Principal) async throws -> Dataset {
        guard let purpose = policy.purpose(purposeID) else {
            throw VaultError(.purposeUnknown, "'\(purposeID)' is not a purpose of the policy")
        }
        guard let spec = purpose.dataset else {
            throw VaultError(.inputInvalid, "the policy gives '\(purpose.id)' no dataset: add 'dataset' (k, quasi_identifiers, attributes) to the purpose")
        }
        guard principal.isAdmin || principal.purposes.contains(purpose.id) else {
            throw VaultError(.purposeNotAllowed, "this key may not export data for the purpose '\(purpose.id)'")
        }
        let now = now()
        let categories = Set(spec.columns.map(\.category))
        var rows: [[String]] = []
        var after: SubjectID?
        while true {
            let page = try await store.subjects(after: after, limit: 500)
            for subject in page {
                guard let snapshot = try await store.snapshot(of: subject) else { continue }
                let state = snapshot.state
                guard gate.refusal(of: purpose, state: state) == nil else { continue }
                let released = gate.decide(purpose: purpose, records: snapshot.records, state: state, now: now,
                                           fieldDate: fieldDates(of: snapshot)).released
                var newest: [String: SealedRecord] = [:]
                for record in released where categories.contains(record.category) {
                    if let current = newest[record.category], current.createdAt >= record.createdAt { continue }
                    newest[record.category] = record
                }
                guard !newest.isEmpty else { continue }
                var keySet = DataKeySet(subject: subject, ring: keys, stored: snapshot.dataKeys)
                var opened: [String: PlainRecord] = [:]
                for (category, record) in newest { opened[category] = try open(record, with: &keySet) }
                rows.append(spec.columns.map { column in
                    opened[column.category]?.fields[column.field].flatMap(column.generalisation.apply) ?? ""
                })
            }
            guard page.count == 500 else { break }
            after = page.last
        }
        let dataset = Dataset(purpose: purpose.id, spec: spec, rows: rows)
        try await audit(AuditEntry(time: now, actor: principal.id, action: .export, categories: categories.sorted(), purpose: purpose.id,
                                   reason: "dataset: \(dataset.rows.count) rows, \(dataset.suppressed) suppressed, k \(dataset.reachedK) (asked \(spec.k))"))
        return dataset
    }
}
