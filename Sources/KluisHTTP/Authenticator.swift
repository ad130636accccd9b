import HTTPTypes
import Hummingbird
import KluisCore

/// Finds the principal of a request from its `Authorization: Bearer <token>` header.
struct Authenticator: Sendable {
    let vault: Vault

    func principal(of request: Request) async throws -> Principal {
        guard let header = request.headers[.authorization], header.hasPrefix("Bearer "),
              let principal = try await vault.authenticate(token: String(header.dropFirst(7))) else {
            throw Problem(.unauthorized, code: VaultError.Code.unauthorised.rawValue,
                          detail: "send a valid API key as 'Authorization: Bearer kluis_key_…'")
        }
        return principal
    }

    func admin(of request: Request) async throws -> Principal {
        let principal = try await principal(of: request)
        guard principal.isAdmin else {
            throw Problem(.forbidden, code: VaultError.Code.forbidden.rawValue, detail: "this needs an admin key")
        }
        return principal
    }
}
