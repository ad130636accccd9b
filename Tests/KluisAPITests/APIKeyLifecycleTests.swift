import Foundation
import HTTPTypes
import HummingbirdTesting
import KluisCore
import KluisTesting
import Testing

/// API keys that expire and are revoked: refused from the next call on the node that revoked
/// them, within a second on every other; listed with when they were last used, never with their
/// secret.
@Suite struct APIKeyLifecycleTests {
    @Test(arguments: StoreKind.enabled) func aRevokedKeyIsRefusedOnEveryNode(store: StoreKind) async throws {
        let api = try await APIFixture(store: store)
        defer { api.fixture.directory.remove() }
        let subject = try await api.fixture.makeSubject()
        // A second node: another vault on the same store, with caches of its own.
        let other = try await api.fixture.reopened(with: PolicyFixture())
        let read = "/v1/subjects/\(subject)?purpose=service"
        try await api.application().test(.router) { client in
            try await APIFixture.application(for: other, logs: api.logs).test(.router) { otherClient in
                #expect(try await client.send(.get, read, token: api.appToken).status == .ok)
                #expect(try await otherClient.send(.get, read, token: api.appToken).status == .ok)
                let id = try #require(try await api.fixture.vault.apiKeys(by: VaultFixture.admin).first { $0.name == "app" }?.id)
                let revoked = try await api.fixture.vault.revokeAPIKey(id, by: VaultFixture.admin)
                #expect(revoked.revokedAt == api.fixture.clock.now() && revoked.secretHash.isEmpty)
                // At once on this node.
                let refused = try await client.send(.get, read, token: api.appToken)
                #expect(refused.status == .unauthorized && refused.problemCode == "auth.unauthorised")
                // On the other within a second.
                api.fixture.clock.advance(by: Vault.apiKeyCacheLifetime)
                #expect(try await otherClient.send(.get, read, token: api.appToken).status == .unauthorized)
            }
        }
        let events = try await api.fixture.vault.auditEvents(limit: 1000).map(\.entry)
        #expect(events.contains { $0.action == .apiKeyRevoked && $0.actor == VaultFixture.admin.id })
    }

    @Test func keysExpireAndTellWhenTheyWereLastUsed() async throws {
        let api = try await APIFixture()
        defer { api.fixture.directory.remove() }
        let subject = try await api.fixture.makeSubject()
        let clock = api.fixture.clock
        let (id, token) = try await api.fixture.vault.createAPIKey(name: "temporary", purposes: ["service"],
                                                                   expiresAt: clock.now().addingTimeInterval(3600), by: VaultFixture.admin)
        try await api.application().test(.router) { client in
            #expect(try await client.send(.get, "/v1/subjects/\(subject)?purpose=service", token: token).status == .ok)
            let used = try #require(try await api.fixture.vault.apiKeys(by: VaultFixture.admin).first { $0.id == id })
            #expect(used.lastUsedAt == clock.now() && used.expiresAt == clock.now().addingTimeInterval(3600))
            clock.advance(by: 3600)
            #expect(try await client.send(.get, "/v1/subjects/\(subject)?purpose=service", token: token).status == .unauthorized)
        }
        // Only an admin lists or revokes; an unknown key is said to be unknown; a past expiry is refused.
        await #expect(throws: VaultError.self) { try await api.fixture.vault.apiKeys(by: VaultFixture.serviceApp) }
        await #expect(throws: VaultError.self) { try await api.fixture.vault.revokeAPIKey(id, by: VaultFixture.serviceApp) }
        do {
            try await api.fixture.vault.revokeAPIKey("key_unknown", by: VaultFixture.admin)
            Issue.record("an unknown key was revoked")
        } catch let error as VaultError {
            #expect(error.code == .apiKeyNotFound)
        }
        await #expect(throws: VaultError.self) {
            try await api.fixture.vault.createAPIKey(name: "late", purposes: [], expiresAt: clock.now().addingTimeInterval(-1),
                                                     by: VaultFixture.admin)
        }
        #expect(try await api.fixture.vault.apiKeys(by: VaultFixture.admin).allSatisfy { $0.secretHash.isEmpty })
    }
}

/// The admin API for keys: list, create, revoke, over HTTP.
@Suite struct APIKeyAdminAPITests {
    @Test(arguments: StoreKind.enabled) func anAdminListsCreatesAndRevokesKeys(store: StoreKind) async throws {
        let api = try await APIFixture(store: store)
        defer { api.fixture.directory.remove() }
        let subject = try await api.fixture.makeSubject()
        try await api.application().test(.router) { client in
            let created = try await client.send(.post, "/v1/api-keys", token: api.adminToken, json: """
                {"name": "webshop", "purposes": ["service"], "expires_at": "2027-06-01T00:00:00Z"}
                """)
            #expect(created.status == .created, "\(created.text)")
            let body = try created.json()
            let token = try #require(body["token"] as? String)
            let key = try #require(body["key"] as? [String: Any])
            let id = try #require(key["id"] as? String)
            #expect(key["purposes"] as? [String] == ["service"] && key["valid"] as? Bool == true && key["admin"] as? Bool == false)
            #expect(key["expires_at"] as? String == "2027-06-01T00:00:00Z")
            #expect(try await client.send(.get, "/v1/subjects/\(subject)?purpose=service", token: token).status == .ok)

            let listed = try await client.send(.get, "/v1/api-keys", token: api.adminToken)
            #expect(listed.status == .ok)
            let keys = try #require(try listed.json()["keys"] as? [[String: Any]])
            #expect(keys.contains { $0["id"] as? String == id && $0["last_used_at"] != nil })
            #expect(!listed.text.contains(String(token.split(separator: "_")[3])), "a secret was listed")

            // Not for an application's key; bad input changes nothing.
            #expect(try await client.send(.get, "/v1/api-keys", token: api.appToken).status == .forbidden)
            let unknownPurpose = try await client.send(.post, "/v1/api-keys", token: api.adminToken, json: #"{"name": "x", "purposes": ["marketing-x"]}"#)
            #expect(unknownPurpose.status == .badRequest && unknownPurpose.problemCode == "purpose.unknown")
            let past = try await client.send(.post, "/v1/api-keys", token: api.adminToken, json: #"{"name": "x", "expires_at": "2020-01-01T00:00:00Z"}"#)
            #expect(past.status == .badRequest && past.problemCode == "input.invalid")
            let count = try await api.fixture.vault.apiKeys(by: VaultFixture.admin).count
            #expect(count == keys.count)

            let revoked = try await client.send(.post, "/v1/api-keys/\(id)/revoke", token: api.adminToken)
            let revokedKey = try revoked.json()
            #expect(revoked.status == .ok && revokedKey["valid"] as? Bool == false && revokedKey["revoked_at"] != nil)
            let refused = try await client.send(.get, "/v1/subjects/\(subject)?purpose=service", token: token)
            #expect(refused.status == .unauthorized, "a revoked key was let in")
            let unknown = try await client.send(.post, "/v1/api-keys/key_nothere/revoke", token: api.adminToken)
            #expect(unknown.status == .notFound && unknown.problemCode == "api_key.not_found")
        }
    }
}
