import Hummingbird
import KluisCore

/// The JSON API for applications: every route, each registered with the access it needs. Errors
/// become problem details in ``ProblemMiddleware``, which the server runs for every audience.
public enum APIRoutes {
    /// Registers the API on `router` and returns the routes as registered.
    public static func register(on router: RouterGroup<APIRequestContext>, vault: Vault, configuration: HTTPConfiguration) -> RouteTable {
        var table = RouteTable(vault: vault)
        VaultRoutes(vault: vault, configuration: configuration).register(on: router, table: &table)
        let transport = ContractTransport(router: router, table: table, configuration: configuration)
        // Registration fails only on a server URL the generated code cannot read; it uses none.
        try! APIHandlers(vault: vault, configuration: configuration)
            .registerHandlers(on: transport, configuration: ContractTransport.configuration)
        return transport.table
    }
}
