import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import KluisCore
@testable import KluisAPI
import KluisTesting
import NIOCore
import Testing

/// Input that must be refused, each with a clear problem, and without changing anything: not a
/// row, not an audit event.
@Suite struct HostileInputTests {
    static let create = #"{"identifiers":{"email":"els.devries@voorbeeld.example"},"records":[{"category":"contact","fields":{"email":"els.devries@voorbeeld.example"}}]}"#

    @Test func timesOutsideTheYears1000To9999AreRefused() async throws {
        let api = try await APIFixture()
        defer { api.fixture.directory.remove() }
        try await api.application().test(.router) { client in
            let id = try #require(try await client.send(.post, "/v1/subjects", token: api.appToken, json: Self.create).json()["id"] as? String)
            let before = try await api.fixture.vault.auditEvents(after: 0, limit: 10_000).count
            for time in ["0999-12-31T23:59:59Z", "10000-01-01T00:00:00Z", "99999-01-01T00:00:00Z", "+099999-01-01T00:00:00Z"] {
                let event = try await client.send(.post, "/v1/subjects/\(id)/events", token: api.appToken,
                                                  json: #"{"name":"contract_end","at":"\#(time)"}"#)
                #expect(event.status == .badRequest, "\(time): \(event.text)")
                #expect(event.problemCode == "input.invalid", "\(time): \(event.text)")
                let request = try await client.send(.post, "/v1/requests", token: api.appToken,
                                                    json: #"{"type":"access","subject_id":"\#(id)","received_at":"\#(time)"}"#)
                #expect(request.status == .badRequest, "\(time): \(request.text)")
            }
            #expect(try await api.fixture.vault.auditEvents(after: 0, limit: 10_000).count == before, "a refused time changed the audit log")
            let plausible = try await client.send(.post, "/v1/subjects/\(id)/events", token: api.appToken,
                                                  json: #"{"name":"contract_end","at":"1000-01-01T00:00:00Z"}"#)
            #expect(plausible.status == .noContent, "\(plausible.text)")
        }
        // The kernel refuses them too, whoever calls it.
        let subject = try await api.fixture.vault.lookup(SubjectIdentifier(kind: .email, value: "els.devries@voorbeeld.example"),
                                                         by: VaultFixture.admin)
        let far = Date(timeIntervalSince1970: 253_402_300_800 + 86_400)
        await #expect(throws: VaultError.self) {
            try await api.fixture.vault.recordEvent("contract_end", at: far, for: subject, by: VaultFixture.admin)
        }
    }

    @Test func breakGlassReasonsHaveALimitAndNoBSN() async throws {
        let api = try await APIFixture()
        defer { api.fixture.directory.remove() }
        try await api.application().test(.router) { client in
            let id = try #require(try await client.send(.post, "/v1/subjects", token: api.appToken, json: Self.create).json()["id"] as? String)
            let before = try await api.fixture.vault.auditEvents(after: 0, limit: 10_000).count
            let reason = HTTPField.Name("Kluis-Break-Glass-Reason")!
            let long = try await client.send(.get, "/v1/subjects/\(id)?purpose=service", token: api.adminToken,
                                             headers: [reason: String(repeating: "why ", count: 17_500)])
            #expect(long.status == .badRequest, "\(long.text)")
            #expect(long.problemCode == "input.invalid")
            let bsn = try await client.send(.get, "/v1/subjects/\(id)?purpose=service", token: api.adminToken,
                                            headers: [reason: "checking BSN 123456782 for the tax office"])
            #expect(bsn.status == .unprocessableContent, "\(bsn.text)")
            #expect(bsn.problemCode == "input.bsn_refused")
            #expect(try await api.fixture.vault.auditEvents(after: 0, limit: 10_000).count == before, "a refused reason was audited")
            let fine = try await client.send(.get, "/v1/subjects/\(id)?purpose=service", token: api.adminToken,
                                             headers: [reason: "ticket 12"])
            #expect(fine.status == .ok, "\(fine.text)")
        }
    }

    @Test func aBodyNamingAKeyTwiceIsRefused() async throws {
        let api = try await APIFixture()
        defer { api.fixture.directory.remove() }
        try await api.application().test(.router) { client in
            for body in [
                #"{"identifiers":{"email":"a@voorbeeld.example","email":"b@voorbeeld.example"},"records":[]}"#,
                #"{"identifiers":{"email":"a@voorbeeld.example"},"records":[],"records":[{"category":"contact","fields":{"email":"a@voorbeeld.example"}}]}"#,
                #"{"identifiers":{"email":"a@voorbeeld.example","\u0065mail":"b@voorbeeld.example"},"records":[]}"#,
                #"{"identifiers":{"email":"a@voorbeeld.example"},"records":[{"category":"contact","fields":{"email":"a@voorbeeld.example","email":"c@voorbeeld.example"}}]}"#,
            ] {
                let created = try await client.send(.post, "/v1/subjects", token: api.appToken, json: body)
                #expect(created.status == .badRequest, "\(body): \(created.text)")
                #expect(created.problemCode == "request.invalid")
                #expect(created.text.contains("'email'") || created.text.contains("'records'"), "\(created.text)")
            }
            // Equal keys in different objects, and an escaped quote in a value, are fine.
            let fine = try await client.send(.post, "/v1/subjects", token: api.appToken, json: #"""
                {"identifiers":{"email":"a@voorbeeld.example"},"records":[{"category":"contact","fields":{"email":"a@voorbeeld.example","phone":"\"06\", \"email\":"}}]}
                """#)
            #expect(fine.status == .created, "\(fine.text)")
            await #expect(throws: VaultError.self) {
                try await api.fixture.vault.lookup(SubjectIdentifier(kind: .email, value: "b@voorbeeld.example"), by: VaultFixture.admin)
            }
        }
    }

    @Test func pagingValuesThatAreNotWhatTheySayAreRefused() async throws {
        let api = try await APIFixture()
        defer { api.fixture.directory.remove() }
        try await api.application().test(.router) { client in
            for uri in ["/v1/audit?limit=abc", "/v1/audit?after=xyz", "/v1/audit?after=1.5", "/v1/requests?limit=ten",
                        "/v1/consents/stale?purpose=service&after=not-a-subject", "/v1/anonymous-records?limit=-"] {
                let answer = try await client.send(.get, uri, token: api.adminToken)
                #expect(answer.status == .badRequest, "\(uri): \(answer.text)")
                #expect(answer.headers[.contentType] == "application/problem+json", "\(uri)")
            }
            // A body that is not said to be JSON is not read as JSON.
            var plain = HTTPFields()
            plain[.authorization] = "Bearer \(api.appToken)"
            plain[.contentType] = "text/plain"
            let wrongType = try await client.execute(uri: "/v1/subjects", method: .post, headers: plain, body: ByteBuffer(string: Self.create))
            #expect(wrongType.status == .unsupportedMediaType)
            #expect(wrongType.problemCode == "request.invalid")
        }
    }

    @Test func aLongNameIsNotEchoedWhole() async throws {
        let api = try await APIFixture()
        defer { api.fixture.directory.remove() }
        try await api.application().test(.router) { client in
            let id = try #require(try await client.send(.post, "/v1/subjects", token: api.appToken, json: Self.create).json()["id"] as? String)
            let name = String(repeating: "x", count: 60_000)
            let written = try await client.send(.put, "/v1/subjects/\(id)/contact", token: api.appToken,
                                                json: #"{"fields":{"\#(name)":"1"}}"#)
            #expect(written.status == .badRequest, "\(written.text.prefix(300))")
            let detail = try #require(try written.json()["detail"] as? String)
            #expect(detail.count < 300, "the detail is \(detail.count) characters")
            #expect(detail.contains("'" + String(repeating: "x", count: 64) + "…'"), "\(detail)")
        }
    }

    @Test func everyLongQuotedNameIsCutAndNothingElse() {
        let long = String(repeating: "y", count: 65)
        let cut = String(repeating: "y", count: 64) + "…"
        #expect(Problem.shortened("'short' and '\(long)' and '\(long)'") == "'short' and '\(cut)' and '\(cut)'")
        // Text between two quoted names is not a name, however long; an unmatched quote quotes nothing.
        #expect(Problem.shortened("'a' \(long) 'b'") == "'a' \(long) 'b'")
        #expect(Problem.shortened("it's \(long)") == "it's \(long)")
        #expect(Problem.shortened("no quotes \(long)") == "no quotes \(long)")
    }

    /// The token of `Authorization: Bearer <token>`: the scheme in any case, whitespace around
    /// the token dropped, anything else no token at all.
    @Test func theBearerTokenIsWhatFollowsTheScheme() {
        #expect(APIKeyMiddleware.bearerToken("Bearer kluis_key_a_b") == "kluis_key_a_b")
        #expect(APIKeyMiddleware.bearerToken("bEaReR   kluis_key_a_b \t") == "kluis_key_a_b")
        for header in ["Bearer", "Bearer ", "Bearer \t ", "Bearerx t", "Bear t", "Bearer:t", "Basic t", "Bearer\tt", "", " Bearer"] {
            #expect(APIKeyMiddleware.bearerToken(header) == nil, "\(header)")
        }
    }

    @Test func onlyAKeyThatMayVouchClaimsASignedInSession() async throws {
        let api = try await APIFixture(policy: .withRequests())
        defer { api.fixture.directory.remove() }
        let other = try await api.fixture.vault.createAPIKey(name: "partner", purposes: ["service"], by: VaultFixture.admin).token
        try await api.application().test(.router) { client in
            let id = try #require(try await client.send(.post, "/v1/subjects", token: api.appToken, json: Self.create).json()["id"] as? String)
            let claim = #"{"type":"erasure","subject_id":"\#(id)","channel":"web","signed_in_session":true}"#
            let refused = try await client.send(.post, "/v1/requests", token: other, json: claim)
            #expect(refused.status == .forbidden, "\(refused.text)")
            #expect(refused.problemCode == "auth.forbidden")
            #expect(try await api.fixture.vault.requests.list(.all, subject: SubjectID(rawValue: id), limit: 10).isEmpty)

            let filed = try await client.send(.post, "/v1/requests", token: other, json: #"{"type":"erasure","subject_id":"\#(id)","channel":"web"}"#)
            #expect(filed.status == .created, "\(filed.text)")
            let request = try #require(try filed.json()["id"] as? String)
            let attested = try await client.send(.post, "/v1/requests/\(request)/verify", token: other, json: #"{"method":"signed_in_session"}"#)
            #expect(attested.status == .forbidden, "\(attested.text)")

            let vouched = try await client.send(.post, "/v1/requests", token: api.appToken, json: claim)
            #expect(vouched.status == .created, "\(vouched.text)")
            #expect(try vouched.json()["state"] as? String == "in_progress", "\(vouched.text)")
        }
    }
}
