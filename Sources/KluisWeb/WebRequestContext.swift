import Hummingbird
import KluisHTTP

/// The request context of the web: pages and assets for people's browsers. It carries no API
/// key; the privacy center and the console will carry a session here.
public struct WebRequestContext: ChildRequestContext {
    public var coreContext: CoreRequestContextStorage

    public init(context: ServerRequestContext) {
        coreContext = context.coreContext
    }
}
