import Hummingbird
import KluisContract
import KluisCore

/// The JSON API for applications: the operations generated from the contract, each registered
/// with the access the contract gives it, and the two routes that are no operation of the vault
/// (health and the contract itself). Errors become problem details in ``ProblemMiddleware``,
/// which the server runs for every audience.
public enum APIRoutes {
    /// Registers the API on `router` and returns the routes as registered.
    public static func register(on router: RouterGroup<APIRequestContext>, vault: Vault, configuration: HTTPConfiguration) -> RouteTable {
        var table = RouteTable(vault: vault)
        table.add(.get, "/healthz", .public, on: router) { _, _ in JSONBody.text(health, contentType: "application/json") }
        table.add(.get, "/openapi.json", .public, on: router) { _, _ in JSONBody.text(OpenAPIDocument.json, contentType: "application/json") }
        let transport = ContractTransport(router: router, table: table, configuration: configuration)
        // Registration fails only on a server URL the generated code cannot read; it uses none.
        try! APIHandlers(vault: vault, configuration: configuration)
            .registerHandlers(on: transport, configuration: ContractTransport.configuration)
        return transport.table
    }

    /// The liveness answer, with what runs: it does not change while the process lives, so it is
    /// made once. The version and commit are ours (a literal and hex), so nothing needs escaping.
    static let health = #"{"status":"ok","version":"\#(KluisBuild.version)","commit":"\#(KluisBuild.commit)"}"#
}
