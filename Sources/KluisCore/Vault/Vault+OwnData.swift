import Foundation

/// What a person signed in to the privacy center reads of their own data: a `principal` made
/// with ``Principal/person(_:)`` for `subject`, and no one else. Each read is audited as an
/// export by them.
extension Vault {
    /// The access package (art. 15), without a request.
    public func ownAccessPackage(of subject: SubjectID, in language: Language? = nil, by principal: Principal) async throws -> AccessPackage {
        let snapshot = try await ownSnapshot(of: subject, by: principal)
        return try await accessPackage(of: snapshot, answering: nil, in: language, by: principal, reason: "privacy center")
    }

    /// The person's records by category, opened, without the rest of the access package: for
    /// the pages that change them, which need no history.
    public func ownData(of subject: SubjectID, in language: Language? = nil, by principal: Principal) async throws -> [AccessPackage.CategoryData] {
        let snapshot = try await ownSnapshot(of: subject, by: principal)
        let data = try categoryData(of: snapshot, in: language ?? policy.info.languages[0])
        try await audit(AuditEntry(time: now(), actor: principal.id, action: .export, subject: subject,
                                   categories: data.map(\.category), reason: "privacy center"))
        return data
    }

    /// The portability package (art. 20), without a request.
    public func ownPortabilityPackage(of subject: SubjectID, by principal: Principal) async throws -> PortabilityPackage {
        let snapshot = try await ownSnapshot(of: subject, by: principal)
        return try await portabilityPackage(of: snapshot, answering: nil, by: principal, reason: "privacy center portability")
    }

    /// Who used their data, for which purpose, and break-glass reasons as written, newest first;
    /// sign-ins too.
    public func ownAccessHistory(of subject: SubjectID, by principal: Principal) async throws -> [AccessPackage.AccessEvent] {
        _ = try await ownSnapshot(of: subject, by: principal)
        let history = try await history(of: subject).filter { Self.accessActions.contains($0.entry.action) || $0.entry.action == .signIn }
        let events = accessEvents(history, names: try await actorNames(in: history))
        try await audit(AuditEntry(time: now(), actor: principal.id, action: .export, subject: subject, reason: "privacy center history"))
        return events.reversed()
    }

    private func ownSnapshot(of subject: SubjectID, by principal: Principal) async throws -> SubjectSnapshot {
        guard principal.isPerson(subject) else {
            throw VaultError(.forbidden, "only the person themselves may read their own data this way")
        }
        guard let snapshot = try await store.snapshot(of: subject) else {
            throw VaultError(.subjectNotFound, "there is no subject \(subject)")
        }
        return snapshot
    }
}
