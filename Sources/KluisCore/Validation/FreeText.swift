import Foundation

/// Text typed by a person that Kluis keeps in the clear: the reason for a break-glass read, for
/// extending or refusing a request, the name of a key. Such text is not sealed, so it must not
/// grow without bound nor carry the one identifier Kluis must never hold, a citizen service
/// number. Every stored free-text field passes here; the errors name the field, never the text.
public enum FreeText {
    /// The most characters of a reason.
    public static let maximumLength = 2000

    /// `text` trimmed, or a refusal when it is empty, longer than `maximumLength` characters,
    /// or holds a BSN.
    public static func checked(_ text: String, field: String, maximumLength: Int = maximumLength,
                               code: VaultError.Code = .inputInvalid) throws(VaultError) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw VaultError(code, "'\(field)' must not be empty") }
        guard trimmed.count <= maximumLength else { throw VaultError(code, "'\(field)' is longer than \(maximumLength) characters") }
        guard !BSN.occurs(in: trimmed) else {
            throw VaultError(.bsnRefused, "'\(field)' contains a citizen service number (BSN); Kluis never stores one, so remove it")
        }
        return trimmed
    }
}
