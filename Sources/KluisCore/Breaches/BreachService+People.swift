import Foundation

/// Finding and telling the people a breach concerned (art. 34).
extension BreachService {
    /// The people `exposure` selects, counted; nothing is opened, and only the count is audited.
    public func audience(of id: String, exposure: BreachExposure, by principal: Principal,
                         progress: @Sendable (Int) -> Void = { _ in }) async throws -> BreachAudience {
        try requireAdmin(principal)
        let breach = try await breach(id)
        let exposure = try exposure.checked(against: vault.policy)
        var audience = BreachAudience()
        try await visit(exposure, progress: progress) { snapshot in
            audience.selected += 1
            if snapshot.identifiers.contains(where: { $0.kind == .email }) { audience.withAddress += 1 }
            audience.languages[language(of: snapshot), default: 0] += 1
            if try await store.breachNotices(of: snapshot.subject).contains(where: { $0.breach == breach.id }) { audience.alreadyTold += 1 }
        }
        try await vault.committer.commit([], audit: [
            AuditEntry(time: vault.now(), actor: principal.id, action: .breach, reason: "\(breach.id) counted \(audience.selected) people exposed"),
        ])
        return audience
    }

    /// Tells each person `exposure` selects, who was not told of this breach before, by e-mail
    /// through `outbox`, in their language; `texts` give the words per language, else the
    /// register's. Each person told is recorded with them (and audited: their address was
    /// opened to write to them); the round is counted in the breach. People without a registered
    /// address are counted, to be told another way.
    @discardableResult
    public func tell(_ id: String, exposure: BreachExposure, texts: [Language: BreachLetter.Text] = [:], outbox: any Outbox,
                     by principal: Principal, progress: @Sendable (Int) -> Void = { _ in }) async throws -> Breach.PeopleNotice {
        try requireAdmin(principal)
        let breach = try await breach(id)
        guard breach.state != .withdrawn else { throw VaultError(.inputInvalid, "breach \(id) was withdrawn: there is no one to tell") }
        let exposure = try exposure.checked(against: vault.policy)
        let checkedTexts = try checkLetterTexts(texts)
        var round = Breach.PeopleNotice(at: vault.now(), by: principal.id, exposure: exposure, selected: 0, told: 0, withoutAddress: 0)
        try await visit(exposure, progress: progress) { snapshot in
            round.selected += 1
            guard let stored = snapshot.identifiers.first(where: { $0.kind == .email }) else {
                round.withoutAddress += 1
                return
            }
            if try await store.breachNotices(of: snapshot.subject).contains(where: { $0.breach == breach.id }) { return }
            var keySet = DataKeySet(subject: snapshot.subject, ring: vault.keys, stored: snapshot.dataKeys)
            let address = try vault.keys.open(stored.sealed, at: .identifier(.email, of: snapshot.subject),
                                              with: keySet.key(for: Vault.identityCategory))
            let language = language(of: snapshot)
            let letter = BreachLetter(breach: breach, policy: vault.policy, language: language, text: checkedTexts[language])
            try await outbox.send(letter.message(to: address))
            // Recorded right after it went, so a round broken off halfway tells no one twice.
            let now = vault.now()
            try await vault.committer.commit([.addBreachNotices([BreachNotice(breach: breach.id, subject: snapshot.subject, toldAt: now,
                                                                              language: language)])], audit: [
                AuditEntry(time: now, actor: principal.id, action: .breach, subject: snapshot.subject, reason: "\(breach.id) told by e-mail"),
            ])
            round.told += 1
        }
        // Read again: a step recorded while the letters went out must not be lost.
        let told = round
        _ = try await update(id, step: "people told: \(round.told) of \(round.selected) selected, \(round.withoutAddress) without an address",
                             by: principal) { $0.peopleTold.append(told) }
        return round
    }

    /// The words for the letters, checked as ``tell(_:exposure:texts:outbox:by:progress:)``
    /// checks them: no personal data in a letter to many.
    @discardableResult
    public func checkLetterTexts(_ texts: [Language: BreachLetter.Text]) throws(VaultError) -> [Language: BreachLetter.Text] {
        var checked: [Language: BreachLetter.Text] = [:]
        for (language, text) in texts { checked[language] = try text.checked() }
        return checked
    }

    /// The breaches the person was told of, with what the register says of them.
    public func told(_ subject: SubjectID) async throws -> [(notice: BreachNotice, breach: Breach)] {
        var told: [(notice: BreachNotice, breach: Breach)] = []
        for notice in try await store.breachNotices(of: subject) {
            if let breach = try await store.breach(id: notice.breach) { told.append((notice, breach)) }
        }
        return told
    }

    /// The language letters reach the person in: theirs when known and the policy's, else the
    /// policy's first.
    private func language(of snapshot: SubjectSnapshot) -> Language {
        snapshot.language.flatMap { vault.policy.info.languages.contains($0) ? $0 : nil } ?? vault.policy.info.languages[0]
    }

    /// Visits every person `exposure` includes: those listed, else everyone, page by page.
    private func visit(_ exposure: BreachExposure, progress: @Sendable (Int) -> Void,
                       _ body: (SubjectSnapshot) async throws -> Void) async throws {
        let applicability = PurposeApplicability(policy: vault.policy)
        var visited = 0
        func look(at page: [SubjectID]) async throws {
            for subject in page {
                guard let snapshot = try await vault.store.snapshot(of: subject) else { continue }
                if exposure.includes(snapshot, applicability: applicability, policy: vault.policy) { try await body(snapshot) }
                visited += 1
            }
            progress(visited)
        }
        guard exposure.subjects.isEmpty else { return try await look(at: exposure.subjects) }
        var after: SubjectID?
        while true {
            let page = try await vault.store.subjects(after: after, limit: 500)
            try await look(at: page)
            guard let last = page.last, page.count == 500 else { return }
            after = last
        }
    }
}
