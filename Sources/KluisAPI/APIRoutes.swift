import Hummingbird
import KluisCore

/// The JSON API for applications: every route, each registered with the access it needs. Errors
/// become problem details in ``ProblemMiddleware``, which the server runs for every audience.
public enum APIRoutes {
    /// Registers the API on `router` and returns the routes as registered.
    public static func register(on router: RouterGroup<APIRequestContext>, vault: Vault, configuration: HTTPConfiguration) -> RouteTable {
        var table = RouteTable(vault: vault)
        VaultRoutes(vault: vault, configuration: configuration).register(on: router, table: &table)
        ConsentRoutes(vault: vault, configuration: configuration).register(on: router, table: &table)
        RequestRoutes(vault: vault, configuration: configuration).register(on: router, table: &table)
        RetentionRoutes(vault: vault, configuration: configuration).register(on: router, table: &table)
        return table
    }
}
