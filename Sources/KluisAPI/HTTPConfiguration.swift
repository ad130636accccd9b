import KluisCore

/// How the HTTP server listens and what it accepts, validated once at start.
public struct HTTPConfiguration: Sendable {
    public var host: String
    public var port: Int
    /// The largest request body of an ordinary request.
    public var maximumBodySize: Int
    /// The largest request body of a batch import.
    public var maximumBatchBodySize: Int
    /// The most subjects one batch may create.
    public var maximumBatchSize: Int
    /// How long a client has to send a request's whole head, from the moment the server waits
    /// for it: the connection opened, or the previous answer was written. Also the idle timeout
    /// of a kept-alive connection.
    public var headerTimeout: Duration = .seconds(10)
    /// How long a request's body may take, plus the time it takes at ``minimumBodyRate``.
    public var bodyTimeout: Duration = .seconds(10)
    /// The slowest a body may arrive, in bytes per second, once ``bodyTimeout`` has passed.
    public var minimumBodyRate = 16 * 1024
    /// Where one-time codes for identity checks go; without one, codes cannot be sent.
    public var outbox: (any Outbox)?
    /// The path the privacy center is served under, for the hand-off links the API gives; set
    /// from the privacy center's configuration by `KluisApplication`.
    public var privacyCenterPath = "/privacy-center"

    public init(host: String = "127.0.0.1", port: Int = 8080, maximumBodySize: Int = 1 << 20,
                maximumBatchBodySize: Int = 64 << 20, maximumBatchSize: Int = 10_000, outbox: (any Outbox)? = nil) {
        self.outbox = outbox
        self.host = host
        self.port = port
        self.maximumBodySize = maximumBodySize
        self.maximumBatchBodySize = maximumBatchBodySize
        self.maximumBatchSize = maximumBatchSize
    }
}
