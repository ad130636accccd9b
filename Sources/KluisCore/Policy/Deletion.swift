/// Who may delete a category's data before its retention ends: the person themselves, in the
/// privacy center or through the organisation's app, or only staff answering an erasure request.
public enum Deletion: String, Sendable, Hashable, Codable, CaseIterable {
    /// The person may delete a record or the whole category themselves.
    case selfService = "self_service"
    /// Only through an erasure request, which staff check and answer.
    case request
}

/// Who may correct a category's data: the person themselves, in the privacy center, or staff
/// answering a rectification request in which the person proposes the new value.
public enum Correction: String, Sendable, Hashable, Codable, CaseIterable {
    /// The person may change the fields of their records themselves.
    case selfService = "self_service"
    /// Only through a rectification request, which staff check and carry out.
    case request
}
