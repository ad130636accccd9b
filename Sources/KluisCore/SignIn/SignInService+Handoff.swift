import Foundation

/// The hand-off: the organisation's app, whose user is signed in there, asks for a link that
/// signs that person in to the privacy center, and sends the browser to it. The link carries a
/// JWS signed with the vault's receipt key (the same signing as consent receipts), and works
/// once, for two minutes, on any node.
extension SignInService {
    /// How long a hand-off link works.
    public static let handoffLifetime: TimeInterval = 2 * 60
    /// The audience of a hand-off token: a consent receipt, signed with the same key, has none,
    /// so it can never serve as one.
    static let handoffAudience = "kluis:privacy-center"

    /// The claims of a hand-off token (RFC 7519 names).
    struct HandoffClaims: Codable {
        var aud: String
        var sub: String
        /// The random token whose keyed hash names the pending sign-in: what makes it single-use.
        var jti: String
        var iat: Int
        var exp: Int
    }

    /// A token for a link that signs `subject` in, for a key that may vouch for sessions.
    public func issueHandoff(for subject: SubjectID, by principal: Principal) async throws -> SignInTicket {
        try RequestService.requireVouching(by: principal)
        guard try await vault.store.snapshot(of: subject) != nil else {
            throw VaultError(.subjectNotFound, "there is no subject \(subject)")
        }
        let now = vault.now()
        let jti = RandomToken.make()
        let expiresAt = now.addingTimeInterval(Self.handoffLifetime)
        try await store.putSignIn(PendingSignIn(id: vault.keys.tokenDigest(jti, use: Self.tokenUse), kind: .handoff,
                                                subject: subject, codeHash: nil, expiresAt: expiresAt))
        try await vault.audit(AuditEntry(time: now, actor: principal.id, action: .signIn, subject: subject, reason: "hand-off link issued"))
        let claims = HandoffClaims(aud: Self.handoffAudience, sub: subject.rawValue, jti: jti,
                                   iat: Int(now.timeIntervalSince1970), exp: Int(expiresAt.timeIntervalSince1970.rounded(.up)))
        // Encoding five plain fields cannot fail.
        let token = vault.receiptSigner.sign(try! JSONEncoder().encode(claims))
        return SignInTicket(token: token, expiresAt: expiresAt)
    }

    /// Signs in with a hand-off token: the person it was issued for, once.
    public func redeemHandoff(_ token: String, from client: String) async throws -> SubjectID {
        try await vault.throttles.refuseIfHeldBack(.failedSignIns, for: client)
        let now = vault.now()
        guard case .success(let payload) = vault.receiptSigner.verify(token),
              let claims = try? JSONDecoder().decode(HandoffClaims.self, from: payload),
              claims.aud == Self.handoffAudience, Double(claims.exp) > now.timeIntervalSince1970,
              let taken = try await store.takeSignIn(vault.keys.tokenDigest(claims.jti, use: Self.tokenUse)),
              taken.kind == .handoff, now < taken.expiresAt, let subject = taken.subject, subject.rawValue == claims.sub else {
            try await vault.throttles.count(.failedSignIns, for: client)
            throw VaultError(.signInFailed, "the sign-in link is not valid, was used already or has expired")
        }
        try await vault.audit(AuditEntry(time: now, actor: subject.rawValue, action: .signIn, subject: subject, reason: "hand-off"))
        return subject
    }
}
