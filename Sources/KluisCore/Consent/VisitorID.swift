/// The opaque id of a website visitor whose cookie choice Kluis keeps: random, held in the
/// visitor's own first-party cookie, linked to no one unless an application says whose it is.
public struct VisitorID: RawRepresentable, Sendable, Hashable, Codable, CustomStringConvertible {
    public let rawValue: String

    public init?(rawValue: String) {
        guard OpaqueID.isValid(rawValue, prefix: "vis_") else { return nil }
        self.rawValue = rawValue
    }

    public static func generate() -> VisitorID {
        VisitorID(rawValue: OpaqueID.generate(prefix: "vis_"))!
    }

    public var description: String { rawValue }
}
