import Foundation

/// The store's role for the breach register. Breaches change through
/// ``StoreChange/putBreach(_:)``, committed with the audit event of the step.
public protocol BreachStore: Sendable {
    /// Every breach, the latest awareness first.
    func breaches() async throws -> [Breach]
    func breach(id: String) async throws -> Breach?
    /// The breaches the person was told of, the latest first.
    func breachNotices(of subject: SubjectID) async throws -> [BreachNotice]
}
