/// How long the vault keeps its own records about people: the audit log and the files of
/// data-subject requests. `nil` keeps them indefinitely.
public struct LogRetention: Sendable, Hashable {
    /// Audit events older than this are reduced to what the hash chain needs.
    public var audit: ISODuration?
    /// Closed requests are deleted this long after they were closed.
    public var requests: ISODuration?

    public init(audit: ISODuration? = nil, requests: ISODuration? = nil) {
        self.audit = audit
        self.requests = requests
    }
}
