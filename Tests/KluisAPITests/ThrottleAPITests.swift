import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import KluisCore
import KluisTesting
import Testing

/// Rate limits and lockouts: wrong API keys per client, writes without a key per client, one-time
/// codes per request and per person. Each refusal is a 429 with `Retry-After`, and changes
/// nothing; the wait grows while the client keeps trying, and ends.
@Suite struct ThrottleAPITests {
    @Test func wrongKeysLockTheClientOutWithBackOff() async throws {
        let api = try await APIFixture()
        defer { api.fixture.directory.remove() }
        let wrong = "kluis_key_aaaaaaaaaaaaaaaa_" + String(repeating: "0", count: 64)
        try await api.application().test(.router) { client in
            for _ in 0..<ThrottleRule.failedAuthentication.limit {
                #expect(try await client.send(.post, "/v1/subjects/lookup", token: wrong, json: "{}").status == .unauthorized)
            }
            let locked = try await client.send(.post, "/v1/subjects/lookup", token: wrong, json: "{}")
            #expect(locked.status == .tooManyRequests, "\(locked.text)")
            #expect(locked.problemCode == "rate.limited")
            let wait = try #require(locked.headers[.retryAfter].flatMap(Int.init))
            #expect((1...60).contains(wait), "Retry-After: \(wait)")
            // A right key from the same client is held back too: guessing cannot go on.
            let right = try await client.send(.get, "/v1/requests", token: api.adminToken)
            #expect(right.status == .tooManyRequests)
            // Hammering lengthens the wait.
            for _ in 0..<30 { _ = try await client.send(.post, "/v1/subjects/lookup", token: wrong, json: "{}") }
            let longer = try await client.send(.post, "/v1/subjects/lookup", token: wrong, json: "{}")
            #expect(try #require(longer.headers[.retryAfter].flatMap(Int.init)) > wait + 100, "\(longer.headers)")
            // And it ends.
            api.fixture.clock.advance(by: 3600 + 120)
            #expect(try await client.send(.get, "/v1/requests", token: api.adminToken).status == .ok)
        }
    }

    @Test func writesWithoutAKeyAreLimitedPerClient() async throws {
        let api = try await ConsentFixture(store: .sqlite)
        defer { api.fixture.fixture.directory.remove() }
        let vault = api.fixture.fixture.vault
        try await api.fixture.application().test(.router) { client in
            for index in 0..<ThrottleRule.anonymousWrites.limit {
                let chosen = try await client.send(.post, "/v1/cookie-consent", token: nil, json: #"{"choices":{"statistics":true}}"#)
                #expect(chosen.status == .created, "choice \(index): \(chosen.text)")
            }
            let before = try await vault.auditEvents(after: 0, limit: 1000).count
            let refused = try await client.send(.post, "/v1/cookie-consent", token: nil, json: #"{"choices":{"statistics":true}}"#)
            #expect(refused.status == .tooManyRequests, "\(refused.text)")
            #expect(refused.headers[.retryAfter] != nil)
            #expect(try await vault.auditEvents(after: 0, limit: 1000).count == before, "a refused choice was stored")
            // With the organisation's key, a choice is the application's, not limited per client.
            let keyed = try await client.send(.post, "/v1/cookie-consent", token: api.fixture.appToken, json: #"{"choices":{"statistics":true}}"#)
            #expect(keyed.status == .created, "\(keyed.text)")
        }
    }

    @Test func codesAreLimitedPerRequestAndASixthTryIsRefused() async throws {
        let fixture = try await RequestFixture(store: .sqlite)
        defer { fixture.api.fixture.directory.remove() }
        let api = fixture.api
        let subject = try await fixture.makeCustomer()
        try await fixture.application().test(.router) { client in
            let id = try #require(try await client.send(.post, "/v1/requests", token: api.appToken, json: """
                {"type":"access","subject_id":"\(subject)","channel":"web"}
                """).json()["id"] as? String)
            // Five wrong tries use a code up: the sixth is refused although it is right.
            #expect(try await client.send(.post, "/v1/requests/\(id)/verification-code", token: api.appToken).status == .ok)
            let code = try #require(try fixture.lastCode())
            let wrong = code == "000000" ? "111111" : "000000"
            for _ in 0..<5 {
                let refused = try await client.send(.post, "/v1/requests/\(id)/verify", token: api.appToken,
                                                    json: #"{"method":"registered_email","code":"\#(wrong)"}"#)
                #expect(refused.problemCode == "request.code_wrong")
            }
            let sixth = try await client.send(.post, "/v1/requests/\(id)/verify", token: api.appToken,
                                              json: #"{"method":"registered_email","code":"\#(code)"}"#)
            #expect(sixth.problemCode == "request.code_wrong", "\(sixth.text)")

            // A second code, five wrong tries again: ten wrong codes for this request.
            #expect(try await client.send(.post, "/v1/requests/\(id)/verification-code", token: api.appToken).status == .ok)
            let second = try #require(try fixture.lastCode())
            for _ in 0..<5 {
                let refused = try await client.send(.post, "/v1/requests/\(id)/verify", token: api.appToken,
                                                    json: #"{"method":"registered_email","code":"\#(second == "000000" ? "111111" : "000000")"}"#)
                #expect(refused.problemCode == "request.code_wrong")
            }

            // Resending is limited: three codes an hour per request.
            #expect(try await client.send(.post, "/v1/requests/\(id)/verification-code", token: api.appToken).status == .ok)
            let third = try #require(try fixture.lastCode())
            let mails = try FileManager.default.contentsOfDirectory(atPath: fixture.outbox.path).count
            let fourth = try await client.send(.post, "/v1/requests/\(id)/verification-code", token: api.appToken)
            #expect(fourth.status == .tooManyRequests, "\(fourth.text)")
            #expect(fourth.problemCode == "rate.limited")
            #expect(fourth.headers[.retryAfter].flatMap(Int.init).map { $0 > 0 && $0 <= 3600 } == true)
            #expect(try FileManager.default.contentsOfDirectory(atPath: fixture.outbox.path).count == mails, "a refused resend sent mail")

            // Wrong codes across codes are limited: the eleventh is refused, and then even the
            // right code waits.
            let eleventh = try await client.send(.post, "/v1/requests/\(id)/verify", token: api.appToken,
                                                 json: #"{"method":"registered_email","code":"\#(third == "000000" ? "111111" : "000000")"}"#)
            #expect(eleventh.status == .tooManyRequests, "\(eleventh.text)")
            let held = try await client.send(.post, "/v1/requests/\(id)/verify", token: api.appToken,
                                             json: #"{"method":"registered_email","code":"\#(third)"}"#)
            #expect(held.status == .tooManyRequests, "\(held.text)")
            #expect(try await fixture.vault.requests.status(of: RequestID(rawValue: id)!).request.identity == nil)
        }
    }

    @Test func codesToOnePersonAreLimitedAcrossRequests() async throws {
        let fixture = try await RequestFixture(store: .sqlite)
        defer { fixture.api.fixture.directory.remove() }
        let api = fixture.api
        let subject = try await fixture.makeCustomer()
        try await fixture.application().test(.router) { client in
            var statuses: [HTTPResponse.Status] = []
            for _ in 0..<3 {
                let id = try #require(try await client.send(.post, "/v1/requests", token: api.appToken, json: """
                    {"type":"access","subject_id":"\(subject)","channel":"web"}
                    """).json()["id"] as? String)
                for _ in 0..<2 { statuses.append(try await client.send(.post, "/v1/requests/\(id)/verification-code", token: api.appToken).status) }
            }
            #expect(statuses == [.ok, .ok, .ok, .ok, .ok, .tooManyRequests], "\(statuses)")
        }
    }
}
