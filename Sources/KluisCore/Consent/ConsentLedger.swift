import Foundation

/// A subject's consent and objection history, and the state derived from it. The history is
/// kept as recorded; the state is never stored, so it cannot disagree with the history.
public struct ConsentLedger: Sendable, Hashable {
    /// Every event, oldest first.
    public let events: [ConsentEvent]

    public init(events: [ConsentEvent] = []) {
        self.events = events
    }

    /// The latest consent decision about `purpose`: given, refused, withdrawn, expired or renewed.
    public func latestConsent(for purpose: String) -> ConsentEvent? {
        events.last { $0.purpose == purpose && $0.kind.isConsent }
    }

    /// The latest objection event about `purpose`.
    public func latestObjection(for purpose: String) -> ConsentEvent? {
        events.last { $0.purpose == purpose && !$0.kind.isConsent }
    }

    /// The consent state for `purpose`, whose current fingerprint is `purposeHash`.
    public func status(of purpose: String, purposeHash: String) -> ConsentStatus {
        guard let latest = latestConsent(for: purpose) else { return .notAsked }
        switch latest.kind {
        case .given, .renewed: return latest.purposeHash == purposeHash ? .given : .stale
        case .refused: return .refused
        case .withdrawn: return .withdrawn
        case .expired: return .expired
        case .objected, .objectionWithdrawn: return .notAsked
        }
    }

    /// Whether an objection to `purpose` is in force.
    public func isObjected(_ purpose: String) -> Bool {
        latestObjection(for: purpose)?.kind == .objected
    }

    /// When consent for `purpose` ended, if it is not in force now: withdrawn, expired, or
    /// refused when asked again.
    public func consentEnded(for purpose: String) -> Date? {
        guard let latest = latestConsent(for: purpose), [.withdrawn, .expired, .refused].contains(latest.kind) else { return nil }
        return latest.time
    }

    /// When consent for `purpose` was last withdrawn, if it is withdrawn now.
    public func withdrawal(of purpose: String) -> Date? {
        guard let latest = latestConsent(for: purpose), latest.kind == .withdrawn else { return nil }
        return latest.time
    }
}
