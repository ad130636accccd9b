import Foundation
import HTTPTypes
import Hummingbird
import KluisCore

/// The routes of retention: legal holds on a person, sweeps on demand, and the anonymous
/// records sweeps leave. Holds may be set by any key an application holds (a dispute is noticed
/// where the work happens); sweeps and anonymous records need an admin key.
struct RetentionRoutes: Sendable {
    let vault: Vault
    let configuration: HTTPConfiguration

    func register(on router: RouterGroup<APIRequestContext>, table: inout RouteTable) {
        table.add(.put, "/v1/subjects/{id}/holds/{hold}", .key, on: router, placeHold)
        table.add(.delete, "/v1/subjects/{id}/holds/{hold}", .key, on: router, releaseHold)
        table.add(.post, "/v1/retention/sweeps", .admin, on: router, sweep)
        table.add(.get, "/v1/retention/report", .admin, on: router, report)
        table.add(.get, "/v1/anonymous-records", .admin, on: router, anonymousRecords)
    }

    struct SweepBody: Decodable {
        var dryRun: Bool?

        enum CodingKeys: String, CodingKey {
            case dryRun = "dry_run"
        }
    }

    struct AnonymousRecordList: Encodable {
        var records: [AnonymousRecord]
    }

    @Sendable func placeHold(_ request: Request, context: APIRequestContext) async throws -> Response {
        let principal = try context.principal()
        try await vault.placeHold(try Self.hold(context), on: try VaultRoutes.subjectID(context), by: principal)
        return Response(status: .noContent)
    }

    @Sendable func releaseHold(_ request: Request, context: APIRequestContext) async throws -> Response {
        let principal = try context.principal()
        try await vault.releaseHold(try Self.hold(context), on: try VaultRoutes.subjectID(context), by: principal)
        return Response(status: .noContent)
    }

    @Sendable func sweep(_ request: Request, context: APIRequestContext) async throws -> Response {
        try context.admin()
        let body = try await JSONBody.decode(SweepBody.self, from: request, limit: configuration.maximumBodySize)
        return try JSONBody.response(try await vault.sweep(dryRun: body.dryRun ?? false))
    }

    @Sendable func report(_ request: Request, context: APIRequestContext) async throws -> Response {
        try context.admin()
        var time: Date?
        if let text = request.uri.queryParameters.get("at") {
            guard let parsed = try? Date(String(text), strategy: .iso8601) else {
                throw VaultError(.inputInvalid, "'at' must be an ISO 8601 time, such as 2027-01-31T12:00:00Z")
            }
            time = parsed
        }
        return try JSONBody.response(try await vault.retentionReport(at: time))
    }

    @Sendable func anonymousRecords(_ request: Request, context: APIRequestContext) async throws -> Response {
        try context.admin()
        let query = request.uri.queryParameters
        let category = query.get("category")
        if let category, vault.policy.category(category) == nil {
            throw VaultError(.categoryUnknown, "'\(category)' is not a category of the policy")
        }
        let limit = max(1, min(query.get("limit").flatMap(Int.init) ?? 1000, 10_000))
        return try JSONBody.response(AnonymousRecordList(records: try await vault.anonymousRecords(category: category, limit: limit)))
    }

    static func hold(_ context: APIRequestContext) throws -> String {
        guard let hold = context.parameters.get("hold"), Identifier.isValid(hold) else {
            throw VaultError(.holdUnknown, "the path does not name a legal hold")
        }
        return hold
    }
}
