/// Comma-separated values as RFC 4180 writes them, for every CSV Kluis exports.
public enum CSV {
    /// A field: quoted when it holds a comma, a quote or a line break. Unless the value must be
    /// copied faithfully (a person's own data), a leading `=`, `+`, `-` or `@` is escaped so that
    /// a spreadsheet does not run it as a formula.
    public static func field(_ text: String, guardingFormulas: Bool = true) -> String {
        var text = text
        if guardingFormulas, let first = text.first, "=+-@".contains(first) { text = "'" + text }
        guard text.contains(where: { ",\"\n\r".contains($0) }) else { return text }
        return "\"" + text.replacingAll("\"", with: "\"\"") + "\""
    }

    /// One line of fields, ended by CRLF.
    public static func line(_ fields: [String], guardingFormulas: Bool = true) -> String {
        fields.map { field($0, guardingFormulas: guardingFormulas) }.joined(separator: ",") + "\r\n"
    }
}
