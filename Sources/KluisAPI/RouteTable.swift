import HTTPTypes
import Hummingbird
import KluisCore

/// The routes the application serves, registered with the access each needs, and recorded so a
/// test can hold them against the OpenAPI document: a route undocumented, or documented with
/// other security, fails it.
public struct RouteTable: Sendable {
    /// Who may call a route. Every route says it when registered; there is no default.
    public enum Access: String, Sendable, Hashable {
        /// Anyone: the statement, the banner, receipts, health and metrics.
        case `public`
        /// Anyone; a key, when sent, says who calls (a cookie choice for a known person).
        case optionalKey = "optional_key"
        /// Any valid API key.
        case key
        /// An admin key.
        case admin
    }

    public struct Route: Sendable, Hashable {
        public var method: String
        /// The path template, OpenAPI style: `/v1/subjects/{id}`.
        public var path: String
        public var access: Access

        public init(method: String, path: String, access: Access) {
            self.method = method
            self.path = path
            self.access = access
        }
    }

    let vault: Vault
    public private(set) var routes: [Route] = []

    init(vault: Vault) {
        self.vault = vault
    }

    /// Records a route registered elsewhere (the web's), for the same checks.
    public mutating func record(_ method: HTTPRequest.Method, _ path: String, _ access: Access) {
        routes.append(Route(method: method.rawValue, path: path, access: access))
    }

    /// Registers `handler` for `method` and `path` on `router` (a router or a group), behind the
    /// key middleware of `access`, and records the route.
    public mutating func add(_ method: HTTPRequest.Method, _ path: String, _ access: Access,
                             on router: some RouterMethods<APIRequestContext>,
                             _ handler: @escaping @Sendable (Request, APIRequestContext) async throws -> Response) {
        endpoint(method, path, access, on: router).on(RouterPath(path), method: method, use: handler)
    }

    /// Records a route and returns the group to register it on: behind the key middleware of
    /// `access`, unless it is public.
    mutating func endpoint(_ method: HTTPRequest.Method, _ path: String, _ access: Access,
                           on router: some RouterMethods<APIRequestContext>) -> RouterGroup<APIRequestContext> {
        routes.append(Route(method: method.rawValue, path: path, access: access))
        let group = router.group()
        return access == .public ? group : group.add(middleware: APIKeyMiddleware(vault: vault, access: access))
    }
}
