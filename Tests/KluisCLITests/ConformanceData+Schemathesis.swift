import Foundation

/// The data as schemathesis configuration (`schemathesis.toml`, schemathesis 4.32).
///
/// Dictionaries bound to parameters and body fields are drawn from in the examples and fuzzing
/// phases when a test case is meant to be valid, and ignored when it is meant to be invalid, so
/// unknown ids and wrong values are still tried; the coverage phase keeps its own values.
/// Operations that change what others need get ids of their own: deletions work on Carl, and a
/// request is rejected, extended or fulfilled only when it was made for that.
extension ConformanceData {
    /// For the broad run: every phase, valid and invalid cases, real ids where a case is valid.
    func fuzzingConfiguration() -> String {
        settings + dictionaries + parameters + """

            [[operations]]
            include-operation-id = ["deleteCategory", "deleteRecord", "releaseHold"]
            parameters = { "path.id" = { dictionary = "carl" }, "path.record_id" = { dictionary = "carl_records" } }

            [[operations]]
            include-operation-id = ["askForIdentification", "sendVerificationCode", "verifyIdentity"]
            parameters = { "path.request" = { dictionary = "unverified" } }

            """ + requestRoutes
    }

    /// For the run of the success paths: valid cases only, with the parts that must fit together
    /// (a category and its fields, a recipient and its purpose, a request and its state) fixed,
    /// so that each operation that can succeed on this data does.
    func successConfiguration() -> String {
        settings + dictionaries + parameters + """

            [[operations]]
            include-operation-id = "writeRecord"
            parameters = { "path.id" = "\(anna)", "path.category" = "email", "body.record_id" = "\(annaEmailRecord)", \
            "body.fields" = { email = "anna@voorbeeld.example" }, "body.purpose" = "coaching" }

            [[operations]]
            include-operation-id = ["deleteCategory", "deleteRecord", "releaseHold"]
            parameters = { "path.id" = "\(carl)", "path.category" = "reviews", "path.record_id" = { dictionary = "carl_records" } }

            [[operations]]
            include-operation-id = "recordConsents"
            parameters = { "path.id" = "\(anna)", "body.decisions" = { newsletter = "given", advertising = "refused" }, \
            "body.birth_date" = "1980-04-01", "body.language" = "en" }

            [[operations]]
            include-operation-id = "recordDisclosure"
            parameters = { "path.id" = "\(anna)", "body.recipient" = "mollie", "body.purpose" = "billing", "body.categories" = ["invoices"] }

            [[operations]]
            include-operation-id = "submitRequest"
            parameters = { "body.type" = "restriction", "body.subject_id" = "\(anna)", "body.identifiers" = { email = "anna@voorbeeld.example" }, \
            "body.categories" = ["address"], "body.purposes" = [], "body.ground" = "accuracy_contested", "body.signed_in_session" = false, \
            "body.received_at" = "2026-11-20T09:00:00Z" }

            [[operations]]
            include-operation-id = "staleConsents"
            parameters = { "query.purpose" = "newsletter" }

            [[operations]]
            include-operation-id = "liftRestrictions"
            parameters = { "path.id" = "\(bert)", "body.subject_told_at" = "2026-11-20T15:00:00Z" }

            [[operations]]
            include-operation-id = "verifyIdentity"
            parameters = { "path.request" = "\(unverified)", "body.method" = "id_copy_shielded" }

            [[operations]]
            include-operation-id = ["askForIdentification", "sendVerificationCode"]
            parameters = { "path.request" = { dictionary = "unverified" } }

            """ + requestRoutes
    }

    /// No failures of an earlier run replayed from schemathesis's cache: their ids are gone, and
    /// each run is to depend on its seed alone.
    private var settings: String {
        """
        [cache]
        enabled = false

        """
    }

    private var requestRoutes: String {
        """
        [[operations]]
        include-operation-id = "exportRequestPackage"
        parameters = { "path.request" = { dictionary = "exportable" } }

        [[operations]]
        include-operation-id = "rejectRequest"
        parameters = { "path.request" = { dictionary = "rejectable" } }

        [[operations]]
        include-operation-id = "extendRequest"
        parameters = { "path.request" = { dictionary = "extendable" } }

        [[operations]]
        include-operation-id = "fulfilRequest"
        parameters = { "path.request" = { dictionary = "fulfillable" } }

        """
    }

    /// The values to draw from: the data's ids, and the ids of the coaching policy.
    private var dictionaries: String {
        let values: KeyValuePairs<String, [String]> = [
            "subjects": [anna, bert], "carl": [carl], "records": annaRecords, "carl_records": carlRecords,
            "categories": ["name", "address", "email", "phone", "messages", "referral_details", "company", "business_ids", "quotes",
                           "coaching_file", "appointments", "invoices", "job_title", "reviews", "ip_address", "website_usage"],
            "purposes": ["questions", "quotes", "coaching", "billing", "service_updates", "newsletter", "course_enrolment", "reviews",
                         "advertising", "statistics"],
            "holds": ["dispute", "contract_relevant"],
            "events": ["contract_start", "invoice_issued", "course_enrolled", "contract_end", "dispute_resolved", "last_contact"],
            "recipients": ["mollie", "moneybird", "google", "zoom", "mailblue"],
            "kinds": ["email", "phone", "customer_number"],
            "identifiers": ["anna@voorbeeld.example", "06 1234 5678", "K-Anna"],
            "emails": ["anna@voorbeeld.example", "bert@voorbeeld.example"],
            "reasons": ["Conformance run"],
            "receipts": [receipt], "visitors": [visitor],
            "requests": requests, "exportable": exportable, "unverified": [unverified], "rejectable": [rejectable],
            "extendable": [extendable], "fulfillable": fulfillable,
        ]
        return values.map { name, entries in
            "[dictionaries.\(name)]\nvalues = [\(entries.map(Self.quoted).joined(separator: ", "))]\n"
        }.joined()
    }

    /// Where the dictionaries go, for every operation unless one says otherwise. A bare name
    /// binds the parameter of that name wherever it is (`category` in a path and in a query).
    private var parameters: String {
        """

        [parameters]
        "path.id" = { dictionary = "subjects" }
        "path.request" = { dictionary = "requests" }
        "category" = { dictionary = "categories" }
        "path.hold" = { dictionary = "holds" }
        "path.record_id" = { dictionary = "records" }
        "query.purpose" = { dictionary = "purposes" }
        "header.Kluis-Purpose" = { dictionary = "purposes" }
        "header.Kluis-Break-Glass-Reason" = { dictionary = "reasons" }
        "query.subject_id" = { dictionary = "subjects" }
        "query.subject" = { dictionary = "subjects" }
        "body.subject_id" = { dictionary = "subjects" }
        "body.purpose" = { dictionary = "purposes" }
        "body.purposes[*]" = { dictionary = "purposes" }
        "body.categories[*]" = { dictionary = "categories" }
        "body.category" = { dictionary = "categories" }
        "body.record_id" = { dictionary = "records" }
        "body.records[*].category" = { dictionary = "categories" }
        "body.records[*].purpose" = { dictionary = "purposes" }
        "body.corrections[*].category" = { dictionary = "categories" }
        "body.name" = { dictionary = "events" }
        "body.recipient" = { dictionary = "recipients" }
        "body.kind" = { dictionary = "kinds" }
        "body.value" = { dictionary = "identifiers" }
        "body.identifiers.email" = { dictionary = "emails", probability = 0.5 }
        "body.receipt" = { dictionary = "receipts" }
        "body.visitor_id" = { dictionary = "visitors" }

        """
    }

    /// A TOML basic string of an id or a plain word.
    private static func quoted(_ value: String) -> String {
        "\"" + value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
