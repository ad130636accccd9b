/// One cookie and how long it lives.
public struct Cookie: Sendable, Hashable {
    public var name: String
    /// `nil` for a session cookie.
    public var lifetime: ISODuration?

    public init(name: String, lifetime: ISODuration?) {
        self.name = name
        self.lifetime = lifetime
    }
}
