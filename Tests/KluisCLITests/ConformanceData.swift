import Foundation
import Testing

/// The data a conformance run starts from, made through the API of a server running the coaching
/// example policy: three people with records, consents, events, a disclosure and a hold, and
/// requests in each state an operation needs. Its ids are fed to schemathesis, so that the
/// operations on a person or a request are tried on real ones and not only answered with 404.
struct ConformanceData: Sendable {
    /// The person most operations read and write.
    let anna: String
    /// A second person, with a restriction in force (to lift) and a partial erasure request.
    let bert: String
    /// The person deletions work on, so that the others keep their data.
    let carl: String
    /// Anna's record ids, and the one of her e-mail record (a category with one record).
    let annaRecords: [String]
    let annaEmailRecord: String
    /// Carl's record ids, for deletions of one record.
    let carlRecords: [String]
    /// A consent receipt as a consent call returned it, and a cookie-banner visitor.
    let receipt: String
    let visitor: String
    /// Access and portability requests with the identity verified: their packages can be exported.
    let exportable: [String]
    /// An access request found by an identifier, its identity not yet checked.
    let unverified: String
    /// An objection to reject, a verified access request to extend, and verified requests to
    /// fulfil: an access request and an erasure of one of Bert's categories.
    let rejectable: String
    let extendable: String
    let fulfillable: [String]
    /// Every request above, and Bert's fulfilled restriction.
    let requests: [String]

    static let breakGlass = ["Kluis-Break-Glass-Reason": "Conformance run"]

    /// Makes the data through `client`, which holds an admin key.
    static func make(with client: LoopbackClient) async throws -> ConformanceData {
        let anna = try await person(client, name: "Anna", phone: "06 1234 5678")
        let bert = try await person(client, name: "Bert", phone: "06 8765 4321")
        let carl = try await person(client, name: "Carl", phone: "06 5555 0101")
        var receipt = ""
        for subject in [anna, bert, carl] {
            receipt = try await history(client, of: subject)
        }
        let cookie = try await client.send("POST", "/v1/cookie-consent", json: """
            {"subject_id": "\(anna)", "choices": {"statistics": true, "marketing": false}, "language": "nl"}
            """, expect: 201)

        let access = try await request(client, #"{"type": "access", "subject_id": "\#(anna)"}"#)
        let portability = try await request(client, #"{"type": "portability", "subject_id": "\#(anna)"}"#)
        let unverified = try await request(client, #"{"type": "access", "identifiers": {"email": "anna@voorbeeld.example"}}"#, verify: false)
        let restriction = try await request(client, #"{"type": "restriction", "subject_id": "\#(bert)"}"#)
        try await client.send("POST", "/v1/requests/\(restriction)/fulfil", json: "{}", expect: 200)
        let erasure = try await request(client, #"{"type": "erasure", "subject_id": "\#(bert)", "categories": ["website_usage"]}"#)
        let rejectable = try await request(client, #"{"type": "objection", "subject_id": "\#(anna)"}"#, verify: false)
        let extendable = try await request(client, #"{"type": "access", "subject_id": "\#(bert)"}"#)
        let fulfillable = try await request(client, #"{"type": "access", "subject_id": "\#(bert)"}"#)

        let annaRecords = try await records(client, of: anna, for: "billing")
        return ConformanceData(
            anna: anna, bert: bert, carl: carl,
            annaRecords: inOrder(annaRecords), annaEmailRecord: try #require(annaRecords["email"]?.first),
            carlRecords: inOrder(try await records(client, of: carl, for: "coaching")),
            receipt: receipt, visitor: try #require(cookie["visitor_id"] as? String),
            exportable: [access, portability], unverified: unverified, rejectable: rejectable, extendable: extendable,
            fulfillable: [fulfillable, erasure],
            requests: [access, portability, unverified, restriction, erasure, rejectable, extendable, fulfillable])
    }

    /// A client of the coaching practice with identifiers of every kind and a record in several
    /// categories, each for the purpose it serves.
    private static func person(_ client: LoopbackClient, name: String, phone: String) async throws -> String {
        let email = "\(name.lowercased())@voorbeeld.example"
        let created = try await client.send("POST", "/v1/subjects", json: """
            {"identifiers": {"email": "\(email)", "phone": "\(phone)", "customer_number": "K-\(name)"},
             "records": [
               {"category": "name", "purpose": "coaching", "fields": {"first_name": "\(name)", "last_name": "de Vries"}},
               {"category": "email", "purpose": "coaching", "fields": {"email": "\(email)"}},
               {"category": "address", "purpose": "coaching",
                "fields": {"street": "Vlinderweg", "house_number": "7", "postcode": "1213 KM", "city": "Hilversum"}},
               {"category": "messages", "purpose": "questions",
                "fields": {"channel": "email", "subject": "Intake", "body": "Hallo", "sent_at": "2026-01-05T10:00:00Z"}},
               {"category": "coaching_file", "purpose": "coaching", "fields": {"intake_notes": "Goed gesprek"}},
               {"category": "invoices", "purpose": "billing",
                "fields": {"invoice_number": "F-2026-0001", "invoice_date": "2026-01-31", "amount": "121.00"}}]}
            """, expect: 201)
        return try #require(created["id"] as? String)
    }

    /// Events, consents, records that need a consent, a disclosure, a hold and a read; returns the
    /// consent receipt.
    private static func history(_ client: LoopbackClient, of subject: String) async throws -> String {
        let path = "/v1/subjects/\(subject)"
        try await client.send("POST", "\(path)/events", json: #"{"name": "contract_start", "at": "2026-01-05T09:00:00Z"}"#, expect: 204)
        try await client.send("POST", "\(path)/events", json: #"{"name": "invoice_issued", "at": "2026-01-31T09:00:00Z"}"#, expect: 204)
        let consent = try await client.send("POST", "\(path)/consents", json: """
            {"decisions": {"reviews": "given", "newsletter": "given", "statistics": "given"}, "birth_date": "1980-04-01"}
            """, expect: 201)
        try await client.send("PUT", "\(path)/website_usage", json: #"{"purpose": "statistics", "fields": {"client_id": "GA1.1.1", "pages_viewed": "/"}}"#,
                              expect: 200)
        try await client.send("PUT", "\(path)/reviews", json: #"{"purpose": "reviews", "fields": {"review_text": "Top", "published_on": "2026-02-01"}}"#,
                              expect: 200)
        try await client.send("POST", "\(path)/disclosures", json: #"{"recipient": "mollie", "purpose": "billing", "categories": ["invoices"]}"#,
                              expect: 204)
        try await client.send("PUT", "\(path)/holds/dispute", expect: 204)
        try await client.send("GET", "\(path)?purpose=coaching", headers: breakGlass, expect: 200)
        return try #require(consent["receipt"] as? String)
    }

    /// Submits a request and, unless told not to, checks the requester's identity with the one
    /// check the coaching policy accepts; returns its id.
    private static func request(_ client: LoopbackClient, _ json: String, verify: Bool = true) async throws -> String {
        let id = try #require(try await client.send("POST", "/v1/requests", json: json, expect: 201)["id"] as? String)
        if verify {
            try await client.send("POST", "/v1/requests/\(id)/verify", json: #"{"method": "id_copy_shielded"}"#, expect: 200)
        }
        return id
    }

    /// Record ids in the order of their categories, so that a seed picks the same one every run.
    private static func inOrder(_ records: [String: [String]]) -> [String] {
        records.sorted { $0.key < $1.key }.flatMap(\.value)
    }

    /// The ids of the person's records by category, as a break-glass read for `purpose` shows them.
    private static func records(_ client: LoopbackClient, of subject: String, for purpose: String) async throws -> [String: [String]] {
        let read = try await client.send("GET", "/v1/subjects/\(subject)?purpose=\(purpose)", headers: breakGlass, expect: 200)
        let categories = try #require(read["categories"] as? [String: [[String: Any]]])
        return categories.mapValues { $0.compactMap { $0["id"] as? String } }
    }
}
