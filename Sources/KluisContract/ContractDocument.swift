/// The API's contract as the bytes of `openapi.json`: served at /openapi.json, read for each
/// operation's access and limits, and the source the server types beside this file are
/// generated from (scripts/generate-openapi).
package enum ContractDocument {
    package static let bytes = PackageResources.openapi_json
}
