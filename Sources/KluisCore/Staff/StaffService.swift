import Foundation

/// The console's staff accounts: added with an enrolment code, enrolled with a password and a
/// second factor (TOTP) by the member themselves, signed in with both, reset and disabled. A
/// capability service over the vault's kernel and the store's staff role, reached as
/// `vault.staff(credentials)`; every change and every sign-in, failed or not, is audited with
/// the member (or the actor who changed the account) as actor.
public struct StaffService: Sendable {
    let vault: Vault
    let credentials: any StaffCredentials
    var store: any StaffStore { vault.store }

    /// How long an enrolment code is good for.
    public static let enrolmentLifetime: TimeInterval = 7 * 86_400
    public static let minimumPasswordLength = 12
    /// What bcrypt reads of a password.
    public static let maximumPasswordBytes = 72
    public static let recoveryCodeCount = 10
    /// The actor of sign-ins that match no account.
    public static let actor = "console"
    static let enrolmentUse = "staff-enrolment"
    static let recoveryUse = "staff-recovery"
}

extension Vault {
    /// The console's staff accounts, with `credentials` for hashing passwords and checking codes.
    public func staff(_ credentials: any StaffCredentials) -> StaffService {
        StaffService(vault: self, credentials: credentials)
    }
}

/// What a member sees once, when they enrol: the second factor's secret and the recovery codes.
public struct StaffEnrolment: Sendable, Hashable {
    public var member: StaffMember
    /// The `otpauth://` URI for an authenticator app.
    public var uri: String
    /// The secret in base32, for typing into an app by hand.
    public var secret: String
    public var recoveryCodes: [String]
}

extension StaffService {
    /// Every account, by name.
    public func members() async throws -> [StaffMember] {
        try await store.staffMembers()
    }

    /// Who the audit log's actors are, by id: staff members and API keys by name. Names only,
    /// for people reading the log; the log keeps the ids.
    public func actorNames() async throws -> [String: String] {
        var names = [Vault.sweepActor: "retention", "cli": "command line", SignInService.actor: "privacy center", Self.actor: "console"]
        for key in try await vault.store.apiKeys() { names[key.id] = key.name }
        for member in try await store.staffMembers() { names[member.id] = member.name }
        return names
    }

    /// The account `id`, or `staff.not_found`.
    public func member(_ id: String) async throws -> StaffMember {
        guard let member = try await store.staffMember(id: id) else {
            throw VaultError(.staffNotFound, "there is no staff account '\(id.prefix(64))'")
        }
        return member
    }

    /// Adds an account that waits for its member to enrol; returns it and the enrolment code,
    /// which is shown once and stored only as a keyed hash.
    public func add(name: String, email: String, role: StaffRole, by actor: String) async throws -> (member: StaffMember, enrolmentCode: String) {
        let name = try FreeText.checked(name, field: "name", maximumLength: 200)
        let email = try Self.checkedEmail(email)
        guard try await store.staffMember(email: email) == nil else {
            throw VaultError(.staffExists, "there is a staff account with this e-mail address already")
        }
        let now = vault.now()
        var member = StaffMember(id: "staff_" + String(OpaqueID.generate(prefix: "").prefix(16)), name: name, email: email,
                                 role: role, createdAt: now)
        let code = newEnrolment(for: &member, at: now)
        try await save(member, replacing: nil, AuditEntry(time: now, actor: actor, action: .staff, reason: "\(member.id) added as \(role.rawValue)"))
        return (member, code)
    }

    /// Takes the account's password and second factor away and gives a new enrolment code: for
    /// a member who lost their authenticator and their recovery codes. Their sessions end.
    public func reset(_ id: String, by actor: String) async throws -> (member: StaffMember, enrolmentCode: String) {
        try await retryingConflicts {
            let read = try await member(id)
            let owner = try await anotherOwner(besides: read)
            var member = read
            let now = vault.now()
            let code = newEnrolment(for: &member, at: now)
            try await save(member, replacing: read, keeping: owner, AuditEntry(time: now, actor: actor, action: .staff, reason: "\(member.id) reset"))
            return (member, code)
        }
    }

    /// Disables the account: it signs in no more, and its sessions end at their next request.
    @discardableResult
    public func disable(_ id: String, by actor: String) async throws -> StaffMember {
        try await retryingConflicts {
            let read = try await member(id)
            guard read.disabledAt == nil else { return read }
            let owner = try await anotherOwner(besides: read)
            var member = read
            let now = vault.now()
            member.disabledAt = now
            try await save(member, replacing: read, keeping: owner, AuditEntry(time: now, actor: actor, action: .staff, reason: "\(member.id) disabled"))
            return member
        }
    }

    /// Changes the account's role; the member's next request has the new one.
    @discardableResult
    public func setRole(_ role: StaffRole, of id: String, by actor: String) async throws -> StaffMember {
        try await retryingConflicts {
            let read = try await member(id)
            guard read.role != role else { return read }
            let owner = try await anotherOwner(besides: read)
            var member = read
            member.role = role
            let now = vault.now()
            try await save(member, replacing: read, keeping: owner, AuditEntry(time: now, actor: actor, action: .staff, reason: "\(member.id) now \(role.rawValue)"))
            return member
        }
    }

    /// Stores `member`, new (`replacing: nil`) or changed from the account as read, with the
    /// audit entry that says why, on condition that `owner` (see ``anotherOwner(besides:)``) is
    /// still as read. A change prepared on an account that another changed meanwhile fails with
    /// `store.conflict`; the operations above then read it again.
    private func save(_ member: StaffMember, replacing read: StaffMember?, keeping owner: StaffMember? = nil, _ entry: AuditEntry) async throws {
        // Storing the owner in place of itself changes nothing, but holds only while nobody
        // changed the account since it was read.
        let unchanged = owner.map { [StoreChange.putStaffMember($0, replacing: $0)] } ?? []
        try await vault.committer.commit([.putStaffMember(member, replacing: read)] + unchanged, audit: [entry])
    }

    /// Refuses a change that would leave no active owner: nobody could then manage staff or keys
    /// in the console. When `member` is an active owner, returns another active owner, whom the
    /// change must then find unchanged: else two owners demoting each other at the same moment
    /// would each count on the other and leave none.
    private func anotherOwner(besides member: StaffMember) async throws -> StaffMember? {
        guard member.role == .owner, member.isActive else { return nil }
        guard let owner = try await store.staffMembers().first(where: { $0.id != member.id && $0.role == .owner && $0.isActive }) else {
            throw VaultError(.inputInvalid, "\(member.id) is the only active owner: make another member owner first")
        }
        return owner
    }

    private func newEnrolment(for member: inout StaffMember, at now: Date) -> String {
        let code = Self.newReadableCode(groups: 4)
        member.passwordHash = nil
        member.sealedTOTPSecret = nil
        member.recoveryCodes = []
        member.enrolledAt = nil
        member.lastCodeStep = 0
        member.disabledAt = nil
        member.enrolmentCode = vault.keys.tokenDigest(Self.normalized(code), use: Self.enrolmentUse)
        member.enrolmentExpiresAt = now + Self.enrolmentLifetime
        return code
    }
}

// MARK: Enrolment

extension StaffService {
    /// The first step of enrolling: with the enrolment code, sets the password and makes a new
    /// second factor, shown once. The account signs in only after ``confirmEnrolment(_:code:)``;
    /// until then the enrolment code may be used again, and makes a new secret each time.
    public func beginEnrolment(email: String, enrolmentCode: String, password: String, from client: String) async throws -> StaffEnrolment {
        try await retryingConflicts {
            try await vault.throttles.refuseIfHeldBack(.failedSignIns, for: client)
            let now = vault.now()
            let member = try await store.staffMember(email: email.lowercased().trimmingCharacters(in: .whitespaces))
            let presented = vault.keys.tokenDigest(Self.normalized(enrolmentCode), use: Self.enrolmentUse)
            guard var member, let expected = member.enrolmentCode, ConstantTime.equals(presented, expected),
                  let expiresAt = member.enrolmentExpiresAt, now < expiresAt else {
                try await vault.audit(AuditEntry(time: now, actor: member?.id ?? Self.actor, action: .signIn,
                                                 reason: "wrong or expired enrolment code", outcome: .denied))
                try await vault.throttles.count(.failedSignIns, for: client)
                throw VaultError(.signInFailed, "the e-mail address or the enrolment code is wrong, or the code has expired")
            }
            // bcrypt reads 72 bytes: a longer password would match anything it starts with.
            guard password.count >= Self.minimumPasswordLength, password.utf8.count <= Self.maximumPasswordBytes else {
                throw VaultError(.inputInvalid, "a password has at least \(Self.minimumPasswordLength) characters and at most \(Self.maximumPasswordBytes) bytes")
            }
            let read = member
            let secret = Self.newReadableCode(groups: 8).replacingOccurrences(of: "-", with: "")
            let recovery = (0..<Self.recoveryCodeCount).map { _ in Self.newReadableCode(groups: 2) }
            member.passwordHash = credentials.hashPassword(password)
            member.sealedTOTPSecret = vault.keys.sealStaffSecret(secret, staff: member.id)
            member.recoveryCodes = recovery.map { vault.keys.tokenDigest(Self.normalized($0), use: Self.recoveryUse) }
            try await save(member, replacing: read, AuditEntry(time: now, actor: member.id, action: .staff, reason: "\(member.id) set a password"))
            let uri = credentials.enrolmentURI(secret: secret, account: member.email, issuer: "Kluis \(vault.policy.controller.name)")
            let base32 = uri.split(separator: "secret=").last.map { String($0.prefix { $0 != "&" }) } ?? ""
            return StaffEnrolment(member: member, uri: uri, secret: base32, recoveryCodes: recovery)
        }
    }

    /// The second step: a code from the authenticator shows it holds the secret; the account is
    /// active from now on.
    public func confirmEnrolment(_ id: String, code: String) async throws -> StaffMember {
        try await retryingConflicts {
            let read = try await member(id)
            var member = read
            guard member.enrolmentCode != nil, let sealed = member.sealedTOTPSecret else {
                throw VaultError(.signInFailed, "this account is not enrolling")
            }
            let now = vault.now()
            guard let step = try matchingStep(of: code, secret: sealed, member: member, at: now) else {
                try await vault.audit(AuditEntry(time: now, actor: member.id, action: .signIn, reason: "wrong enrolment confirmation code",
                                                 outcome: .denied))
                throw VaultError(.signInFailed, "the code is wrong: type the code your authenticator app shows now")
            }
            member.lastCodeStep = step
            member.enrolledAt = now
            member.enrolmentCode = nil
            member.enrolmentExpiresAt = nil
            try await save(member, replacing: read, AuditEntry(time: now, actor: member.id, action: .staff, reason: "\(member.id) enrolled"))
            return member
        }
    }
}

// MARK: Sign-in

extension StaffService {
    /// Signs in with the e-mail address, the password and a code from the authenticator (or a
    /// recovery code, which then is used up). Five failures in 15 minutes lock the account, on
    /// every node; failures count per client too. The answer never says which part was wrong.
    public func signIn(email: String, password: String, code: String, from client: String) async throws -> StaffMember {
        try await retryingConflicts {
            let email = email.lowercased().trimmingCharacters(in: .whitespaces)
            try await vault.throttles.refuseIfHeldBack(.failedSignIns, for: client)
            try await vault.throttles.refuseIfOver(.staffSignInFailures, for: email)
            let now = vault.now()
            let found = try await store.staffMember(email: email)
            let passwordMatches = credentials.verifyPassword(password, hash: found?.passwordHash)
            guard var member = found, passwordMatches, member.isActive, let sealed = member.sealedTOTPSecret else {
                throw try await failure(of: found, email: email, from: client, at: now)
            }
            let how: String
            if let step = try matchingStep(of: code, secret: sealed, member: member, at: now) {
                member.lastCodeStep = step
                how = "password and authenticator code"
            } else if let used = member.recoveryCodes.firstIndex(where: {
                ConstantTime.equals($0, vault.keys.tokenDigest(Self.normalized(code), use: Self.recoveryUse))
            }) {
                member.recoveryCodes.remove(at: used)
                how = "password and recovery code (\(member.recoveryCodes.count) left)"
            } else {
                throw try await failure(of: member, email: email, from: client, at: now)
            }
            // Replacing the account as read: of two sign-ins with one code, or a sign-in and a
            // disabling at once, the second is read again, and the code then is used up or the
            // account disabled.
            try await save(member, replacing: found, AuditEntry(time: now, actor: member.id, action: .signIn, reason: how))
            return member
        }
    }

    private func failure(of member: StaffMember?, email: String, from client: String, at now: Date) async throws -> VaultError {
        try await vault.audit(AuditEntry(time: now, actor: member?.id ?? Self.actor, action: .signIn,
                                         reason: member == nil ? "unknown staff address" : "wrong password or code", outcome: .denied))
        try await vault.throttles.count(.failedSignIns, for: client)
        try await vault.throttles.count(.staffSignInFailures, for: email)
        return VaultError(.signInFailed, "the e-mail address, the password or the code is wrong")
    }

    /// The TOTP time step whose code `code` is (this one or either neighbour, for clocks a little
    /// apart), when it is later than the last code used.
    private func matchingStep(of code: String, secret sealed: Data, member: StaffMember, at now: Date) throws -> Int64? {
        let typed = code.filter(\.isNumber)
        guard typed.count == 6 else { return nil }
        let secret = try vault.keys.openStaffSecret(sealed, staff: member.id)
        let current = Int64(now.timeIntervalSince1970 / 30)
        var matched: Int64?
        for step in (current - 1)...(current + 1) where ConstantTime.equals(Array(credentials.totpCode(secret: secret, step: step).utf8), Array(typed.utf8)) {
            matched = step
        }
        guard let matched, matched > member.lastCodeStep else { return nil }
        return matched
    }
}

// MARK: Codes

extension StaffService {
    /// Letters and digits a person reads without confusing them (no 0/o, 1/l/i).
    static let readableAlphabet = Array("abcdefghjkmnpqrstuvwxyz23456789")

    /// `groups` groups of four random readable characters, joined by hyphens.
    static func newReadableCode(groups: Int) -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<groups).map { _ in
            String((0..<4).map { _ in readableAlphabet.randomElement(using: &generator)! })
        }.joined(separator: "-")
    }

    /// A code as typed, without spaces or hyphens, in lower case.
    static func normalized(_ code: String) -> String {
        code.lowercased().filter { $0.isLetter || $0.isNumber }
    }

    static func checkedEmail(_ email: String) throws -> String {
        do {
            return try SubjectIdentifier(kind: .email, value: email).normalized
        } catch {
            throw VaultError(.inputInvalid, "'email' is not an e-mail address")
        }
    }
}
