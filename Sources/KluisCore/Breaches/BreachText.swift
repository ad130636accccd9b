import Foundation

/// The register's own texts (summary, consequences, measures, groups, references) must hold no
/// personal data: checked as a request's reasons are (no BSN), and refused when they hold an
/// e-mail address or a phone number. People are counted in the register, never named.
enum BreachText {
    static func checked(_ text: String, field: String, maximumLength: Int = 4000) throws(VaultError) -> String {
        let text = try FreeText.checked(text, field: field, maximumLength: maximumLength)
        if contains(emailAddress, in: text) {
            throw VaultError(.inputInvalid, "'\(field)' contains an e-mail address; the register holds no personal data, so describe without it")
        }
        if contains(phoneNumber, in: text) {
            throw VaultError(.inputInvalid, "'\(field)' contains a phone number; the register holds no personal data, so describe without it")
        }
        return text
    }

    /// `text` checked when there is one; empty counts as none.
    static func checkedIfGiven(_ text: String?, field: String) throws(VaultError) -> String? {
        guard let text, !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return nil }
        return try checked(text, field: field)
    }

    static let emailAddress = try! NSRegularExpression(pattern: "[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}")
    /// A Dutch phone number: +31, 0031 or 0, then nine digits, spaces or dashes between.
    static let phoneNumber = try! NSRegularExpression(pattern: "(?:\\+31|0031|(?<![0-9])0)[ -]?[1-9](?:[ -]?[0-9]){8}(?![0-9])")

    private static func contains(_ pattern: NSRegularExpression, in text: String) -> Bool {
        pattern.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }
}
