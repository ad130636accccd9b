/// What verification found checking every identifier row's tag against the subject it names.
public struct IdentifierCheck: Sendable, Hashable {
    /// Rows checked.
    public var checked = 0
    /// Rows whose tag does not bind them to the subject they name.
    public var unboundCount = 0
    /// The first of those rows, at most ``listLimit``, for the report: it names subject ids,
    /// tables and kinds only, never a value.
    public var unbound: [IdentifierBinding] = []

    /// How many unbound rows are kept for the report; the count goes on.
    public static let listLimit = 100

    public init() {}

    public var isIntact: Bool { unboundCount == 0 }

    mutating func check(_ page: [IdentifierBinding], with keys: KeyRing) {
        checked += page.count
        for binding in page where !keys.isBound(binding) {
            unboundCount += 1
            if unbound.count < Self.listLimit { unbound.append(binding) }
        }
    }
}
