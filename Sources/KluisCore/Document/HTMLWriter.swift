/// Writes a ``Document`` as one standalone HTML page: clean typography, a table of contents, and
/// print styles, with no external resources so the page can be hosted or archived anywhere.
public enum HTMLWriter {
    public static func render(_ document: Document) -> String {
        var body = "<header>\n<h1>\(escape(document.title))</h1>\n"
        if let subtitle = document.subtitle { body += "<p class=\"subtitle\">\(escape(subtitle))</p>\n" }
        body += "</header>\n<nav aria-label=\"\(document.language == .nl ? "Inhoud" : "Contents")\">\n"
        body += "<h2>\(document.language == .nl ? "Inhoud" : "Contents")</h2>\n<ol>\n"
        for section in document.sections {
            body += "<li><a href=\"#\(section.anchor)\">\(escape(section.title))</a></li>\n"
        }
        body += "</ol>\n</nav>\n<main>\n"
        for section in document.sections {
            body += "<section id=\"\(section.anchor)\">\n<h2>\(escape(section.title))</h2>\n"
            for block in section.blocks { body += render(block) }
            body += "</section>\n"
        }
        body += "</main>\n"
        return """
        <!DOCTYPE html>
        <html lang="\(document.language.rawValue)">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(escape(document.title))</title>
        <style>
        \(stylesheet)
        </style>
        </head>
        <body>
        \(body)</body>
        </html>

        """
    }

    private static func render(_ block: Document.Block) -> String {
        switch block {
        case .paragraph(let spans):
            return "<p>\(inline(spans))</p>\n"
        case .bullets(let items):
            return "<ul>\n" + items.map { "<li>\(inline($0))</li>\n" }.joined() + "</ul>\n"
        case .heading(let text):
            return "<h3>\(escape(text))</h3>\n"
        case .table(let headers, let rows):
            var out = "<div class=\"table\"><table>\n<thead><tr>"
            out += headers.map { "<th scope=\"col\">\(escape($0))</th>" }.joined()
            out += "</tr></thead>\n<tbody>\n"
            for row in rows {
                out += "<tr>" + row.map { "<td>\(escape($0).replacingAll("\n", with: "<br>"))</td>" }.joined() + "</tr>\n"
            }
            return out + "</tbody>\n</table></div>\n"
        }
    }

    private static func inline(_ spans: [Document.Span]) -> String {
        spans.map { span in
            switch span {
            case .text(let text): escape(text)
            case .strong(let text): "<strong>\(escape(text))</strong>"
            case .link(let text, let url): "<a href=\"\(escape(url))\">\(escape(text))</a>"
            }
        }.joined()
    }

    /// Escapes text for HTML content and attribute values.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }

    static let stylesheet = """
    :root { color-scheme: light; --ink: #1d2327; --muted: #5b6670; --line: #d9dee3; --accent: #0b5cad; --wash: #f5f7f9; }
    * { box-sizing: border-box; }
    html { font-size: 17px; }
    body { margin: 0; color: var(--ink); background: #fff; font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; line-height: 1.6; }
    header, nav, main { max-width: 52rem; margin: 0 auto; padding: 0 1.5rem; }
    header { padding-top: 3rem; }
    h1 { font-size: 2.2rem; line-height: 1.2; margin: 0 0 .3rem; letter-spacing: -.01em; }
    .subtitle { color: var(--muted); margin: 0 0 2rem; }
    nav { border-top: 1px solid var(--line); border-bottom: 1px solid var(--line); padding-top: .5rem; padding-bottom: .5rem; }
    nav h2 { font-size: .85rem; text-transform: uppercase; letter-spacing: .08em; color: var(--muted); margin: .6rem 0 .2rem; }
    nav ol { columns: 2; column-gap: 2rem; margin: .4rem 0 .8rem; padding-left: 1.3rem; }
    nav li { break-inside: avoid; }
    h2 { font-size: 1.45rem; line-height: 1.3; margin: 2.6rem 0 .8rem; }
    h3 { font-size: 1.1rem; margin: 1.8rem 0 .5rem; }
    a { color: var(--accent); }
    .table { overflow-x: auto; margin: .8rem 0 1.2rem; }
    table { border-collapse: collapse; width: 100%; font-size: .92rem; }
    th, td { text-align: left; vertical-align: top; padding: .45rem .6rem; border-bottom: 1px solid var(--line); }
    th { background: var(--wash); font-weight: 600; }
    main { padding-bottom: 4rem; }
    @media (max-width: 40rem) { nav ol { columns: 1; } html { font-size: 16px; } }
    @media print {
      html { font-size: 10.5pt; }
      nav { display: none; }
      header, main { max-width: none; padding: 0; }
      a { color: inherit; text-decoration: none; }
      h2, h3 { break-after: avoid; }
      tr, li { break-inside: avoid; }
      .table { overflow: visible; }
    }
    """
}
