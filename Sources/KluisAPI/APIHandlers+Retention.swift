import Foundation
import KluisContract
import KluisCore

/// Retention: legal holds on a person (any key: a dispute is noticed where the work happens),
/// sweeps on demand, the retention report and the anonymous records sweeps leave (admin).
extension APIHandlers {
    func placeHold(_ input: Operations.PlaceHold.Input) async throws -> Operations.PlaceHold.Output {
        try await vault.retention.placeHold(try Self.hold(input.path.hold), on: try Self.subjectID(input.path.id), by: APICaller.principal())
        return .noContent(.init())
    }

    func releaseHold(_ input: Operations.ReleaseHold.Input) async throws -> Operations.ReleaseHold.Output {
        try await vault.retention.releaseHold(try Self.hold(input.path.hold), on: try Self.subjectID(input.path.id), by: APICaller.principal())
        return .noContent(.init())
    }

    func sweepRetention(_ input: Operations.SweepRetention.Input) async throws -> Operations.SweepRetention.Output {
        try APICaller.admin()
        let body = switch input.body { case .json(let body): body }
        let report = try await vault.retention.sweep(dryRun: body.dryRun ?? false)
        return .ok(.init(body: .json(.init(report))))
    }

    func retentionReport(_ input: Operations.RetentionReport.Input) async throws -> Operations.RetentionReport.Output {
        try APICaller.admin()
        return .ok(.init(body: .json(.init(try await vault.retention.report(at: input.query.at)))))
    }

    func anonymousRecords(_ input: Operations.AnonymousRecords.Input) async throws -> Operations.AnonymousRecords.Output {
        try APICaller.admin()
        let category = input.query.category
        if let category, vault.policy.category(category) == nil {
            throw VaultError(.categoryUnknown, "'\(category)' is not a category of the policy")
        }
        let limit = max(1, min(input.query.limit ?? 1000, 10_000))
        let records = try await vault.retention.anonymousRecords(category: category, limit: limit)
        return .ok(.init(body: .json(.init(records: records.map(Components.Schemas.AnonymousRecord.init)))))
    }

    static func hold(_ text: String) throws -> String {
        guard Identifier.isValid(text) else { throw VaultError(.holdUnknown, "the path does not name a legal hold") }
        return text
    }
}
