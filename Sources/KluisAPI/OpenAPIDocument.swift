import Foundation
import HTTPTypes

/// The OpenAPI 3.1 document served at /openapi.json: the API's contract, kept in one file
/// (`openapi.json` beside this one) that tools read as it is, and compiled into the binary.
/// The server types and handler protocol are generated from it (scripts/generate-openapi), and
/// each operation's access is read from it here.
enum OpenAPIDocument {
    static let json = String(decoding: PackageResources.openapi_json, as: UTF8.self)

    /// Who may call each operation, by method and path template (`PUT /v1/subjects/{id}/holds/{hold}`):
    /// no `security` is public; a security that includes `{}` takes a key when sent; otherwise a
    /// key, and `x-kluis-access: admin` an admin key.
    static let access: [String: RouteTable.Access] = {
        guard let document = try? JSONSerialization.jsonObject(with: Data(PackageResources.openapi_json)) as? [String: Any],
              let paths = document["paths"] as? [String: [String: Any]] else { return [:] }
        var access: [String: RouteTable.Access] = [:]
        for (path, item) in paths {
            for (method, operation) in item {
                guard let operation = operation as? [String: Any], operation["operationId"] != nil else { continue }
                let security = operation["security"] as? [[String: Any]] ?? []
                access["\(method.uppercased()) \(path)"] =
                    if security.isEmpty { .public }
                    else if security.contains(where: \.isEmpty) { .optionalKey }
                    else if operation["x-kluis-access"] as? String == "admin" { .admin }
                    else { .key }
            }
        }
        return access
    }()

    /// The access the contract gives the operation at `method` and `path`, or `nil` when it has none.
    static func access(_ method: HTTPRequest.Method, _ path: String) -> RouteTable.Access? {
        access["\(method.rawValue) \(path)"]
    }
}
