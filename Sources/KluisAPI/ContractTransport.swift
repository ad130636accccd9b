import Foundation
import HTTPTypes
import Hummingbird
import KluisContract
import KluisCore
import OpenAPIRuntime

/// Registers the handlers generated from the contract on the API's router: each operation behind
/// the key middleware of the access the contract gives it, with its body limit, and recorded in
/// the route table. Operations that need no key answer any origin, without credentials: a
/// visitor's browser calls them from the organisation's site. An operation the contract does not
/// describe cannot be registered.
final class ContractTransport: ServerTransport {
    private let router: RouterGroup<APIRequestContext>
    private let configuration: HTTPConfiguration
    private(set) var table: RouteTable

    init(router: RouterGroup<APIRequestContext>, table: RouteTable, configuration: HTTPConfiguration) {
        self.router = router
        self.table = table
        self.configuration = configuration
    }

    func register(_ handler: @escaping @Sendable (HTTPRequest, HTTPBody?, ServerRequestMetadata) async throws -> (HTTPResponse, HTTPBody?),
                  method: HTTPRequest.Method, path: String) throws {
        guard let operation = OpenAPIDocument.operation(method, path) else {
            preconditionFailure("the contract has no operation \(method) \(path)")
        }
        var group = router.group()
        if operation.access == .public || operation.access == .optionalKey {
            // Browsers call these from the organisation's site; their answers may link back to
            // the host they called (the cookie configuration's statement URL).
            group = group.add(middleware: CORSMiddleware(allowOrigin: .all, allowHeaders: [.contentType, .accept],
                                                         allowMethods: [.get, .post, .options], maxAge: .seconds(600)))
                .add(middleware: AuthorityMiddleware())
            // The preflight is answered by the CORS middleware; the route only makes it match.
            if method == .post { group.on(RouterPath(path), method: .options) { _, _ in Response(status: .noContent) } }
        }
        var endpoint = table.endpoint(method, path, operation.access, on: group)
        if let bodyLimit = operation.bodyLimit {
            let limit = switch bodyLimit {
            case .ordinary: configuration.maximumBodySize
            case .batch: configuration.maximumBatchBodySize
            case .bytes(let bytes): bytes
            }
            endpoint = endpoint.add(middleware: JSONBodyMiddleware(limit: limit))
        }
        endpoint.on(RouterPath(path), method: method) { request, context in
            var (response, body) = try await handler(request.head, Self.body(of: request), Self.metadata(of: context))
            // The generated code writes a header's value as a URI component, so the quotes an
            // entity tag must have (RFC 9110) came out as %22; an ETag is sent as it is.
            if let tag = response.headerFields[.eTag] { response.headerFields[.eTag] = tag.removingPercentEncoding ?? tag }
            return Response(status: response.status, headers: response.headerFields, body: try await ResponseBody(contract: body))
        }
    }

    /// The request's body as the generated code reads it, with its length when the client sent one.
    private static func body(of request: Request) -> HTTPBody {
        let length = request.headers[.contentLength].flatMap { Int64($0) }.map(HTTPBody.Length.known) ?? .unknown
        return HTTPBody(request.body.map { [UInt8](buffer: $0) }, length: length, iterationBehavior: .single)
    }

    /// The path's parameters by name, as the generated code reads them.
    private static func metadata(of context: APIRequestContext) -> ServerRequestMetadata {
        ServerRequestMetadata(pathParameters: Dictionary(context.parameters.map { (String($0.0), $0.1) }) { first, _ in first })
    }

    /// How the generated code reads and writes JSON: as the rest of the API does.
    static let configuration = Configuration(dateTranscoder: ContractDateTranscoder(),
                                             jsonEncodingOptions: [.sortedKeys, .withoutEscapingSlashes])
}

/// Times as ISO 8601, with or without fractional seconds on the way in (JavaScript's
/// `toISOString()` sends them), without on the way out. A time that is not one, or not in the
/// years 1000 to 9999 (``PlausibleTime``), is `input.invalid` wherever it came from: a query, a
/// path or a body.
struct ContractDateTranscoder: DateTranscoder {
    func encode(_ date: Date) throws -> String {
        date.formatted(Date.ISO8601FormatStyle())
    }

    func decode(_ text: String) throws -> Date {
        let parsed = (try? Date(text, strategy: .iso8601))
            ?? (try? Date(text, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true)))
        guard let parsed, PlausibleTime.range.contains(parsed) else {
            throw VaultError(.inputInvalid, "times must be ISO 8601 in the years 1000 to 9999, such as 2027-01-31T12:00:00Z")
        }
        return parsed
    }
}
