import Foundation
import HTTPTypes
import Hummingbird
import KluisCore
import OpenAPIHummingbird
import OpenAPIRuntime

/// Registers the handlers generated from the contract on the API's router: each operation behind
/// the key middleware of the access the contract gives it, with the body limit, and recorded in
/// the route table. An operation the contract gives no access cannot be registered.
final class ContractTransport: ServerTransport {
    private let router: RouterGroup<APIRequestContext>
    private let bodyLimit: Int
    private(set) var table: RouteTable

    init(router: RouterGroup<APIRequestContext>, table: RouteTable, bodyLimit: Int) {
        self.router = router
        self.table = table
        self.bodyLimit = bodyLimit
    }

    func register(_ handler: @escaping @Sendable (HTTPRequest, HTTPBody?, ServerRequestMetadata) async throws -> (HTTPResponse, HTTPBody?),
                  method: HTTPRequest.Method, path: String) throws {
        guard let access = OpenAPIDocument.access(method, path) else {
            preconditionFailure("the contract gives \(method) \(path) no access")
        }
        table.endpoint(method, path, access, on: router)
            .add(middleware: BodyLimitMiddleware(limit: bodyLimit))
            .register(handler, method: method, path: path)
    }

    /// How the generated code reads and writes JSON: as the rest of the API does.
    static let configuration = Configuration(dateTranscoder: ContractDateTranscoder(),
                                             jsonEncodingOptions: [.sortedKeys, .withoutEscapingSlashes])
}

/// Times as ISO 8601, with or without fractional seconds on the way in (JavaScript's
/// `toISOString()` sends them), without on the way out. A time that is not one is `input.invalid`
/// wherever it came from: a query, a path or a body.
struct ContractDateTranscoder: DateTranscoder {
    func encode(_ date: Date) throws -> String {
        date.formatted(Date.ISO8601FormatStyle())
    }

    func decode(_ text: String) throws -> Date {
        if let date = try? Date(text, strategy: .iso8601) { return date }
        if let date = try? Date(text, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true)) { return date }
        throw VaultError(.inputInvalid, "times must be ISO 8601, such as 2027-01-31T12:00:00Z")
    }
}
