import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import KluisCore
import KluisTesting
import Testing

@Suite struct SubjectAPITests {
    static let create = #"{"identifiers":{"email":"els.devries@voorbeeld.example","phone":"06 9876 5432"},"records":[{"category":"contact","fields":{"email":"els.devries@voorbeeld.example","phone":"06 9876 5432"}}]}"#

    @Test(arguments: StoreKind.enabled) func createLookupWriteAndReadForAPurpose(store: StoreKind) async throws {
        let api = try await APIFixture(store: store)
        defer { api.fixture.directory.remove() }
        try await api.application().test(.router) { client in
            let created = try await client.send(.post, "/v1/subjects", token: api.appToken, json: Self.create)
            #expect(created.status == .created)
            let id = try #require(try created.json()["id"] as? String)

            let found = try await client.send(.post, "/v1/subjects/lookup", token: api.appToken,
                                              json: #"{"kind":"phone","value":"+31 6 98765432"}"#)
            #expect(found.status == .ok)
            #expect(try found.json()["id"] as? String == id)

            let written = try await client.send(.put, "/v1/subjects/\(id)/invoices", token: api.bookkeepingToken,
                                                json: #"{"fields":{"number":"F-7","amount":"99.00","invoice_date":"2026-11-20"}}"#)
            #expect(written.status == .ok)

            let read = try await client.send(.get, "/v1/subjects/\(id)?purpose=service", token: api.appToken)
            #expect(read.status == .ok)
            let body = try read.json()
            let categories = try #require(body["categories"] as? [String: [[String: Any]]])
            #expect(Array(categories.keys) == ["contact"])
            #expect((categories["contact"]?.first?["fields"] as? [String: String])?["phone"] == "06 9876 5432")
            let withheld = try #require(body["withheld"] as? [[String: String]])
            #expect(withheld == [["category": "invoices", "reason": "outside_purpose"]])

            let event = try await client.send(.post, "/v1/subjects/\(id)/events", token: api.appToken, json: #"{"name":"contract_end"}"#)
            #expect(event.status == .noContent)
        }
    }

    @Test(arguments: StoreKind.enabled) func aKeyIsRefusedForAPurposeItIsNotBoundTo(store: StoreKind) async throws {
        let api = try await APIFixture(store: store)
        defer { api.fixture.directory.remove() }
        let subject = try await api.fixture.makeSubject()
        try await api.application().test(.router) { client in
            let refused = try await client.send(.get, "/v1/subjects/\(subject)?purpose=bookkeeping", token: api.appToken)
            #expect(refused.status == .forbidden)
            #expect(refused.problemCode == "purpose.not_allowed")
            let viaHeader = try await client.send(.get, "/v1/subjects/\(subject)", token: api.appToken,
                                                  headers: [HTTPField.Name("Kluis-Purpose")!: "bookkeeping"])
            #expect(viaHeader.status == .forbidden)
            let glass = try await client.send(.get, "/v1/subjects/\(subject)?purpose=service", token: api.adminToken,
                                              headers: [HTTPField.Name("Kluis-Break-Glass-Reason")!: "ticket 12: wrong address shown"])
            #expect(glass.status == .ok)
            #expect(try glass.json()["break_glass"] as? Bool == true)
        }
    }

    @Test(arguments: StoreKind.enabled) func requestsWithoutAValidKeyAreUnauthorised(store: StoreKind) async throws {
        let api = try await APIFixture(store: store)
        defer { api.fixture.directory.remove() }
        try await api.application().test(.router) { client in
            for token in [nil, "kluis_key_abc_def", String(api.appToken.dropLast()) + (api.appToken.hasSuffix("0") ? "1" : "0")] {
                let response = try await client.send(.post, "/v1/subjects", token: token, json: Self.create)
                #expect(response.status == .unauthorized)
                #expect(response.problemCode == "auth.unauthorised")
            }
            let audit = try await client.send(.get, "/v1/audit", token: api.appToken)
            #expect(audit.status == .forbidden)
            for scheme in ["Basic", "Token", "Bearer:"] {
                let other = try await client.send(.get, "/v1/audit", token: nil, headers: [.authorization: "\(scheme) \(api.adminToken)"])
                #expect(other.status == .unauthorized, "scheme \(scheme)")
            }
        }
        #expect(try await api.fixture.vault.auditEvents(limit: 1000).allSatisfy { $0.entry.action != .createSubject })
    }

    /// The scheme's name is case-insensitive (RFC 9110): clients that send `bearer` are let in.
    @Test func theBearerSchemeIsCaseInsensitive() async throws {
        let api = try await APIFixture()
        defer { api.fixture.directory.remove() }
        try await api.application().test(.router) { client in
            for scheme in ["Bearer", "bearer", "BEARER", "bEaReR"] {
                let audit = try await client.send(.get, "/v1/audit?limit=1", token: nil, headers: [.authorization: "\(scheme) \(api.adminToken)"])
                #expect(audit.status == .ok, "scheme \(scheme)")
            }
        }
    }

    @Test(arguments: StoreKind.enabled) func malformedAndOversizedRequestsGetProblemsAndChangeNothing(store: StoreKind) async throws {
        let api = try await APIFixture(store: store)
        defer { api.fixture.directory.remove() }
        let before = try await api.fixture.vault.auditEvents(limit: 1000).count
        try await api.application().test(.router) { client in
            let cases: [(String, String, HTTPResponse.Status, String)] = [
                ("/v1/subjects", "{not json", .badRequest, "request.invalid"),
                ("/v1/subjects", #"{"identifiers":{"email":42}}"#, .badRequest, "request.invalid"),
                ("/v1/subjects", #"{"identifiers":{"fax":"123"}}"#, .badRequest, "identifier.invalid"),
                ("/v1/subjects", #"{"identifiers":{"email":"not-an-address"}}"#, .badRequest, "identifier.invalid"),
                ("/v1/subjects", #"{"records":[{"category":"photos","fields":{"x":"y"}}]}"#, .badRequest, "category.unknown"),
                ("/v1/subjects", #"{"records":[{"category":"contact","fields":{"bsn":"111222333"}}]}"#, .badRequest, "field.unknown"),
                ("/v1/subjects", #"{"records":[{"category":"invoices","fields":{"number":"1"}}]}"#, .forbidden, "purpose.not_allowed"),
                ("/v1/subjects", "{\"identifiers\":{\"email\":\"" + String(repeating: "a", count: 70_000) + "@x.example\"}}", .contentTooLarge, "request.too_large"),
                ("/v1/subjects/batch", #"{"subjects":[]}"#, .badRequest, "input.invalid"),
                ("/v1/subjects/lookup", #"{"kind":"bsn","value":"123"}"#, .badRequest, "identifier.invalid"),
            ]
            for (uri, body, status, code) in cases {
                let response = try await client.send(.post, uri, token: api.appToken, json: body)
                #expect(response.status == status, "\(uri) \(body.prefix(60))")
                #expect(response.problemCode == code, "\(uri) \(body.prefix(60))")
                #expect(!response.text.contains("111222333"))
            }
            let unknownSubject = try await client.send(.get, "/v1/subjects/not-an-id?purpose=service", token: api.appToken)
            #expect(unknownSubject.status == .notFound)
        }
        #expect(try await api.fixture.vault.auditEvents(limit: 1000).count == before)
    }

    @Test(arguments: StoreKind.enabled) func aBatchCreatesManySubjectsInOneRequest(store: StoreKind) async throws {
        let api = try await APIFixture(store: store)
        defer { api.fixture.directory.remove() }
        let subjects = (0..<500).map { #"{"identifiers":{"customer_number":"C-\#($0)"},"records":[{"category":"contact","fields":{"email":"p\#($0)@voorbeeld.example"}}]}"# }
        try await api.application().test(.router) { client in
            let response = try await client.send(.post, "/v1/subjects/batch", token: api.appToken,
                                                 json: #"{"subjects":[\#(subjects.joined(separator: ","))]}"#)
            #expect(response.status == .created)
            #expect((try response.json()["ids"] as? [String])?.count == 500)
            let again = try await client.send(.post, "/v1/subjects/batch", token: api.appToken,
                                              json: #"{"subjects":[\#(subjects[0])]}"#)
            #expect(again.status == .conflict)
            #expect(again.problemCode == "identifier.in_use")
        }
    }
}
