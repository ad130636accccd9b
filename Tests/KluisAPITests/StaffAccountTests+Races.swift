import Foundation
import KluisCore
import KluisTesting
import Testing

/// Sign-ins at the same moment as each other, or as a disabling: an account is stored only as it
/// was read, so a code is used once and a disabled account stays disabled. And two owners
/// demoted at the same moment: one stays owner.
extension StaffAccountTests {
    @Test(arguments: StoreKind.enabled) func aCodeSignsInOnceEvenWhenSentThreeTimesAtOnce(store: StoreKind) async throws {
        let fixture = try await VaultFixture(store: store)
        let staff = fixture.vault.staff(Self.credentials)
        let (added, enrolmentCode) = try await staff.add(name: "Member", email: "desk@example.nl", role: .desk, by: "cli")
        let enrolment = try await staff.beginEnrolment(email: added.email, enrolmentCode: enrolmentCode, password: Self.password, from: "127.0.0.1")
        let totp = ReferenceTOTP(base32: try #require(ReferenceTOTP.secret(of: enrolment.uri)))
        let member = try await staff.confirmEnrolment(added.id, code: totp.code(at: fixture.clock.now()))
        for code in [totp.code(at: fixture.clock.now() + 30), enrolment.recoveryCodes[0]] {
            fixture.clock.advance(by: 30)
            let outcomes = await withTaskGroup(of: VaultError?.self) { group in
                for client in 1...3 {
                    group.addTask {
                        do {
                            _ = try await staff.signIn(email: member.email, password: Self.password, code: code, from: "10.0.3.\(client)")
                            return nil
                        } catch { return error as? VaultError ?? VaultError(.storeFailure, "\(error)") }
                    }
                }
                return await group.reduce(into: [VaultError?]()) { $0.append($1) }
            }
            #expect(outcomes.filter { $0 == nil }.count == 1, "one of three sign-ins with one code succeeds")
            #expect(outcomes.compactMap { $0?.code } == [.signInFailed, .signInFailed], "the others are refused as a used code")
        }
    }

    @Test(arguments: StoreKind.enabled) func aSignInAtTheMomentOfDisablingLeavesTheAccountDisabled(store: StoreKind) async throws {
        let fixture = try await VaultFixture(store: store)
        let staff = fixture.vault.staff(Self.credentials)
        for round in 0..<5 {
            let (member, totp) = try await Self.enrolled(in: fixture, role: .desk, email: "desk\(round)@example.nl")
            fixture.clock.advance(by: 30)
            let code = totp.code(at: fixture.clock.now())
            async let signIn: StaffMember? = try? staff.signIn(email: member.email, password: Self.password, code: code, from: "127.0.0.1")
            async let disabling = staff.disable(member.id, by: "cli")
            _ = try await (signIn, disabling)
            #expect(try await staff.member(member.id).disabledAt != nil, "round \(round): the account stays disabled")
        }
    }

    @Test(arguments: StoreKind.enabled) func twoOwnersDemotedAtTheSameMomentLeaveOneOwner(store: StoreKind) async throws {
        let fixture = try await VaultFixture(store: store)
        let staff = fixture.vault.staff(Self.credentials)
        var (kept, _) = try await Self.enrolled(in: fixture, role: .owner, email: "owner@example.nl")
        for round in 0..<6 {
            let (other, _) = try await Self.enrolled(in: fixture, role: .owner, email: "owner\(round)@example.nl")
            // Each of the two counts on the other to stay owner; only one of them may.
            let outcomes = await withTaskGroup(of: VaultError?.self) { group in
                for member in [kept, other] {
                    group.addTask {
                        do {
                            if round.isMultiple(of: 2) { try await staff.setRole(.desk, of: member.id, by: "cli") } else { try await staff.disable(member.id, by: "cli") }
                            return nil
                        } catch { return error as? VaultError ?? VaultError(.storeFailure, "\(error)") }
                    }
                }
                return await group.reduce(into: [VaultError?]()) { $0.append($1) }
            }
            let owners = try await staff.members().filter { $0.role == .owner && $0.isActive }
            #expect(owners.count == 1, "round \(round): one active owner is left, not \(owners.count)")
            #expect(outcomes.compactMap { $0?.message }.allSatisfy { $0.contains("the only active owner") }, "round \(round): \(outcomes)")
            kept = try #require(owners.first)
        }
    }
}
