/// A rendered text, independent of its output format: the statement and the register are built
/// as a `Document`, then written as HTML or Markdown, so both formats always say the same.
public struct Document: Sendable, Hashable {
    public var language: Language
    public var title: String
    /// A line under the title: version and date.
    public var subtitle: String?
    public var sections: [Section]

    public init(language: Language, title: String, subtitle: String? = nil, sections: [Section]) {
        self.language = language
        self.title = title
        self.subtitle = subtitle
        self.sections = sections
    }

    /// A titled part of a document, with an anchor for the table of contents.
    public struct Section: Sendable, Hashable {
        public var anchor: String
        public var title: String
        public var blocks: [Block]

        public init(anchor: String, title: String, blocks: [Block]) {
            self.anchor = anchor
            self.title = title
            self.blocks = blocks
        }
    }

    /// A paragraph, a list, a table or a sub-heading.
    public enum Block: Sendable, Hashable {
        case paragraph([Span])
        case bullets([[Span]])
        case table(headers: [String], rows: [[String]])
        case heading(String)
    }

    /// A run of text inside a block.
    public enum Span: Sendable, Hashable, ExpressibleByStringLiteral {
        case text(String)
        case strong(String)
        case link(String, url: String)

        public init(stringLiteral value: String) {
            self = .text(value)
        }

        /// The span's words without markup.
        public var plainText: String {
            switch self {
            case .text(let text), .strong(let text), .link(let text, _): text
            }
        }
    }

    /// Every word of the document without markup, for search and tests.
    public var plainText: String {
        var parts = [title, subtitle ?? ""]
        for section in sections {
            parts.append(section.title)
            for block in section.blocks {
                switch block {
                case .paragraph(let spans): parts.append(spans.map(\.plainText).joined())
                case .bullets(let items): parts += items.map { $0.map(\.plainText).joined() }
                case .table(let headers, let rows): parts += headers + rows.flatMap { $0 }
                case .heading(let text): parts.append(text)
                }
            }
        }
        return parts.joined(separator: "\n")
    }
}
