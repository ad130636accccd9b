/// Why a record has no erase-by date: it is kept until something happens, and the report says
/// what, so that no record is kept for ever silently.
public enum UndatedReason: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// A legal hold is in force; released by its event.
    case hold(String)
    /// The person asked for a restriction (art. 18), which keeps the data stored until lifted.
    case restriction
    /// A purpose's anchor has not happened (a contract has not ended), and its terms set no
    /// `at_most`.
    case awaitingEvent(String)

    /// The reason without its detail, as reports count it.
    public enum Kind: String, Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
        case hold
        case restriction
        case awaitingEvent = "awaiting_event"

        public var description: String { rawValue }

        public static func < (lhs: Kind, rhs: Kind) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    public var kind: Kind {
        switch self {
        case .hold: .hold
        case .restriction: .restriction
        case .awaitingEvent: .awaitingEvent
        }
    }

    /// The hold or the anchor, where there is one.
    public var detail: String? {
        switch self {
        case .hold(let id): id
        case .restriction: nil
        case .awaitingEvent(let anchor): anchor
        }
    }

    public var description: String {
        detail.map { "\(kind) \($0)" } ?? kind.rawValue
    }

    public static func < (lhs: UndatedReason, rhs: UndatedReason) -> Bool {
        lhs.description < rhs.description
    }
}
