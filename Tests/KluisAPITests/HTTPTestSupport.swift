import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import KluisCore
import KluisAPI
import KluisServer
import KluisTesting
import Logging
import NIOCore

/// A vault served by the real application, with an app key bound to `service` and an admin key.
struct APIFixture {
    let fixture: VaultFixture
    let appToken: String
    let adminToken: String
    let bookkeepingToken: String
    let logs = LogCapture()
    let configuration = HTTPConfiguration(maximumBodySize: 64 * 1024)

    init(store: StoreKind = .sqlite, policy: PolicyFixture = PolicyFixture()) async throws {
        fixture = try await VaultFixture(store: store, policy: policy)
        appToken = try await fixture.vault.createAPIKey(name: "app", purposes: ["service"], mayVouchForSessions: true,
                                                        by: VaultFixture.admin).token
        bookkeepingToken = try await fixture.vault.createAPIKey(name: "books", purposes: ["bookkeeping"], by: VaultFixture.admin).token
        adminToken = try await fixture.vault.createAPIKey(name: "admin", purposes: [], mayBreakGlass: true, isAdmin: true,
                                                          by: VaultFixture.admin).token
    }

    func application() -> some ApplicationProtocol {
        Self.application(for: fixture.vault, logs: logs, configuration: configuration)
    }

    static func application(for vault: Vault, logs: LogCapture,
                            configuration: HTTPConfiguration = HTTPConfiguration(maximumBodySize: 64 * 1024)) -> some ApplicationProtocol {
        KluisApplication.buildApplication(vault: vault, http: configuration, logger: logs.logger())
    }
}

extension TestClientProtocol {
    /// Sends JSON with a bearer token.
    func send(_ method: HTTPRequest.Method, _ uri: String, token: String?, json: String? = nil,
              headers extra: HTTPFields = [:]) async throws -> TestResponse {
        var headers = extra
        if let token { headers[.authorization] = "Bearer \(token)" }
        if json != nil { headers[.contentType] = "application/json" }
        return try await execute(uri: uri, method: method, headers: headers, body: json.map { ByteBuffer(string: $0) })
    }
}

extension TestResponse {
    var text: String { String(buffer: body) }

    func json() throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] ?? [:]
    }

    /// The stable code of a problem response.
    var problemCode: String? {
        guard headers[.contentType] == "application/problem+json" else { return nil }
        return (try? json())?["code"] as? String
    }
}
