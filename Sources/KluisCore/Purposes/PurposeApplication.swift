import Foundation

/// That a purpose applies to a person, since when and why: only purposes that apply to a person
/// read, keep or are listed for that person's data. The policy lists what may happen; the
/// person's history says what does.
public struct PurposeApplication: Sendable, Hashable, Codable {
    public var purpose: String
    /// The moment the purpose came to apply (again, after an `applies_until` event ended it).
    public var since: Date
    /// Every reason it applies, in a fixed order.
    public var reasons: [Reason]

    public init(purpose: String, since: Date, reasons: [Reason]) {
        self.purpose = purpose
        self.since = since
        self.reasons = reasons
    }

    /// Why a purpose applies to a person.
    public enum Reason: Sendable, Hashable, Codable, CustomStringConvertible, Comparable {
        /// Data of the person was collected for the purpose.
        case collected
        /// The person gave consent to it.
        case consent
        /// An `applies_from` event of the purpose happened.
        case event(String)
        /// Data written before Kluis recorded what it was collected for, which the purpose uses.
        case inherited

        public var description: String {
            switch self {
            case .collected: "collected"
            case .consent: "consent"
            case .event(let name): "event:\(name)"
            case .inherited: "inherited"
            }
        }

        public init?(_ text: String) {
            switch text {
            case "collected": self = .collected
            case "consent": self = .consent
            case "inherited": self = .inherited
            default:
                guard text.hasPrefix("event:") else { return nil }
                self = .event(String(text.dropFirst(6)))
            }
        }

        public init(from decoder: any Decoder) throws {
            let text = try decoder.singleValueContainer().decode(String.self)
            guard let reason = Reason(text) else {
                throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a reason"))
            }
            self = reason
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            try container.encode(description)
        }

        public static func < (lhs: Reason, rhs: Reason) -> Bool {
            lhs.description < rhs.description
        }
    }
}
