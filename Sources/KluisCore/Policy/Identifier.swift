/// The rules for ids in a policy: lower-case `snake_case`, so they are safe in URLs, file names
/// and database keys alike.
public enum Identifier {
    /// Whether `text` is a valid id: starts with a letter, then letters, digits and `_`.
    public static func isValid(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, ("a"..."z").contains(first),
              text.count <= 64 else { return false }
        return text.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_"
        }
    }
}
