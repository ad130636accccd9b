/// The opaque id of a record.
public struct RecordID: RawRepresentable, Sendable, Hashable, Codable, CustomStringConvertible {
    public let rawValue: String

    public init?(rawValue: String) {
        guard OpaqueID.isValid(rawValue, prefix: "rec_") else { return nil }
        self.rawValue = rawValue
    }

    public static func generate() -> RecordID {
        RecordID(rawValue: OpaqueID.generate(prefix: "rec_"))!
    }

    public var description: String { rawValue }
}
