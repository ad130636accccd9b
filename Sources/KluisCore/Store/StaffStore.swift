import Foundation

/// The store's role for the console's staff accounts. Accounts change through
/// ``StoreChange/putStaffMember(_:replacing:)``, committed with the audit event that says why.
public protocol StaffStore: Sendable {
    /// Every staff account, by name.
    func staffMembers() async throws -> [StaffMember]
    func staffMember(id: String) async throws -> StaffMember?
    /// The account with this (lower-cased) e-mail address.
    func staffMember(email: String) async throws -> StaffMember?
}
