import Foundation

/// Requests a person files themselves, signed in to the privacy center.
extension RequestService {
    /// A value a person proposes for a field of one of their records, in a rectification.
    public struct ProposedValue: Sendable, Hashable {
        public var category: String
        public var record: RecordID
        public var field: String
        public var value: String

        public init(category: String, record: RecordID, field: String, value: String) {
            self.category = category
            self.record = record
            self.field = field
            self.value = value
        }
    }

    /// Records a request of `principal`, the person signed in to the privacy center by
    /// `signedInBy`, about themselves. The sign-in verifies their identity when the policy
    /// accepts that check; otherwise the request waits for one like any other. A rectification
    /// carries the values the person proposes, sealed.
    public func submitOwn(_ type: RequestType, categories: [String] = [], purposes: [String] = [], proposing proposals: [ProposedValue] = [],
                          signedInBy method: IdentityCheck, by principal: Principal) async throws -> RequestStatus {
        guard let subject = SubjectID(rawValue: principal.id), principal.isPerson(subject) else {
            throw VaultError(.forbidden, "only a person signed in to the privacy center files requests this way")
        }
        try validateScope(of: RequestSubmission(type: type, subject: subject, channel: .web, purposes: purposes, categories: categories))
        guard proposals.isEmpty || type == .rectification else {
            throw VaultError(.requestInvalid, "only a rectification request carries proposed values")
        }
        guard let snapshot = try await vault.store.snapshot(of: subject) else {
            throw VaultError(.subjectNotFound, "there is no subject \(subject)")
        }
        let now = vault.now()
        var request = DataSubjectRequest(type: type, subject: subject, channel: .web, receivedAt: now, purposes: purposes, categories: categories)
        request.history[0].actor = principal.id
        var keySet = DataKeySet(subject: subject, ring: vault.keys, stored: snapshot.dataKeys)
        if !proposals.isEmpty {
            request.proposals = try proposals.map { proposal throws in
                guard let category = vault.policy.category(proposal.category), category.fields.contains(proposal.field),
                      snapshot.records.contains(where: { $0.category == category.id && $0.id == proposal.record }) else {
                    throw VaultError(.recordNotFound, "the person has no record \(proposal.record) with a field '\(proposal.field)' in '\(proposal.category)'")
                }
                guard proposal.value.utf8.count <= Vault.maximumValueSize else {
                    throw VaultError(.inputInvalid, "the proposed value of '\(proposal.field)' is larger than \(Vault.maximumValueSize) bytes")
                }
                let address = FieldAddress(subject: subject, category: category.id, record: "proposal/\(request.id)/\(proposal.record)",
                                           field: proposal.field)
                return .init(category: category.id, record: proposal.record, field: proposal.field,
                             sealed: vault.keys.seal(proposal.value, at: address, with: try keySet.key(for: category.id)))
            }
        }
        if vault.policy.rights.identityChecks.contains(method) {
            request.identity = .init(method: method, verifiedAt: now, verifiedBy: SignInService.actor)
            try request.move(to: .inProgress, at: now, by: principal.id, note: "identity: \(method.rawValue) (privacy center sign-in)")
        }
        // The proposals are sealed under the keys of the records they correct: a sweep or
        // erasure that takes a key meanwhile fails the request with `store.conflict`.
        try await save(request, replacing: nil, by: principal, at: now, extra: keySet.created.map(StoreChange.addDataKey)
                           + snapshot.expectingKeys(of: (request.proposals ?? []).map(\.category)))
        return status(of: request, at: now)
    }

    /// The values proposed in a rectification request, opened for staff deciding it (an admin);
    /// audited as a read.
    public func proposedValues(of id: RequestID, by principal: Principal) async throws -> [ProposedValue] {
        guard principal.isAdmin else { throw VaultError(.forbidden, "only an admin may open the values a request proposes") }
        let request = try await storedRequest(id)
        guard let proposals = request.proposals, !proposals.isEmpty, let subject = request.subject,
              let snapshot = try await vault.store.snapshot(of: subject) else { return [] }
        var keySet = DataKeySet(subject: subject, ring: vault.keys, stored: snapshot.dataKeys)
        try await vault.audit(AuditEntry(time: vault.now(), actor: principal.id, action: .read, subject: subject,
                                         categories: Array(Set(proposals.map(\.category))).sorted(), reason: "\(id) proposed values"))
        return try proposals.compactMap { proposal in
            // A category erased since holds no key: its proposals went with it.
            guard snapshot.dataKeys.contains(where: { $0.category == proposal.category }) else { return nil }
            let address = FieldAddress(subject: subject, category: proposal.category, record: "proposal/\(id)/\(proposal.record)",
                                       field: proposal.field)
            return ProposedValue(category: proposal.category, record: proposal.record, field: proposal.field,
                                 value: try vault.keys.open(proposal.sealed, at: address, with: try keySet.key(for: proposal.category)))
        }
    }
}

extension RequestService {
    /// Fulfils a rectification request with the values the person proposed: each record they
    /// named, with its other fields as they are and the proposed ones changed. For staff who
    /// agree with the proposal (an admin); the records are opened inside the vault, and the
    /// fulfilment is audited as every rectification is.
    public func fulfilAsProposed(_ id: RequestID, notifyingRecipientsThrough outbox: (any Outbox)? = nil,
                                 by principal: Principal) async throws -> Fulfilment {
        let proposed = try await proposedValues(of: id, by: principal)
        guard !proposed.isEmpty, let subject = try await storedRequest(id).subject,
              let snapshot = try await vault.store.snapshot(of: subject) else {
            throw VaultError(.requestInvalid, "request \(id) proposes no values: correct the records and fulfil it with the corrections")
        }
        var keySet = DataKeySet(subject: subject, ring: vault.keys, stored: snapshot.dataKeys)
        var corrections: [NewRecord] = []
        for (address, values) in Dictionary(grouping: proposed, by: { "\($0.category)\u{0}\($0.record.rawValue)" }).sorted(by: { $0.key < $1.key }) {
            guard let first = values.first,
                  let sealed = snapshot.records.first(where: { $0.category == first.category && $0.id == first.record }) else {
                throw VaultError(.recordNotFound, "a record request \(id) proposes to correct is gone (\(address.split(separator: "\u{0}")[0]))")
            }
            var fields = try vault.open(sealed, with: &keySet).fields
            for value in values { fields[value.field] = value.value }
            corrections.append(NewRecord(category: first.category, id: first.record, fields: fields))
        }
        return try await fulfil(id, corrections: corrections, notifyingRecipientsThrough: outbox, by: principal)
    }
}
