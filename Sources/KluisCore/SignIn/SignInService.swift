import Foundation

/// Signing people in to the privacy center: a one-time code sent to their e-mail address, or a
/// hand-off link the organisation's app asks for when its user is signed in there. A capability
/// service over the vault's kernel and the store's sign-in role; reached as `vault.signIns`.
///
/// Whether an address is known is never told: an unknown address gets the same answer and a
/// message of its own, and no code can match it. Codes and tokens are kept only as keyed hashes.
public struct SignInService: Sendable {
    let vault: Vault
    var store: any SignInStore { vault.store }

    /// How long a sign-in code is valid, and how many wrong tries it survives.
    public static let codeLifetime: TimeInterval = 10 * 60
    public static let codeAttempts = 5
    /// The `use` of a pending sign-in's token in ``KeyRing/tokenDigest(_:use:)``.
    static let tokenUse = "sign-in"
    /// The actor of what happens before anyone is signed in.
    public static let actor = "privacy-center"
}

extension Vault {
    /// Signing people in to the privacy center.
    public var signIns: SignInService { SignInService(vault: self) }
}

/// What the browser holds between asking for a code and typing it in: a random token that names
/// the pending sign-in, never the address or the person.
public struct SignInTicket: Sendable, Hashable, Codable {
    public var token: String
    public var expiresAt: Date

    public init(token: String, expiresAt: Date) {
        self.token = token
        self.expiresAt = expiresAt
    }
}

extension SignInService {
    /// Sends a sign-in code to `email` through `outbox`, in `language`, when the address is a
    /// person's registered one; otherwise a message saying no data is held under it. The answer
    /// is the same either way. Limited per address and per `client` (its network address).
    public func sendCode(to email: String, from client: String, in language: Language, outbox: any Outbox) async throws -> SignInTicket {
        let identifier: SubjectIdentifier
        do {
            identifier = try SubjectIdentifier(kind: .email, value: email)
        } catch {
            throw VaultError(.identifierInvalid, "the e-mail address is not an e-mail address")
        }
        try await vault.throttles.count(.signInCodesPerClient, for: client)
        try await vault.throttles.count(.signInCodesPerAddress, for: identifier.normalized)
        let subject = try await vault.subject(of: identifier)
        let now = vault.now()
        let token = RandomToken.make()
        let id = vault.keys.tokenDigest(token, use: Self.tokenUse)
        let expiresAt = now.addingTimeInterval(Self.codeLifetime)
        let message = SignInMessage(controller: vault.policy.controller.name, language: language,
                                    informal: vault.policy.info.informal, to: identifier.value)
        if let subject {
            let code = Self.newCode()
            try await store.putSignIn(PendingSignIn(id: id, kind: .code, subject: subject,
                                                    codeHash: vault.keys.signInCodeHash(code, signIn: id), expiresAt: expiresAt))
            try await vault.audit(AuditEntry(time: now, actor: Self.actor, action: .signIn, subject: subject, reason: "code sent"))
            try await outbox.send(message.code(code))
        } else {
            // Kept and audited like a real one, so that asking and typing a code take the same
            // path, and the same time, whether the address is known or not.
            try await store.putSignIn(PendingSignIn(id: id, kind: .code, subject: nil, codeHash: nil, expiresAt: expiresAt))
            try await vault.audit(AuditEntry(time: now, actor: Self.actor, action: .signIn, reason: "code asked for an unknown address",
                                             outcome: .notFound))
            try await outbox.send(message.nothingHeld())
        }
        return SignInTicket(token: token, expiresAt: expiresAt)
    }

    /// Signs in with the code sent for `ticket`: the person it was sent to. A code works once,
    /// for ten minutes, and five wrong tries end it. Wrong tries count per `client` too.
    public func signIn(ticket: String, code: String, from client: String) async throws -> SubjectID {
        try await vault.throttles.refuseIfHeldBack(.failedSignIns, for: client)
        let id = vault.keys.tokenDigest(ticket, use: Self.tokenUse)
        let now = vault.now()
        guard let pending = try await store.pendingSignIn(id), pending.kind == .code, now < pending.expiresAt else {
            throw VaultError(.signInFailed, "the code has expired or was used up: ask for a new one")
        }
        let typed = code.filter { !$0.isWhitespace }
        guard let hash = pending.codeHash, ConstantTime.equals(vault.keys.signInCodeHash(typed, signIn: id), hash) else {
            let failures = try await store.countFailedSignIn(id)
            if failures >= Self.codeAttempts { _ = try await store.takeSignIn(id) }
            try await vault.audit(AuditEntry(time: now, actor: Self.actor, action: .signIn, subject: pending.subject,
                                             reason: "wrong code", outcome: .denied))
            try await vault.throttles.count(.failedSignIns, for: client)
            let left = Self.codeAttempts - failures
            throw VaultError(.signInFailed, left > 0 ? "the code is wrong; \(left) \(left == 1 ? "try" : "tries") left"
                                                     : "the code is wrong and used up: ask for a new one")
        }
        // Taken, not read: of two browsers typing the right code at once, one signs in.
        guard let taken = try await store.takeSignIn(id), let subject = taken.subject else {
            throw VaultError(.signInFailed, "the code has expired or was used up: ask for a new one")
        }
        try await vault.audit(AuditEntry(time: now, actor: subject.rawValue, action: .signIn, subject: subject, reason: "e-mail code"))
        return subject
    }

    /// Forgets pending sign-ins that expired.
    public func forgetExpired() async throws {
        try await store.forgetSignIns(before: vault.now())
    }

    /// Six random digits.
    static func newCode() -> String {
        var generator = SystemRandomNumberGenerator()
        return String(format: "%06d", Int.random(in: 0..<1_000_000, using: &generator))
    }
}
