import Foundation
import GRDB
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import KluisCore
import KluisAPI
import KluisServer
import KluisTesting
import Testing

@Suite struct ServiceAPITests {
    /// A store's failure may quote the driver, and the driver may quote input: a 500 keeps its
    /// code and says nothing more. Refusals keep their words.
    @Test func aServerErrorNeverCarriesTheDriversText() {
        let failure = Problem(from: VaultError(.storeFailure, #"duplicate key value violates unique constraint: Key (email)=(jan@voorbeeld.example)"#))
        #expect(failure.status == .internalServerError && failure.code == "store.failure")
        #expect(!failure.detail.contains("jan@") && !failure.detail.contains("constraint"))
        let refusal = Problem(from: VaultError(.fieldUnknown, "'mail' is not a field of the category 'contact'"))
        #expect(refusal.status == .badRequest && refusal.detail.contains("'mail'"))
    }

    @Test(arguments: StoreKind.enabled) func everyRouteIsInTheOpenAPIDocumentAndNothingElse(store: StoreKind) async throws {
        let api = try await APIFixture(store: store)
        defer { api.fixture.directory.remove() }
        let routes = KluisApplication.router(vault: api.fixture.vault).routes.routes
        try await api.application().test(.router) { client in
            let response = try await client.send(.get, "/openapi.json", token: nil)
            #expect(response.status == .ok)
            // The served contract is the repository's file, byte for byte: the compiled-in text
            // is regenerated with the server code and checked in CI.
            let file = Fixtures.repositoryRoot.appendingPathComponent("Sources/KluisContract/openapi.json")
            #expect(response.text == (try String(contentsOf: file, encoding: .utf8)))
            let document = try response.json()
            #expect((document["openapi"] as? String)?.hasPrefix("3.1") == true)
            let paths = try #require(document["paths"] as? [String: [String: Any]])
            // The document's security says who may call: none, a key or none, a key; and
            // `x-kluis-access: admin` which keys must be admin keys.
            var documented: Set<RouteTable.Route> = []
            for (path, operations) in paths {
                for (method, operation) in operations where ["get", "put", "post", "delete", "patch"].contains(method) {
                    let security = (operation as? [String: Any])?["security"] as? [[String: Any]] ?? []
                    let admin = (operation as? [String: Any])?["x-kluis-access"] as? String == "admin"
                    let access: RouteTable.Access = security.isEmpty ? .public : security.contains { $0.isEmpty } ? .optionalKey : admin ? .admin : .key
                    documented.insert(RouteTable.Route(method: method.uppercased(), path: path, access: access))
                }
            }
            let registered = Set(routes)
            #expect(registered.subtracting(documented).isEmpty, "undocumented, or documented with other security: \(registered.subtracting(documented))")
            #expect(documented.subtracting(registered).isEmpty, "documented but not served: \(documented.subtracting(registered))")
            // Every code a problem can carry is one the contract names.
            let problem = (document["components"] as? [String: Any]).flatMap { $0["schemas"] as? [String: Any] }
                .flatMap { $0["Problem"] as? [String: Any] }.flatMap { $0["properties"] as? [String: Any] }
                .flatMap { $0["code"] as? [String: Any] }?["enum"] as? [String]
            let undocumented = Set(VaultError.Code.allCases.map(\.rawValue)).subtracting(problem ?? [])
            #expect(undocumented.isEmpty, "problem codes the contract does not name: \(undocumented.sorted())")
        }
    }

    /// Every route that takes a key refuses a call without one before its handler runs, and every
    /// admin route refuses an application's key: the access is part of registering a route.
    @Test func everyRouteThatTakesAKeyRefusesWithoutOne() async throws {
        let api = try await APIFixture(store: .sqlite)
        defer { api.fixture.directory.remove() }
        let routes = KluisApplication.router(vault: api.fixture.vault).routes.routes
        #expect(routes.filter { $0.access == .admin }.count >= 14)
        try await api.application().test(.router) { client in
            for route in routes where route.access == .key || route.access == .admin {
                let uri = route.path.replacingOccurrences(of: #"\{[a-z_]+\}"#, with: "x", options: .regularExpression)
                let method = HTTPRequest.Method(route.method)!
                let anonymous = try await client.send(method, uri, token: nil, json: "{}")
                #expect(anonymous.status == .unauthorized && anonymous.problemCode == "auth.unauthorised", "\(route.method) \(route.path)")
                let wrong = try await client.send(method, uri, token: "kluis_key_wrong", json: "{}")
                #expect(wrong.status == .unauthorized, "\(route.method) \(route.path) with a wrong key")
                // Past the lockout that wrong keys lead to (ThrottleAPITests), for the next route.
                api.fixture.clock.advance(by: 2 * 3600)
                if route.access == .admin {
                    let application = try await client.send(method, uri, token: api.appToken, json: "{}")
                    #expect(application.status == .forbidden && application.problemCode == "auth.forbidden", "\(route.method) \(route.path)")
                }
            }
        }
    }

    @Test(arguments: StoreKind.enabled) func metricsUseRouteTemplatesAndCarryNoPersonalData(store: StoreKind) async throws {
        let api = try await APIFixture(store: store)
        defer { api.fixture.directory.remove() }
        let subject = try await api.fixture.makeSubject(email: "metrics.person@voorbeeld.example")
        try await api.application().test(.router) { client in
            _ = try await client.send(.get, "/v1/subjects/\(subject)?purpose=service", token: api.appToken)
            _ = try await client.send(.post, "/v1/subjects/lookup", token: api.appToken,
                                      json: #"{"kind":"email","value":"metrics.person@voorbeeld.example"}"#)
            let metrics = try await client.send(.get, "/metrics", token: nil)
            #expect(metrics.status == .ok)
            #expect(metrics.text.contains(#"route="/v1/subjects/{id}""#))
            #expect(!metrics.text.contains(subject.rawValue))
            #expect(!metrics.text.contains("metrics.person"))
            #expect(!metrics.text.contains("purpose=service"))
            #expect(metrics.text.contains(#"kluis_build_info{version="\#(KluisBuild.version)",commit="\#(KluisBuild.commit)"} 1"#),
                    "\(metrics.text.prefix(400))")
        }
    }

    @Test(arguments: StoreKind.enabled) func logsCarryNoPersonalData(store: StoreKind) async throws {
        let api = try await APIFixture(store: store)
        defer { api.fixture.directory.remove() }
        let values = ["log.person@voorbeeld.example", "0611122233", "Lotte Logboek"]
        try await api.application().test(.router) { client in
            let created = try await client.send(.post, "/v1/subjects", token: api.appToken,
                                                json: #"{"identifiers":{"email":"\#(values[0])","phone":"\#(values[1])"},"records":[{"category":"contact","fields":{"email":"\#(values[0])","phone":"\#(values[1])"}}]}"#)
            let id = try #require(try created.json()["id"] as? String)
            _ = try await client.send(.get, "/v1/subjects/\(id)?purpose=service", token: api.appToken)
            _ = try await client.send(.post, "/v1/subjects", token: api.appToken, json: #"{"identifiers":{"email":"\#(values[0])"}}"#)
            _ = try await client.send(.post, "/v1/subjects", token: api.appToken,
                                      json: #"{"records":[{"category":"contact","fields":{"name":"\#(values[2])"}}]}"#)
        }
        let logs = api.logs.text
        #expect(logs.contains("request.completed"))
        #expect(logs.contains("/v1/subjects/{id}"))
        for value in values { #expect(!logs.contains(value), "\(value) reached the log") }
    }

    @Test(arguments: StoreKind.enabled) func healthAndStatement(store: StoreKind) async throws {
        let api = try await APIFixture(store: store)
        defer { api.fixture.directory.remove() }
        try await api.application().test(.router) { client in
            let health = try await client.send(.get, "/healthz", token: nil)
            #expect(health.status == .ok)
            let answer = try health.json()
            #expect(answer["status"] as? String == "ok")
            #expect((answer["version"] as? String)?.wholeMatch(of: /\d+\.\d+\.\d+/) != nil, "\(answer)")
            #expect(answer["version"] as? String == KluisBuild.version)
            #expect(answer["commit"] as? String == KluisBuild.commit)
            let statement = try await client.send(.get, "/privacy?lang=en", token: nil)
            #expect(statement.status == .ok)
            #expect(statement.text.contains("<html lang=\"en\">"))
            #expect(statement.text.contains("Voorbeeld B.V."))
        }
    }

    @Test(arguments: StoreKind.enabled) func auditIsQueryableAndVerifiableByAdmins(store: StoreKind) async throws {
        let api = try await APIFixture(store: store)
        defer { api.fixture.directory.remove() }
        let subject = try await api.fixture.makeSubject()
        try await api.application().test(.router) { client in
            _ = try await client.send(.get, "/v1/subjects/\(subject)?purpose=service", token: api.appToken)
            let history = try await client.send(.get, "/v1/subjects/\(subject)/access-history", token: api.adminToken)
            #expect(history.status == .ok)
            let events = try #require(try history.json()["events"] as? [[String: Any]])
            #expect(events.map { $0["action"] as? String } == ["create_subject", "read"])
            #expect(events.last?["purpose"] as? String == "service")
            let verify = try await client.send(.get, "/v1/audit/verify", token: api.adminToken)
            #expect(try verify.json()["intact"] as? Bool == true)
            // A paging parameter that is not a number is refused, not read as absent.
            let badPage = try await client.send(.get, "/v1/audit?after=latest", token: api.adminToken)
            #expect(badPage.status == .badRequest)
            #expect(badPage.problemCode == "request.invalid")
        }
    }

    /// Issue 17: the verification an admin asks for over HTTP checks the identifier rows too, so
    /// a row re-pointed to another person in the database does not pass as intact.
    @Test func theAuditVerificationNamesAMovedIdentifierRow() async throws {
        let api = try await APIFixture(store: .sqlite)
        defer { api.fixture.directory.remove() }
        let victim = try await api.fixture.makeSubject(email: "slachtoffer@voorbeeld.example")
        let other = try await api.fixture.makeSubject(email: "ander@voorbeeld.example")
        try await api.application().test(.router) { client in
            let intact = try await client.send(.get, "/v1/audit/verify", token: api.adminToken).json()
            #expect((intact["identifiers"] as? [String: Any])?["intact"] as? Bool == true)
            #expect((intact["identifiers"] as? [String: Any])?["checked"] as? Int == 2)

            let pool = try DatabasePool(path: api.fixture.databasePath)
            try await pool.write { db in
                try db.execute(sql: "UPDATE identifiers SET subject_id = ? WHERE subject_id = ?", arguments: [other.rawValue, victim.rawValue])
            }
            try pool.close()

            let verify = try await client.send(.get, "/v1/audit/verify", token: api.adminToken)
            #expect(verify.status == .ok)
            let identifiers = try #require(try verify.json()["identifiers"] as? [String: Any])
            #expect(identifiers["intact"] as? Bool == false)
            #expect(identifiers["tampered"] as? Int == 1)
            #expect(identifiers["rows"] as? [[String: String]] == [["table": "identifiers", "kind": "email", "subject_id": other.rawValue]])
            #expect(!verify.text.contains("voorbeeld.example"), "a value in the report: \(verify.text)")
        }
    }

    @Test(arguments: StoreKind.enabled) func theServerAnswersOverRealHTTP(store: StoreKind) async throws {
        let api = try await APIFixture(store: store)
        defer { api.fixture.directory.remove() }
        try await api.application().test(.live) { client in
            let created = try await client.send(.post, "/v1/subjects", token: api.appToken, json: SubjectAPITests.create)
            #expect(created.status == .created)
            let id = try #require(try created.json()["id"] as? String)
            let read = try await client.send(.get, "/v1/subjects/\(id)?purpose=service", token: api.appToken)
            #expect(read.status == .ok)
        }
    }
}
