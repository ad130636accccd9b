import Foundation

/// Cookie choices of website visitors.
extension ConsentService {
    /// How long a cookie choice holds before the banner asks again.
    public static let cookieChoiceLifetime = ISODuration(years: 1)

    /// Records a visitor's choice per cookie category. Categories that need consent and are not
    /// named are refused; essential ones are always allowed. With a Global Privacy Control
    /// signal, categories that serve advertising stay refused. Returns the choice as stored.
    public func recordCookieChoice(_ allowed: [String: Bool], visitor: VisitorID?, subject: SubjectID? = nil,
                                   language: Language? = nil, globalPrivacyControl: Bool = false,
                                   actor: String) async throws -> CookieChoice {
        guard !vault.policy.cookies.isEmpty else {
            throw VaultError(.cookieChoiceInvalid, "the policy names no cookie categories")
        }
        for (id, value) in allowed {
            guard let category = vault.policy.cookies.first(where: { $0.id == id }) else {
                throw VaultError(.cookieChoiceInvalid, "'\(id)' is not a cookie category of the policy; its categories are \(vault.policy.cookies.map(\.id).joined(separator: ", "))")
            }
            guard category.consent || value else {
                throw VaultError(.cookieChoiceInvalid, "'\(id)' cookies need no consent and cannot be refused")
            }
        }
        try checkWritten(in: language)
        if let subject, try await vault.store.snapshot(of: subject) == nil {
            throw VaultError(.subjectNotFound, "there is no subject \(subject)")
        }
        let advertising: Set<ConsentModeType> = [.adStorage, .adUserData, .adPersonalization]
        var resolved: [String: Bool] = [:]
        for category in vault.policy.cookies {
            let blockedBySignal = globalPrivacyControl && !advertising.isDisjoint(with: category.consentMode)
            resolved[category.id] = !category.consent || (allowed[category.id] == true && !blockedBySignal)
        }
        let now = vault.now()
        let choice = CookieChoice(visitor: visitor ?? VisitorID.generate(), subject: subject, time: now,
                                  expires: vault.gate.retention.calendar.adding(Self.cookieChoiceLifetime, to: now),
                                  policyVersion: vault.policy.info.version, allowed: resolved,
                                  globalPrivacyControl: globalPrivacyControl, language: language)
        try await vault.committer.commit([.recordCookieChoice(choice)], audit: [
            AuditEntry(time: now, actor: actor, action: .cookieChoice, subject: subject,
                       categories: resolved.filter(\.value).map(\.key).sorted(), reason: choice.visitor.rawValue),
        ])
        return choice
    }

    /// A visitor's recorded choices, oldest first.
    public func cookieChoices(of visitor: VisitorID) async throws -> [CookieChoice] {
        try await store.cookieChoices(of: visitor)
    }
}
