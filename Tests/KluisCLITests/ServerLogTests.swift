import Foundation
import Testing

/// Issue 22: `kluis serve --log-format json|text --log-level` writes a request log line per
/// request with the route template, and no personal value reaches any log line in either
/// format, whatever the request carried: created, looked up, read, refused or malformed.
@Suite struct ServerLogTests {
    static let values = ["logboek.persoon@voorbeeld.example", "0612398745", "Lotte", "Logboek", "Kerkstraat 12b"]

    @Test(arguments: ["json", "text"]) func theRequestLogNamesRoutesAndNoValue(format: String) async throws {
        let served = try await ServedVault(["--log-format", format, "--log-level", "trace"])
        let api = LoopbackClient(base: served.base, token: served.adminToken)
        let made = try await api.send("POST", "/v1/subjects", json: """
            {"identifiers": {"email": "\(Self.values[0])", "phone": "\(Self.values[1])"}, "purpose": "questions",
             "records": [{"category": "name", "fields": {"first_name": "\(Self.values[2])", "last_name": "\(Self.values[3])"}}]}
            """, expect: 201)
        let id = try #require(made["id"] as? String)
        try await api.send("POST", "/v1/subjects/lookup", json: #"{"kind":"email","value":"\#(Self.values[0])"}"#, expect: 200)
        let key = try await api.send("POST", "/v1/api-keys", json: #"{"name": "log test", "purposes": ["questions"]}"#, expect: 201)
        let app = LoopbackClient(base: served.base, token: try #require(key["token"] as? String))
        try await app.send("GET", "/v1/subjects/\(id)?purpose=questions", expect: 200)
        // Refused and malformed requests that carry values, in the body and in the query.
        try await api.send("POST", "/v1/subjects", json: #"{"identifiers": {"email": "\#(Self.values[0])"}}"#, expect: 409)
        try await api.send("PUT", "/v1/subjects/\(id)/address", json: #"{"purpose": "quotes", "fields": {"street": "\#(Self.values[4])", "nope": 1}}"#,
                           expect: 400)
        try await api.send("GET", "/v1/subjects/\(id)?purpose=\(Self.values[1])", expect: 400)
        try await api.send("POST", "/v1/subjects/lookup", json: #"{"kind":"email","value":"\#(Self.values[0])""#, expect: 400)

        served.server.terminate()
        let lines = try await Self.logLines(of: served)
        let requests = try lines.filter { $0.contains("request.completed") }.map { line in try Self.fields(of: line, format: format) }
        let routes = Set(requests.compactMap { $0["kluis.route"] })
        #expect(routes.isSuperset(of: ["/v1/subjects", "/v1/subjects/lookup", "/v1/subjects/{id}", "/v1/subjects/{id}/{category}"]), "\(routes)")
        #expect(requests.allSatisfy { $0["kluis.method"] != nil && $0["kluis.status"] != nil && $0["kluis.duration_ms"] != nil
            && $0["hb.request.id"] != nil }, "\(requests)")
        #expect(Set(requests.compactMap { $0["kluis.status"] }).isSuperset(of: ["201", "200", "409", "400"]))
        #expect(!lines.contains { $0.contains(id) }, "a subject id reached the log")
        for value in Self.values {
            #expect(!lines.contains { $0.contains(value) }, "\(value) reached the log")
        }
    }

    /// Every line of the server's standard error, once it has exited.
    static func logLines(of served: ServedVault) async throws -> [String] {
        try #require(await served.server.termination(within: .seconds(30)) != nil, "the server did not stop")
        try await Task.sleep(for: .milliseconds(200))
        return served.server.errorOutput.split(separator: "\n").map(String.init)
    }

    /// The fields of a log line: a JSON object's, or swift-log's `key=value` metadata in text.
    static func fields(of line: String, format: String) throws -> [String: String] {
        if format == "json" {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], "not a JSON object: \(line)")
            #expect(object["time"] is String && object["level"] as? String == "info" && object["label"] as? String == "kluis", "\(line)")
            return object.mapValues { "\($0)" }
        }
        var fields: [String: String] = [:]
        for match in line.matches(of: /([a-z.]+[a-z_]+)=([^ ]+)/) { fields[String(match.output.1)] = String(match.output.2) }
        return fields
    }
}
