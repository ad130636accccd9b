import Hummingbird
import KluisCore
import KluisHTTP

/// The request context of the JSON API: who is calling, as ``APIKeyMiddleware`` found it from
/// the request's key. Handlers never authenticate: each operation is registered with the access
/// the contract gives it (``RouteTable/Access``), and the middleware of that access runs before
/// it and binds the caller to ``APICaller`` for the generated handler, which sees no context.
public struct APIRequestContext: ChildRequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The caller, set by the key middleware; `nil` on public routes and anonymous calls.
    var caller: Principal?
    /// The client's address, which rate limits count by.
    let clientAddress: String

    public init(context: ServerRequestContext) {
        coreContext = context.coreContext
        clientAddress = context.clientAddress
    }
}
