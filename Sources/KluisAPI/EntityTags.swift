import Foundation
import KluisCore

/// The entity tags of an `If-Match` header (RFC 9110, 13.1.1), for the strong comparison it
/// asks for: a weak tag (`W/"…"`) never matches, `*` matches whatever the resource is.
enum EntityTags {
    /// The quoted form of `tag`, as an `ETag` header carries it.
    static func quoted(_ tag: String) -> String {
        "\"\(tag)\""
    }

    /// The strong tags `header` names; `nil` for `*`, which any version matches. A header that
    /// names no tag at all is refused: it cannot be what an earlier answer's `ETag` said.
    static func strong(in header: String) throws -> Set<String>? {
        var tags: Set<String> = []
        var named = false
        for entry in header.split(separator: ",") {
            let entry = entry.trimmingCharacters(in: .whitespaces)
            if entry == "*" { return nil }
            if entry.hasPrefix("W/\"") && entry.hasSuffix("\"") && entry.count >= 4 {
                named = true
            } else if entry.hasPrefix("\"") && entry.hasSuffix("\"") && entry.count >= 2 {
                named = true
                tags.insert(String(entry.dropFirst().dropLast()))
            }
        }
        guard named else {
            throw VaultError(.inputInvalid, "If-Match must name the ETag of an earlier answer, quoted as it came, or be *")
        }
        return tags
    }
}
