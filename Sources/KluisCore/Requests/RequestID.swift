/// The opaque id of a data-subject request: random, meaningless, safe in URLs and logs.
public struct RequestID: RawRepresentable, Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    public let rawValue: String

    public init?(rawValue: String) {
        guard OpaqueID.isValid(rawValue, prefix: "req_") else { return nil }
        self.rawValue = rawValue
    }

    /// A new random id.
    public static func generate() -> RequestID {
        RequestID(rawValue: OpaqueID.generate(prefix: "req_"))!
    }

    public var description: String { rawValue }

    public static func < (lhs: RequestID, rhs: RequestID) -> Bool { lhs.rawValue < rhs.rawValue }
}
