import Foundation
import HTTPTypes
import Hummingbird
import KluisCore

/// The routes of the vault API.
struct VaultRoutes: Sendable {
    let vault: Vault
    let configuration: HTTPConfiguration

    func register(on router: RouterGroup<APIRequestContext>, table: inout RouteTable) {
        func route(_ method: HTTPRequest.Method, _ path: String, _ access: RouteTable.Access,
                   _ handler: @escaping @Sendable (Request, APIRequestContext) async throws -> Response) {
            table.add(method, path, access, on: router, handler)
        }
        route(.post, "/v1/subjects", .key, createSubject)
        route(.post, "/v1/subjects/batch", .key, createSubjects)
        route(.post, "/v1/subjects/lookup", .key, lookup)
        route(.get, "/v1/subjects/{id}", .key, read)
        route(.put, "/v1/subjects/{id}/{category}", .key, write)
        route(.delete, "/v1/subjects/{id}/{category}", .key, deleteCategory)
        route(.delete, "/v1/subjects/{id}/{category}/{record_id}", .key, deleteRecord)
        route(.post, "/v1/subjects/{id}/events", .key, recordEvent)
        route(.get, "/v1/subjects/{id}/access-history", .admin, accessHistory)
        route(.get, "/v1/audit", .admin, auditEvents)
        route(.get, "/v1/audit/verify", .admin, verifyAudit)
        route(.get, "/healthz", .public) { _, _ in JSONBody.text("{\"status\":\"ok\"}", contentType: "application/json") }
        route(.get, "/openapi.json", .public) { _, _ in JSONBody.text(OpenAPIDocument.json, contentType: "application/json") }
    }

    // MARK: Subjects

    @Sendable func createSubject(_ request: Request, context: APIRequestContext) async throws -> Response {
        let principal = try context.principal()
        let body = try await JSONBody.decode(SubjectDocument.self, from: request, limit: configuration.maximumBodySize)
        let id = try await vault.createSubject(try body.subject(), by: principal)
        return try JSONBody.response(Payloads.Created(id: id), status: .created)
    }

    @Sendable func createSubjects(_ request: Request, context: APIRequestContext) async throws -> Response {
        let principal = try context.principal()
        let body = try await JSONBody.decode(Payloads.BatchBody.self, from: request, limit: configuration.maximumBatchBodySize)
        guard !body.subjects.isEmpty, body.subjects.count <= configuration.maximumBatchSize else {
            throw VaultError(.inputInvalid, "a batch holds 1 to \(configuration.maximumBatchSize) subjects")
        }
        let ids = try await vault.createSubjects(try body.subjects.map { try $0.subject() }, by: principal)
        return try JSONBody.response(Payloads.CreatedMany(ids: ids), status: .created)
    }

    @Sendable func lookup(_ request: Request, context: APIRequestContext) async throws -> Response {
        let principal = try context.principal()
        let body = try await JSONBody.decode(Payloads.LookupBody.self, from: request, limit: configuration.maximumBodySize)
        guard let kind = SubjectIdentifier.Kind(rawValue: body.kind) else {
            throw VaultError(.identifierInvalid, "'kind' must be email, phone, customer_number or external_id")
        }
        let id = try await vault.lookup(try SubjectIdentifier(kind: kind, value: body.value), by: principal)
        return try JSONBody.response(Payloads.Created(id: id))
    }

    @Sendable func read(_ request: Request, context: APIRequestContext) async throws -> Response {
        let principal = try context.principal()
        let subject = try Self.subjectID(context)
        guard let purpose = request.uri.queryParameters.get("purpose") ?? request.headers[Self.purposeHeader] else {
            throw VaultError(.purposeUnknown, "name the purpose of the read: ?purpose=ID or the Kluis-Purpose header")
        }
        let read = try await vault.read(subject, for: purpose, by: principal,
                                        breakGlassReason: request.headers[Self.breakGlassHeader])
        return try JSONBody.response(Payloads.ReadAnswer(read))
    }

    @Sendable func write(_ request: Request, context: APIRequestContext) async throws -> Response {
        let principal = try context.principal()
        let subject = try Self.subjectID(context)
        let category = try context.parameters.require("category")
        let body = try await JSONBody.decode(Payloads.FieldsBody.self, from: request, limit: configuration.maximumBodySize)
        let record = NewRecord(category: category, id: try body.recordID.map(Payloads.recordID), fields: body.fields, purpose: body.purpose)
        let id = try await vault.write(record, for: subject, by: principal)
        return try JSONBody.response(Payloads.Written(recordID: id))
    }

    @Sendable func deleteCategory(_ request: Request, context: APIRequestContext) async throws -> Response {
        let principal = try context.principal()
        let erasure = try await vault.delete(try context.parameters.require("category"), of: try Self.subjectID(context), by: principal)
        return try JSONBody.response(erasure)
    }

    @Sendable func deleteRecord(_ request: Request, context: APIRequestContext) async throws -> Response {
        let principal = try context.principal()
        let record = try Payloads.recordID(try context.parameters.require("record_id"))
        let erasure = try await vault.delete(try context.parameters.require("category"), record: record,
                                             of: try Self.subjectID(context), by: principal)
        return try JSONBody.response(erasure)
    }

    @Sendable func recordEvent(_ request: Request, context: APIRequestContext) async throws -> Response {
        let principal = try context.principal()
        let subject = try Self.subjectID(context)
        let body = try await JSONBody.decode(Payloads.EventBody.self, from: request, limit: configuration.maximumBodySize)
        try await vault.recordEvent(body.name, at: body.at, for: subject, by: principal)
        return Response(status: .noContent)
    }

    // MARK: Audit

    @Sendable func accessHistory(_ request: Request, context: APIRequestContext) async throws -> Response {
        try context.admin()
        let subject = try Self.subjectID(context)
        let events = try await vault.auditEvents(after: after(request), subject: subject, limit: limit(request))
        return try JSONBody.response(Payloads.AuditPage(events: events.map(Payloads.AuditEventAnswer.init)))
    }

    @Sendable func auditEvents(_ request: Request, context: APIRequestContext) async throws -> Response {
        try context.admin()
        let subject = try request.uri.queryParameters.get("subject").map { try Payloads.subjectID($0, field: "subject") }
        let events = try await vault.auditEvents(after: after(request), subject: subject, limit: limit(request))
        return try JSONBody.response(Payloads.AuditPage(events: events.map(Payloads.AuditEventAnswer.init)))
    }

    @Sendable func verifyAudit(_ request: Request, context: APIRequestContext) async throws -> Response {
        try context.admin()
        let verifier = try await vault.verifyAudit()
        return try JSONBody.response(Payloads.Verification(intact: verifier.isIntact, checked: verifier.checked,
                                                           firstBroken: verifier.firstBroken?.sequence,
                                                           problem: verifier.firstBroken?.problem))
    }

    // MARK: Statement

    // MARK: Helpers

    static let purposeHeader = HTTPField.Name("Kluis-Purpose")!
    static let breakGlassHeader = HTTPField.Name("Kluis-Break-Glass-Reason")!

    static func subjectID(_ context: APIRequestContext) throws -> SubjectID {
        guard let id = context.parameters.get("id").flatMap(SubjectID.init(rawValue:)) else {
            throw VaultError(.subjectNotFound, "the path does not name a subject id (sub_…)")
        }
        return id
    }

    func after(_ request: Request) -> Int64 {
        request.uri.queryParameters.get("after").flatMap(Int64.init) ?? 0
    }

    func limit(_ request: Request) -> Int {
        request.uri.queryParameters.get("limit").flatMap(Int.init) ?? 100
    }
}
