import Hummingbird
import KluisHTTP

/// The request context of the web: pages and assets for people's browsers. It carries no API
/// key; the privacy center makes its own, with a person's session, from this one.
public struct WebRequestContext: ChildRequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The client's network address, for rate limits.
    public let clientAddress: String

    public init(context: ServerRequestContext) {
        coreContext = context.coreContext
        clientAddress = context.clientAddress
    }
}
