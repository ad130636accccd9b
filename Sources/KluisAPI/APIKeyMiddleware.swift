import Foundation
import HTTPTypes
import Hummingbird
import KluisCore

/// Finds the caller from `Authorization: Bearer <key>` and puts them in the context and in
/// ``APICaller`` for the handler's task, or refuses the request before its handler runs, as the
/// route's access asks.
struct APIKeyMiddleware: RouterMiddleware {
    typealias Context = APIRequestContext

    let vault: Vault
    let access: RouteTable.Access

    static let unauthorised = Problem(.unauthorized, code: VaultError.Code.unauthorised.rawValue,
                                      detail: "send a valid API key as 'Authorization: Bearer kluis_key_…'")
    static let forbidden = Problem(.forbidden, code: VaultError.Code.forbidden.rawValue, detail: "this needs an admin key")

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        if let token = request.headers[.authorization].flatMap(Self.bearerToken) {
            // A client that sent too many wrong keys is held back, even with a right one.
            try await vault.throttles.refuseIfHeldBack(.failedAuthentication, for: context.clientAddress)
            context.caller = try await vault.authenticate(token: token)
            if context.caller == nil { try await vault.throttles.count(.failedAuthentication, for: context.clientAddress) }
        }
        switch access {
        case .public:
            break
        case .optionalKey:
            // An optional key that does not authenticate leaves the call anonymous; the handler
            // asks for the caller only when the call needs one. An anonymous write (a visitor's
            // cookie choice) is counted per client, as nothing else bounds it.
            if context.caller == nil, request.method != .get { try await vault.throttles.count(.anonymousWrites, for: context.clientAddress) }
        case .key:
            guard context.caller != nil else { throw Self.unauthorised }
        case .admin:
            guard let caller = context.caller else { throw Self.unauthorised }
            guard caller.isAdmin else { throw Self.forbidden }
        }
        return try await APICaller.$current.withValue(context.caller) {
            try await next(request, context)
        }
    }

    /// The token of an `Authorization: Bearer <token>` header. The scheme's name is
    /// case-insensitive (RFC 9110, section 11.1), so `bearer` and `BEARER` are the same.
    /// Works on the header's bytes: it runs on every request, and Foundation's trimming cost
    /// more than the key's check (measured by `kluis bench`).
    static func bearerToken(_ header: String) -> String? {
        let bytes = header.utf8
        guard let space = bytes.firstIndex(of: UInt8(ascii: " ")),
              bytes[..<space].elementsEqual("bearer".utf8, by: { $0 | 0x20 == $1 }) else { return nil }
        // Optional whitespace (RFC 9110, section 5.6.3) around the token is not part of it.
        let isWhitespace = { (byte: UInt8) in byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }
        let rest = bytes[bytes.index(after: space)...]
        guard let first = rest.firstIndex(where: { !isWhitespace($0) }), let last = rest.lastIndex(where: { !isWhitespace($0) }) else {
            return nil
        }
        return String(header[first...last])
    }
}
