import Foundation
import KluisCore
import KluisTesting
import KluisWeb
import Testing

/// Staff accounts of the console: enrolment with a password and an authenticator, sign-in with
/// both, replays and recovery codes, lockout, reset and disabling, all audited.
@Suite struct StaffAccountTests {
    /// bcrypt at its lowest cost: the tests check what is hashed, not how slowly.
    static let credentials = BcryptTOTPCredentials(cost: 4)
    static let password = "correct horse battery staple"

    @Test func theCredentialsComputeRFC6238Codes() {
        // RFC 6238, appendix B: the SHA-1 secret "12345678901234567890" at 59 s gives 94287082.
        #expect(Self.credentials.totpCode(secret: "12345678901234567890", step: 1) == "287082")
        #expect(ReferenceTOTP(key: Array("12345678901234567890".utf8)).code(at: Date(timeIntervalSince1970: 59)) == "287082")
        let hash = Self.credentials.hashPassword(Self.password)
        #expect(hash.hasPrefix("$2"), "not bcrypt")
        #expect(Self.credentials.verifyPassword(Self.password, hash: hash))
        #expect(!Self.credentials.verifyPassword(Self.password + "!", hash: hash))
        #expect(!Self.credentials.verifyPassword(Self.password, hash: nil))
    }

    @Test(arguments: StoreKind.enabled) func aMemberEnrolsAndSignsInWithPasswordAndCode(store: StoreKind) async throws {
        let fixture = try await VaultFixture(store: store)
        let staff = fixture.vault.staff(Self.credentials)
        let (added, enrolmentCode) = try await staff.add(name: "Fleur", email: "Fleur@Example.nl", role: .owner, by: "cli")
        #expect(added.email == "fleur@example.nl" && !added.isActive)
        // Not before enrolling.
        await #expect(throws: VaultError.self) {
            try await staff.signIn(email: "fleur@example.nl", password: Self.password, code: "000000", from: "127.0.0.1")
        }
        await #expect(throws: VaultError.self) {
            try await staff.beginEnrolment(email: "fleur@example.nl", enrolmentCode: "aaaa-bbbb-cccc-dddd", password: Self.password, from: "127.0.0.1")
        }
        await #expect(throws: VaultError.self, "a short password was taken") {
            try await staff.beginEnrolment(email: "fleur@example.nl", enrolmentCode: enrolmentCode, password: "short", from: "127.0.0.1")
        }
        let enrolment = try await staff.beginEnrolment(email: "fleur@example.nl", enrolmentCode: enrolmentCode.uppercased(),
                                                       password: Self.password, from: "127.0.0.1")
        #expect(enrolment.uri.hasPrefix("otpauth://totp/"))
        #expect(enrolment.recoveryCodes.count == StaffService.recoveryCodeCount)
        let secret = try #require(ReferenceTOTP.secret(of: enrolment.uri))
        #expect(secret == enrolment.secret)
        let totp = ReferenceTOTP(base32: secret)

        // The store holds neither the password nor the secret nor a recovery code.
        let stored = try #require(try await fixture.store.staffMember(id: added.id)).encoded()
        for secretText in [Self.password, secret, enrolment.recoveryCodes[0]] {
            #expect(stored.range(of: Data(secretText.utf8)) == nil)
        }

        await #expect(throws: VaultError.self) { try await staff.confirmEnrolment(added.id, code: "000000") }
        let member = try await staff.confirmEnrolment(added.id, code: totp.code(at: fixture.clock.now()))
        #expect(member.isActive)

        // The code the enrolment was confirmed with is not good again.
        await #expect(throws: VaultError.self) {
            try await staff.signIn(email: "fleur@example.nl", password: Self.password, code: totp.code(at: fixture.clock.now()), from: "127.0.0.1")
        }
        fixture.clock.advance(by: 30)
        let signedIn = try await staff.signIn(email: " FLEUR@example.nl", password: Self.password,
                                              code: totp.code(at: fixture.clock.now()), from: "127.0.0.1")
        #expect(signedIn.id == added.id && signedIn.role == .owner)
        // A code of the next step (a clock a little ahead) is good, once.
        fixture.clock.advance(by: 30)
        let ahead = totp.code(at: fixture.clock.now() + 30)
        _ = try await staff.signIn(email: "fleur@example.nl", password: Self.password, code: ahead, from: "127.0.0.1")
        await #expect(throws: VaultError.self) {
            try await staff.signIn(email: "fleur@example.nl", password: Self.password, code: ahead, from: "127.0.0.1")
        }
        // A recovery code works once.
        let recovery = enrolment.recoveryCodes[3]
        _ = try await staff.signIn(email: "fleur@example.nl", password: Self.password, code: recovery, from: "127.0.0.1")
        await #expect(throws: VaultError.self) {
            try await staff.signIn(email: "fleur@example.nl", password: Self.password, code: recovery, from: "127.0.0.1")
        }

        let events = try await fixture.vault.auditEvents(limit: 1000).map(\.entry)
        #expect(events.contains { $0.actor == "cli" && $0.action == .staff && $0.reason == "\(added.id) added as owner" })
        #expect(events.contains { $0.actor == added.id && $0.action == .staff && $0.reason == "\(added.id) enrolled" })
        #expect(events.filter { $0.actor == added.id && $0.action == .signIn && $0.outcome == .allowed }.count == 3)
        #expect(events.contains { $0.actor == added.id && $0.action == .signIn && $0.outcome == .denied })
        #expect(!events.contains { ($0.reason ?? "").contains("fleur@") }, "an address reached the audit log")
    }

    @Test(arguments: StoreKind.enabled) func fiveFailuresLockTheAccount(store: StoreKind) async throws {
        let fixture = try await VaultFixture(store: store)
        let staff = fixture.vault.staff(Self.credentials)
        let (member, totp) = try await Self.enrolled(in: fixture, role: .desk)
        // Each failure from another client: the account's own count locks it.
        for attempt in 0..<5 {
            let error = await #expect(throws: VaultError.self) {
                try await staff.signIn(email: member.email, password: "wrong password \(attempt)", code: "123456", from: "10.0.0.\(attempt)")
            }
            #expect(error?.code == .signInFailed)
        }
        fixture.clock.advance(by: 30)
        let locked = await #expect(throws: VaultError.self) {
            try await staff.signIn(email: member.email, password: Self.password, code: totp.code(at: fixture.clock.now()), from: "10.0.1.1")
        }
        #expect(locked?.code == .rateLimited, "the right password got through a locked account")
        // An unknown address fails as a wrong password does.
        let unknown = await #expect(throws: VaultError.self) {
            try await staff.signIn(email: "nobody@example.nl", password: Self.password, code: "123456", from: "10.0.2.1")
        }
        #expect(unknown?.code == .signInFailed && unknown?.message == "the e-mail address, the password or the code is wrong")
        // The lock passes.
        fixture.clock.advance(by: 3600)
        _ = try await staff.signIn(email: member.email, password: Self.password, code: totp.code(at: fixture.clock.now()), from: "10.0.1.1")
    }

    @Test(arguments: StoreKind.enabled) func disabledAndResetAccountsSignInNoMore(store: StoreKind) async throws {
        let fixture = try await VaultFixture(store: store)
        let staff = fixture.vault.staff(Self.credentials)
        let (member, totp) = try await Self.enrolled(in: fixture, role: .auditor)
        await #expect(throws: VaultError.self, "a second account with the address") {
            try await staff.add(name: "Twin", email: member.email, role: .desk, by: "cli")
        }
        try await staff.disable(member.id, by: "cli")
        fixture.clock.advance(by: 30)
        await #expect(throws: VaultError.self) {
            try await staff.signIn(email: member.email, password: Self.password, code: totp.code(at: fixture.clock.now()), from: "127.0.0.1")
        }
        let (reset, code) = try await staff.reset(member.id, by: "cli")
        #expect(!reset.isActive && reset.passwordHash == nil && reset.sealedTOTPSecret == nil && reset.recoveryCodes.isEmpty)
        fixture.clock.advance(by: 30)
        await #expect(throws: VaultError.self) {
            try await staff.signIn(email: member.email, password: Self.password, code: totp.code(at: fixture.clock.now()), from: "127.0.0.1")
        }
        let again = try await staff.beginEnrolment(email: member.email, enrolmentCode: code, password: Self.password + "2", from: "127.0.0.1")
        #expect(!again.secret.isEmpty)
        await #expect(throws: VaultError.self) { try await staff.member("staff_none") }
    }

    /// An enrolled member of `role` with ``password``, and their authenticator.
    static func enrolled(in fixture: VaultFixture, role: StaffRole, email: String = "desk@example.nl") async throws -> (StaffMember, ReferenceTOTP) {
        let staff = fixture.vault.staff(credentials)
        let (added, code) = try await staff.add(name: "Member", email: email, role: role, by: "cli")
        let enrolment = try await staff.beginEnrolment(email: email, enrolmentCode: code, password: password, from: "127.0.0.1")
        let totp = ReferenceTOTP(base32: try #require(ReferenceTOTP.secret(of: enrolment.uri)))
        return (try await staff.confirmEnrolment(added.id, code: totp.code(at: fixture.clock.now())), totp)
    }
}

extension StaffAccountTests {
    @Test func theLastActiveOwnerStaysAndPasswordsFitBcrypt() async throws {
        let fixture = try await VaultFixture()
        let staff = fixture.vault.staff(Self.credentials)
        let (fleur, _) = try await Self.enrolled(in: fixture, role: .owner, email: "fleur@example.nl")
        for change in ["disable", "reset", "role"] {
            let error = await #expect(throws: VaultError.self, "\(change) of the only owner") {
                switch change {
                case "disable": try await staff.disable(fleur.id, by: "cli")
                case "reset": _ = try await staff.reset(fleur.id, by: "cli")
                default: try await staff.setRole(.desk, of: fleur.id, by: "cli")
                }
            }
            #expect(error?.message.contains("the only active owner") == true)
        }
        let unchanged = try await staff.member(fleur.id)
        #expect(unchanged.isActive && unchanged.role == .owner)
        let (anne, _) = try await Self.enrolled(in: fixture, role: .owner, email: "anne@example.nl")
        try await staff.disable(fleur.id, by: anne.id)
        #expect(try await staff.member(fleur.id).disabledAt != nil)

        let (_, code) = try await staff.add(name: "Long", email: "long@example.nl", role: .desk, by: "cli")
        let error = await #expect(throws: VaultError.self) {
            try await staff.beginEnrolment(email: "long@example.nl", enrolmentCode: code, password: String(repeating: "é", count: 37),
                                           from: "127.0.0.1")
        }
        #expect(error?.message.contains("at most 72 bytes") == true)
    }
}
