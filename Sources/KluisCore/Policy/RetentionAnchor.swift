/// The event a retention period counts from.
public enum RetentionAnchor: Sendable, Hashable, CustomStringConvertible {
    case collected
    case lastContact
    case contractEnd
    case consentWithdrawn
    case accountClosed
    case fiscalYearEnd
    /// A date field of the record itself, such as `invoice_date`.
    case field(String)
    /// A custom lifecycle event the application sends, such as `report_closed`.
    case event(String)

    /// The anchors without an argument, as the policy file names them.
    public static let named: [String: RetentionAnchor] = [
        "collected": .collected,
        "last_contact": .lastContact,
        "contract_end": .contractEnd,
        "consent_withdrawn": .consentWithdrawn,
        "account_closed": .accountClosed,
        "fiscal_year_end": .fiscalYearEnd,
    ]

    /// Parses `last_contact`, `field:NAME` or `event:NAME`; `nil` for anything else.
    public init?(_ text: String) {
        if let anchor = RetentionAnchor.named[text] {
            self = anchor
            return
        }
        let parts = text.split(separator: ":", maxSplits: 1).map(String.init)
        guard parts.count == 2, Identifier.isValid(parts[1]) else { return nil }
        switch parts[0] {
        case "field": self = .field(parts[1])
        case "event": self = .event(parts[1])
        default: return nil
        }
    }

    public var description: String {
        switch self {
        case .collected: "collected"
        case .lastContact: "last_contact"
        case .contractEnd: "contract_end"
        case .consentWithdrawn: "consent_withdrawn"
        case .accountClosed: "account_closed"
        case .fiscalYearEnd: "fiscal_year_end"
        case .field(let name): "field:\(name)"
        case .event(let name): "event:\(name)"
        }
    }
}
