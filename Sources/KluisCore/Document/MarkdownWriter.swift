/// Writes a ``Document`` as CommonMark with GitHub tables.
public enum MarkdownWriter {
    public static func render(_ document: Document) -> String {
        var out = "# \(escape(document.title))\n\n"
        if let subtitle = document.subtitle { out += "_\(escape(subtitle))_\n\n" }
        for section in document.sections {
            out += "## \(escape(section.title))\n\n"
            for block in section.blocks {
                out += render(block) + "\n"
            }
        }
        return out
    }

    private static func render(_ block: Document.Block) -> String {
        switch block {
        case .paragraph(let spans):
            return inline(spans) + "\n"
        case .bullets(let items):
            return items.map { "- " + inline($0) }.joined(separator: "\n") + "\n"
        case .heading(let text):
            return "### \(escape(text))\n"
        case .table(let headers, let rows):
            var lines = ["| " + headers.map(cell).joined(separator: " | ") + " |",
                         "|" + String(repeating: " --- |", count: headers.count)]
            lines += rows.map { "| " + $0.map(cell).joined(separator: " | ") + " |" }
            return lines.joined(separator: "\n") + "\n"
        }
    }

    private static func inline(_ spans: [Document.Span]) -> String {
        spans.map { span in
            switch span {
            case .text(let text): escape(text)
            case .strong(let text): "**\(escape(text))**"
            case .link(let text, let url): "[\(escape(text))](\(url))"
            }
        }.joined()
    }

    private static func cell(_ text: String) -> String {
        escape(text).replacingAll("|", with: "\\|").replacingAll("\n", with: "<br>")
    }

    /// Escapes the characters that would start Markdown markup inside running text.
    public static func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            if "\\*_`[]<>".contains(character) { out.append("\\") }
            out.append(character)
        }
        return out
    }
}

extension String {
    /// `self` with every `target` replaced, without Foundation.
    func replacingAll(_ target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
