import Hummingbird
import KluisCore

/// The request context of the JSON API: who is calling, as ``APIKeyMiddleware`` found it from
/// the request's key. Handlers never authenticate: each route is registered with the access it
/// needs (``RouteTable/Access``), and the middleware of that access runs before it.
public struct APIRequestContext: ChildRequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The caller, set by the key middleware; `nil` on public routes and anonymous calls.
    var caller: Principal?

    public init(context: BasicRequestContext) {
        coreContext = context.coreContext
    }

    /// The caller of a route that takes a key. On a route registered without one it fails
    /// closed, as an unauthenticated call.
    func principal() throws -> Principal {
        guard let caller else { throw APIKeyMiddleware.unauthorised }
        return caller
    }

    /// The caller of a route for admin keys, checked again here so that a route registered with
    /// the wrong access still refuses.
    @discardableResult
    func admin() throws -> Principal {
        let caller = try principal()
        guard caller.isAdmin else { throw APIKeyMiddleware.forbidden }
        return caller
    }
}
