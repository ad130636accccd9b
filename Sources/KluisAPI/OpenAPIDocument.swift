import Foundation
import HTTPTypes
import KluisContract

/// The OpenAPI 3.1 document served at /openapi.json: the API's contract, kept in one file
/// (`Sources/KluisContract/openapi.json`) that tools read as it is, and compiled into the binary.
/// The server types and handler protocol are generated from it (scripts/generate-openapi), and
/// each operation's access is read from it here.
enum OpenAPIDocument {
    static let json = ContractDocument.text

    /// What the contract says of an operation beyond its schemas.
    struct Operation: Sendable {
        /// Who may call it: no `security` is public; a security that includes `{}` takes a key
        /// when sent; otherwise a key, and `x-kluis-access: admin` an admin key.
        var access: RouteTable.Access
        /// `x-kluis-body-limit`: the most bytes its body may have, or `batch` for a batch import;
        /// the server's ordinary limit when absent; `nil` for an operation without a body.
        var bodyLimit: BodyLimit?

        enum BodyLimit: Sendable, Equatable {
            case ordinary
            case batch
            case bytes(Int)
        }
    }

    /// The operations by method and path template (`PUT /v1/subjects/{id}/holds/{hold}`).
    static let operations: [String: Operation] = {
        guard let document = try? JSONSerialization.jsonObject(with: Data(ContractDocument.text.utf8)) as? [String: Any],
              let paths = document["paths"] as? [String: [String: Any]] else { return [:] }
        var operations: [String: Operation] = [:]
        for (path, item) in paths {
            for (method, operation) in item {
                guard let operation = operation as? [String: Any], operation["operationId"] != nil else { continue }
                let security = operation["security"] as? [[String: Any]] ?? []
                let access: RouteTable.Access =
                    if security.isEmpty { .public }
                    else if security.contains(where: \.isEmpty) { .optionalKey }
                    else if operation["x-kluis-access"] as? String == "admin" { .admin }
                    else { .key }
                let bodyLimit: Operation.BodyLimit? =
                    if operation["requestBody"] == nil { nil }
                    else if let bytes = operation["x-kluis-body-limit"] as? Int { .bytes(bytes) }
                    else if operation["x-kluis-body-limit"] as? String == "batch" { .batch }
                    else { .ordinary }
                operations["\(method.uppercased()) \(path)"] = Operation(access: access, bodyLimit: bodyLimit)
            }
        }
        return operations
    }()

    /// The operation at `method` and `path`, or `nil` when the contract has none.
    static func operation(_ method: HTTPRequest.Method, _ path: String) -> Operation? {
        operations["\(method.rawValue) \(path)"]
    }
}
