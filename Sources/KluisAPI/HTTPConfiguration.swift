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
    /// Where one-time codes for identity checks go; without one, codes cannot be sent.
    public var outbox: (any Outbox)?

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
