/// Where a request stands. `fulfilled` and `rejected` are final.
public enum RequestState: String, Sendable, Hashable, Codable, CaseIterable {
    case received
    /// Identity information was asked for; the legal clock is paused (art. 12(6)).
    case awaitingIdentification = "awaiting_identification"
    case inProgress = "in_progress"
    /// The deadline was extended to receipt + 3 months, with a reason (art. 12(3)).
    case extended
    case fulfilled
    /// Refused or not acted on, with a reason (art. 12(4)).
    case rejected

    /// Whether the request is closed.
    public var isFinal: Bool { self == .fulfilled || self == .rejected }

    /// The states a request may move to from this one.
    public var successors: Set<RequestState> {
        switch self {
        // Straight to fulfilled only when nobody matched: the answer is that no data is held.
        case .received: [.awaitingIdentification, .inProgress, .fulfilled, .rejected]
        case .awaitingIdentification: [.inProgress, .rejected]
        case .inProgress: [.awaitingIdentification, .extended, .fulfilled, .rejected]
        case .extended: [.fulfilled, .rejected]
        case .fulfilled, .rejected: []
        }
    }
}
