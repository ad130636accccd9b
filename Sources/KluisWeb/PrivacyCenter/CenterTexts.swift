import Foundation
import KluisCore

/// The privacy center's own words, per language and, in Dutch, in the policy's voice ("u" or
/// "je"). Templates read them as `t.key`; a page's values come beside them. One table per
/// language (`CenterTexts+English`, `CenterTexts+Dutch`) keeps every text of a language in one
/// place, and a test holds the tables to the same keys.
enum CenterTexts {
    /// The texts in `language`; Dutch addresses people as `informal` says.
    static func texts(_ language: Language, informal: Bool) -> [String: String] {
        switch language {
        case .en: english
        case .nl: dutch(informal: informal)
        }
    }

    /// A text with `{name}` placeholders filled in.
    static func fill(_ text: String, _ values: [String: String]) -> String {
        values.reduce(text) { $0.replacingOccurrences(of: "{\($1.key)}", with: $1.value) }
    }
}
