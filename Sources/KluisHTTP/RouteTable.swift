import HTTPTypes
import Hummingbird

/// The routes the application serves, as registered, so a test can hold them against the
/// OpenAPI document and fail when a route is undocumented.
public struct RouteTable: Sendable {
    public struct Route: Sendable, Hashable {
        public var method: String
        /// The path template, OpenAPI style: `/v1/subjects/{id}`.
        public var path: String

        public init(method: String, path: String) {
            self.method = method
            self.path = path
        }
    }

    public private(set) var routes: [Route] = []

    /// Registers `handler` for `method` and `path` on `router` (a router or a group) and
    /// records the route.
    mutating func add(_ method: HTTPRequest.Method, _ path: String, on router: some RouterMethods<BasicRequestContext>,
                      _ handler: @escaping @Sendable (Request, BasicRequestContext) async throws -> Response) {
        routes.append(Route(method: method.rawValue, path: path))
        router.on(RouterPath(path), method: method, use: handler)
    }
}
