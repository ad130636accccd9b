import Foundation
import KluisCore
import Testing

/// Staff accounts: kept whole, found by id and by address, one account per address.
extension StoreContract {
    public func staffMembersRoundTrip() async throws {
        let store = try await prepared()
        var fleur = StaffMember(id: "staff_fleur", name: "Fleur", email: "fleur@example.nl", role: .owner,
                                passwordHash: "$2b$04$hash", sealedTOTPSecret: Data([1, 2, 3]), recoveryCodes: [Data([4]), Data([5])],
                                enrolmentCode: Data([6]), enrolmentExpiresAt: Self.t0 + 60, createdAt: Self.t0)
        let anne = StaffMember(id: "staff_anne", name: "Anne", email: "anne@example.nl", role: .auditor, createdAt: Self.t0)
        try await store.commit([.putStaffMember(fleur, replacing: nil), .putStaffMember(anne, replacing: nil)], audit: [])
        #expect(try await store.staffMember(id: "staff_fleur") == fleur)
        #expect(try await store.staffMember(email: "anne@example.nl") == anne)
        #expect(try await store.staffMember(email: "nobody@example.nl") == nil)
        #expect(try await store.staffMembers().map(\.id) == ["staff_anne", "staff_fleur"], "not by name")
        // Replaced whole.
        let read = fleur
        fleur.enrolmentCode = nil
        fleur.enrolledAt = Self.t0 + 30
        fleur.lastCodeStep = 42
        fleur.recoveryCodes.removeFirst()
        try await store.commit([.putStaffMember(fleur, replacing: read)], audit: [])
        #expect(try await store.staffMember(id: "staff_fleur") == fleur)
        // A second account with an address in use is refused, and nothing of its commit stays.
        let twin = StaffMember(id: "staff_twin", name: "Twin", email: "anne@example.nl", role: .desk, createdAt: Self.t0)
        await #expect(throws: (any Error).self) {
            try await store.commit([.putStaffMember(twin, replacing: nil)], audit: [])
        }
        #expect(try await store.staffMember(id: "staff_twin") == nil)
    }
}
