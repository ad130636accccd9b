/// The security measures, in words for the statement and the register (art. 32).
public struct SecurityPolicy: Sendable, Hashable {
    public var measures: [LocalizedText]

    public init(measures: [LocalizedText] = []) {
        self.measures = measures
    }
}
