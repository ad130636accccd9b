import Foundation

/// The audit log: queries and verification.
extension Vault {
    /// Audit events after `sequence`, oldest first, of one subject when given.
    public func auditEvents(after sequence: Int64 = 0, subject: SubjectID? = nil, limit: Int = 100) async throws -> [AuditEvent] {
        try await store.auditEvents(after: sequence, subject: subject, limit: min(max(limit, 1), 1000))
    }

    /// Recomputes the whole chain and names the first broken event.
    public func verifyAudit() async throws -> AuditVerifier {
        try await Self.verifyAudit(in: store)
    }

    /// Recomputes the chain of `store`, page by page; needs no keys.
    public static func verifyAudit(in store: any VaultStore) async throws -> AuditVerifier {
        var verifier = AuditVerifier()
        var after: Int64 = 0
        while verifier.isIntact {
            let page = try await store.auditEvents(after: after, subject: nil, limit: 5000)
            guard let last = page.last else { break }
            verifier.check(page)
            after = last.sequence
        }
        return verifier
    }
}
