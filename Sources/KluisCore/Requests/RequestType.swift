/// What a person asks for (arts. 15-21, and 7(3) for withdrawal).
public enum RequestType: String, Sendable, Hashable, Codable, CaseIterable {
    /// A copy of their data and the art. 15 facts about its processing.
    case access
    /// Their provided data in a machine-readable form (art. 20).
    case portability
    /// Corrected data (art. 16).
    case rectification
    /// Their data erased (art. 17).
    case erasure
    /// Their data restricted: stored, not used (art. 18).
    case restriction
    /// An objection to processing (art. 21).
    case objection
    /// Consent withdrawn (art. 7(3)).
    case withdrawal
}

/// How a request reached the controller.
public enum RequestChannel: String, Sendable, Hashable, Codable, CaseIterable {
    case web
    case email
    case post
    case phone
    case inPerson = "in_person"
    case api
}
