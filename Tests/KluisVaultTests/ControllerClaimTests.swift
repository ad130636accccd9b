import Foundation
import KluisCore
import KluisTesting
import Testing

/// Issue 22: a vault belongs to the controller of the first policy it was opened with. A new
/// version of that controller's policy is fine; another controller's is refused and changes
/// nothing, unless allowed explicitly, which moves the vault and is audited.
@Suite struct ControllerClaimTests {
    @Test(arguments: StoreKind.enabled) func anotherControllersPolicyIsRefusedAndChangesNothing(store: StoreKind) async throws {
        let fixture = try await VaultFixture(store: store)
        defer { fixture.directory.remove() }
        let eventsBefore = try await fixture.vault.auditEvents(limit: 1000).count
        var other = PolicyFixture()
        other.controllerName = "Concurrent Webwinkel B.V."
        other.controllerKvK = "87654321"

        let error = await #expect(throws: VaultError.self) { _ = try await fixture.reopened(with: other) }
        #expect(error?.code == .policyOtherController)
        #expect(error?.message.contains("Voorbeeld B.V. (KvK 12345678)") == true, "\(error?.message ?? "")")
        #expect(error?.message.contains("Concurrent Webwinkel B.V.") == true, "\(error?.message ?? "")")
        #expect(try await fixture.vault.auditEvents(limit: 1000).count == eventsBefore, "a refused policy left an audit event")
        // Still the first controller's: refused again, and its own policy is accepted.
        await #expect(throws: VaultError.self) { _ = try await fixture.reopened(with: other) }
        _ = try await fixture.reopened(with: PolicyFixture())
    }

    @Test(arguments: StoreKind.enabled) func aNewVersionOrANewNameUnderTheSameKvKIsTheSameController(store: StoreKind) async throws {
        let fixture = try await VaultFixture(store: store)
        defer { fixture.directory.remove() }
        var newVersion = PolicyFixture()
        newVersion.version = "2.0"
        _ = try await fixture.reopened(with: newVersion)
        var renamed = PolicyFixture()
        renamed.controllerName = "Voorbeeld Groep B.V."
        _ = try await fixture.reopened(with: renamed)
        // Without a KvK number the name is all there is: the same name in other case is the same.
        var withoutKvK = PolicyFixture()
        withoutKvK.controllerKvK = nil
        withoutKvK.controllerName = " voorbeeld b.v."
        _ = try await fixture.reopened(with: withoutKvK)
    }

    @Test(arguments: StoreKind.enabled) func anExplicitlyAllowedMoveIsAuditedAndBindsTheVault(store: StoreKind) async throws {
        let fixture = try await VaultFixture(store: store)
        defer { fixture.directory.remove() }
        var other = PolicyFixture()
        other.controllerName = "Overnemer B.V."
        other.controllerKvK = "11223344"
        let moved = try await fixture.reopened(with: other, allowingAnotherController: true)
        let last = try #require(try await moved.auditEvents(limit: 1000).last)
        #expect(last.entry.action == .controller)
        #expect(last.entry.reason == "the vault moves from Voorbeeld B.V. (KvK 12345678) to Overnemer B.V. (KvK 11223344)")
        #expect(try await moved.verifyAudit().isIntact)
        // Now the new controller's: the old one's policy is the other one.
        let error = await #expect(throws: VaultError.self) { _ = try await fixture.reopened(with: PolicyFixture()) }
        #expect(error?.code == .policyOtherController)
        _ = try await fixture.reopened(with: other)
    }
}
