import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import KluisCore
import KluisTesting
import Testing

/// Legal holds, sweeps on demand and anonymous records over HTTP.
@Suite struct RetentionAPITests {
    @Test(arguments: StoreKind.enabled) func aHoldStopsTheSweepUntilItIsReleased(store: StoreKind) async throws {
        let api = try await APIFixture(store: store, policy: .withRetention())
        defer { api.fixture.directory.remove() }
        let subject = try await api.fixture.vault.createSubject(
            NewSubject(identifiers: [], records: [NewRecord(category: "reports", fields: ["text": "Een melding."])]), by: VaultFixture.admin)
        try await api.application().test(.router) { client in
            let placed = try await client.send(.put, "/v1/subjects/\(subject)/holds/follow_up", token: api.appToken)
            #expect(placed.status == .noContent)
            let unknown = try await client.send(.put, "/v1/subjects/\(subject)/holds/dispute", token: api.appToken)
            #expect(unknown.status == .notFound)
            #expect(unknown.problemCode == "hold.unknown")

            api.fixture.clock.advance(by: 90 * 86_400)
            let refused = try await client.send(.post, "/v1/retention/sweeps", token: api.appToken, json: "{}")
            #expect(refused.status == .forbidden)
            let held = try await client.send(.post, "/v1/retention/sweeps", token: api.adminToken, json: #"{"dry_run":true}"#)
            #expect(held.status == .ok)
            let heldCounts = (try held.json()["removed"] as? [String: Any])?["counts"] as? [Any] ?? []
            #expect(heldCounts.isEmpty, "held: nothing is due")

            let released = try await client.send(.delete, "/v1/subjects/\(subject)/holds/follow_up", token: api.appToken)
            #expect(released.status == .noContent)
            let preview = try await client.send(.post, "/v1/retention/sweeps", token: api.adminToken, json: #"{"dry_run":true}"#)
            let previewCounts = try #require((try preview.json()["removed"] as? [String: Any])?["counts"] as? [[String: Any]])
            #expect(previewCounts.count == 1)
            #expect(previewCounts.first?["category"] as? String == "reports")
            #expect(previewCounts.first?["records"] as? Int == 1)
            #expect(try await api.fixture.store.snapshot(of: subject) != nil, "a dry run removes nothing")

            let swept = try await client.send(.post, "/v1/retention/sweeps", token: api.adminToken, json: "{}")
            #expect(swept.status == .ok)
            let report = try swept.json()
            #expect(report["dry_run"] as? Bool == false)
            #expect((report["removed"] as? [String: Any])?["subjects_removed"] as? Int == 1)
            #expect(try await api.fixture.store.snapshot(of: subject) == nil)

            let audit = try await client.send(.get, "/v1/audit?limit=100", token: api.adminToken)
            let events = try #require(try audit.json()["events"] as? [[String: Any]])
            #expect(events.contains { $0["action"] as? String == "hold" && $0["reason"] as? String == "placed follow_up" })
            #expect(events.contains { $0["action"] as? String == "retention" && $0["reason"] as? String == "deleted 1" })
            #expect(events.allSatisfy { $0["reduced"] as? Bool == false })
        }
    }

    @Test(arguments: StoreKind.enabled) func theReportIsForAdminsAndCountsWithoutValues(store: StoreKind) async throws {
        let api = try await APIFixture(store: store, policy: .withRetention())
        defer { api.fixture.directory.remove() }
        _ = try await api.fixture.vault.createSubject(
            NewSubject(identifiers: [], records: [NewRecord(category: "reports", fields: ["text": "Een melding over Piet."])]), by: VaultFixture.admin)
        try await api.application().test(.router) { client in
            let refused = try await client.send(.get, "/v1/retention/report", token: api.appToken)
            #expect(refused.status == .forbidden)
            let bad = try await client.send(.get, "/v1/retention/report?at=tomorrow", token: api.adminToken)
            #expect(bad.status == .badRequest)
            #expect(bad.problemCode == "input.invalid")
            let answer = try await client.send(.get, "/v1/retention/report?at=2027-01-21T09:59:59Z", token: api.adminToken)
            #expect(answer.status == .ok)
            let report = try answer.json()
            #expect(report["time"] as? String == "2027-01-21T09:59:59Z")
            let dated = try #require(report["dated"] as? [[String: Any]])
            #expect(dated.count == 1)
            #expect(dated.first?["category"] as? String == "reports")
            #expect(dated.first?["purpose"] as? String == "moderation")
            #expect(dated.first?["due"] as? Int == 0, "two months after 21 November is 21 January, 10:00: not yet")
            #expect(dated.first?["next"] as? String == "2027-01-21T10:00:00Z")
            #expect((report["undated"] as? [Any])?.isEmpty == true)
            #expect((report["applications"] as? [[String: Any]])?.first?["reason"] as? String == "collected")
            #expect(!answer.text.contains("Piet") && !answer.text.contains("sub_"))
        }
    }

    @Test func anonymousRecordsAreListedForAdminsByKnownCategory() async throws {
        let api = try await APIFixture(policy: .withRetention())
        defer { api.fixture.directory.remove() }
        try await api.application().test(.router) { client in
            let unknown = try await client.send(.get, "/v1/anonymous-records?category=nope", token: api.adminToken)
            #expect(unknown.status == .badRequest)
            #expect(unknown.problemCode == "category.unknown")
            let forbidden = try await client.send(.get, "/v1/anonymous-records", token: api.appToken)
            #expect(forbidden.status == .forbidden)
            let empty = try await client.send(.get, "/v1/anonymous-records?category=applications&limit=-5", token: api.adminToken)
            #expect(empty.status == .ok)
            #expect((try empty.json()["records"] as? [Any])?.isEmpty == true)
        }
    }

    /// What the generated code refuses before a handler runs is answered like everything else:
    /// problem details with a stable code.
    @Test func requestsTheContractRefusesGetProblemDetails() async throws {
        let api = try await APIFixture(store: .sqlite, policy: .withRetention())
        defer { api.fixture.directory.remove() }
        try await api.application().test(.router) { client in
            var plain = HTTPFields()
            plain[.authorization] = "Bearer \(api.adminToken)"
            plain[.contentType] = "text/plain"
            let wrongType = try await client.execute(uri: "/v1/retention/sweeps", method: .post, headers: plain,
                                                     body: ByteBuffer(string: "{}"))
            #expect(wrongType.status == .unsupportedMediaType)
            #expect(wrongType.problemCode == "request.invalid")

            let notABoolean = try await client.send(.post, "/v1/retention/sweeps", token: api.adminToken, json: #"{"dry_run":"yes"}"#)
            #expect(notABoolean.status == .badRequest)
            #expect(notABoolean.problemCode == "request.invalid")
            #expect(try notABoolean.json()["detail"] as? String == "'dry_run' has a value of the wrong type")

            let tooLarge = try await client.send(.post, "/v1/retention/sweeps", token: api.adminToken,
                                                 json: #"{"dry_run":true,"padding":""# + String(repeating: "x", count: 70_000) + #""}"#)
            #expect(tooLarge.status == .contentTooLarge)
            #expect(tooLarge.problemCode == "request.too_large")

            let notJSON = try await client.send(.get, "/v1/retention/report", token: api.adminToken,
                                                headers: [.accept: "text/html"])
            #expect(notJSON.status == .notAcceptable)
            #expect(notJSON.problemCode == "request.invalid")

        }
    }
}
