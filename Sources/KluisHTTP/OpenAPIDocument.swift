import Foundation

/// The OpenAPI 3.1 document served at /openapi.json. A test holds it against the registered routes.
///
/// Kept as JSON text in parts, one file each, and joined once: the parts are valid JSON objects
/// on their own, so each can be checked and edited separately.
enum OpenAPIDocument {
    static let json: String = {
        let paths = [subjectPaths, recordPaths, servicePaths, consentPaths, cookiePaths, requestPaths, requestDecisionPaths,
                     requestFulfilmentPaths, disclosurePaths, retentionPaths, deletionPaths].map(members(of:)).joined(separator: ",\n")
        let schemas = [schemasFirst, schemasSecond, consentSchemas, receiptSchemas, cookieSchemas, requestWorkflowSchemas,
                       fulfilmentSchemas, accessPackageSchemas, packageSchemas, retentionSchemas].map(members(of:)).joined(separator: ",\n")
        return "{" + members(of: header) + ",\n\"paths\": {" + paths + "},\n\"components\": {"
            + members(of: sharedComponents) + ",\n\"schemas\": {" + schemas + "}}}\n"
    }()

    /// The members of a JSON object's text: everything between its outer braces.
    static func members(of object: String) -> String {
        let trimmed = object.trimmingCharacters(in: .whitespacesAndNewlines)
        return String(trimmed.dropFirst().dropLast())
    }

    /// The document's version, title, servers and tags.
    static let header = #"""
    {
      "openapi": "3.1.0",
      "info": {
        "title": "Kluis vault API",
        "version": "1.0.0",
        "summary": "Store personal data encrypted per person and read it back only for a declared purpose.",
        "description": "Application keys are bound to purposes; reads name a purpose and get only the categories that purpose may see. Identifiers are looked up with POST so that no personal data appears in a URL. Errors are RFC 9457 problem details with a stable `code`. Field names are snake_case and times ISO 8601."
      },
      "servers": [
        {
          "url": "http://127.0.0.1:8080",
          "description": "`kluis serve` with its defaults"
        }
      ],
      "tags": [
        {
          "name": "subjects",
          "description": "People: create, find, read for a purpose."
        },
        {
          "name": "records",
          "description": "Writing records and lifecycle events."
        },
        {
          "name": "audit",
          "description": "The hash-chained audit log (admin keys)."
        },
        {
          "name": "consents",
          "description": "Consent, objection and receipts."
        },
        {
          "name": "cookies",
          "description": "Cookie choices, Google Consent Mode v2 signals and the drop-in banner."
        },
        {
          "name": "requests",
          "description": "Data-subject requests (arts. 15-21): intake, identity checks, legal deadlines, fulfilment and the access and portability packages; the disclosure log and restrictions."
        },
        {
          "name": "retention",
          "description": "Legal holds, retention sweeps and the anonymous records sweeps leave."
        },
        {
          "name": "public",
          "description": "Public pages."
        },
        {
          "name": "operations",
          "description": "Health, metrics and this document."
        }
      ]
    }
    """#
}
