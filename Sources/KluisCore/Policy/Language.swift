/// A language a policy's texts are written in, as an ISO 639-1 code (`nl`, `en`).
///
/// Kluis ships the fixed wording of statements and registers in Dutch and English; a policy may
/// list only languages Kluis can render.
public enum Language: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    case nl
    case en

    public static func < (lhs: Language, rhs: Language) -> Bool {
        lhs.rawValue < rhs.rawValue
    }
}

/// A dictionary keyed by language is written as an object (`{"nl": 3}`), not as a list.
extension Language: CodingKeyRepresentable {}
