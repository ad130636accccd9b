/// The OpenAPI 3.1 document served at /openapi.json: the API's contract, kept in one file
/// (`openapi.json` beside this one) that tools read as it is, and compiled into the binary.
/// A test holds it against the registered routes.
enum OpenAPIDocument {
    static let json = String(decoding: PackageResources.openapi_json, as: UTF8.self)
}
