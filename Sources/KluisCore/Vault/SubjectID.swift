import Foundation

/// The opaque id of a person in Kluis: random, meaningless, safe in URLs and logs.
public struct SubjectID: RawRepresentable, Sendable, Hashable, Codable, CustomStringConvertible {
    public let rawValue: String

    public init?(rawValue: String) {
        guard OpaqueID.isValid(rawValue, prefix: "sub_") else { return nil }
        self.rawValue = rawValue
    }

    /// A new random id.
    public static func generate() -> SubjectID {
        SubjectID(rawValue: OpaqueID.generate(prefix: "sub_"))!
    }

    public var description: String { rawValue }
}
