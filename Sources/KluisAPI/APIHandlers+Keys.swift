import Foundation
import KluisContract
import KluisCore

/// API keys for admins: list them with when they were last used, create, revoke.
extension APIHandlers {
    func listAPIKeys(_ input: Operations.ListAPIKeys.Input) async throws -> Operations.ListAPIKeys.Output {
        let keys = try await vault.apiKeys(by: try APICaller.admin())
        let now = vault.now()
        return .ok(.init(body: .json(.init(keys: keys.map { Components.Schemas.APIKey($0, at: now) }))))
    }

    func createAPIKey(_ input: Operations.CreateAPIKey.Input) async throws -> Operations.CreateAPIKey.Output {
        let principal = try APICaller.admin()
        let body = switch input.body { case .json(let body): body }
        let created = try await vault.createAPIKey(name: body.name, purposes: body.purposes ?? [], mayBreakGlass: body.breakGlass ?? false,
                                                   isAdmin: body.admin ?? false, mayVouchForSessions: body.vouchesForSessions ?? false,
                                                   expiresAt: body.expiresAt, by: principal)
        guard let key = try await vault.apiKeys(by: principal).first(where: { $0.id == created.id }) else {
            throw VaultError(.apiKeyNotFound, "the new key is gone")
        }
        return .created(.init(body: .json(.init(key: .init(key, at: vault.now()), token: created.token))))
    }

    func revokeAPIKey(_ input: Operations.RevokeAPIKey.Input) async throws -> Operations.RevokeAPIKey.Output {
        let key = try await vault.revokeAPIKey(input.path.keyId, by: try APICaller.admin())
        return .ok(.init(body: .json(.init(key, at: vault.now()))))
    }
}

extension Components.Schemas.APIKey {
    init(_ key: StoredAPIKey, at now: Date) {
        self.init(id: key.id, name: key.name, purposes: key.purposes, breakGlass: key.mayBreakGlass, admin: key.isAdmin,
                  vouchesForSessions: key.mayVouchForSessions, createdAt: key.createdAt, expiresAt: key.expiresAt,
                  revokedAt: key.revokedAt, lastUsedAt: key.lastUsedAt, valid: key.isValid(at: now))
    }
}
