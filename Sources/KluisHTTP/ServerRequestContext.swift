import Hummingbird
import NIOCore

/// The server's request context, from which each audience's is made (the API's, the web's):
/// what every request has, whoever it is for. It knows the client's address, which rate limits
/// count by, and nothing else.
public struct ServerRequestContext: RequestContext, RemoteAddressRequestContext {
    public var coreContext: CoreRequestContextStorage
    public let remoteAddress: SocketAddress?

    public init(source: ApplicationRequestContextSource) {
        coreContext = CoreRequestContextStorage(source: source)
        remoteAddress = source.channel.remoteAddress
    }

    /// The client's IP address without its port: the connection's peer. Behind a reverse proxy
    /// that is the proxy (docs/security.md says what that means for rate limits).
    public var clientAddress: String {
        remoteAddress?.ipAddress ?? "unknown"
    }
}
