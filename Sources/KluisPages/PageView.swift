import KluisCore

/// What the page templates read: a ``Document`` as plain values, since templates cannot switch
/// over an enum. An absent value is `nil`, which a template section skips.
struct PageView {
    let language: String
    let title: String
    let subtitle: String?
    let contentsLabel: String
    let stylesheet = PageRenderer.stylesheet
    let branding: BrandingView?
    let sections: [SectionView]

    init(_ document: Document, branding: Branding?, organisation: String) {
        language = document.language.rawValue
        title = document.title
        subtitle = document.subtitle
        contentsLabel = document.language == .nl ? "Inhoud" : "Contents"
        self.branding = branding.map { BrandingView($0, organisation: organisation, language: document.language) }
        sections = document.sections.map { section in
            SectionView(anchor: section.anchor, title: section.title, blocks: section.blocks.map(BlockView.init))
        }
    }

    struct BrandingView {
        let logo: String?
        let accent: String?
        let organisation: String
        let linkBack: LinkView?
        /// Whether there is a logo or a link to show above the title.
        let hasBar: Bool

        init(_ branding: Branding, organisation: String, language: Language) {
            logo = branding.logo
            accent = branding.accent
            self.organisation = organisation
            linkBack = branding.linkBack.map { LinkView(url: $0.url, text: $0.text.text(in: language)) }
            hasBar = branding.logo != nil || branding.linkBack != nil
        }
    }

    struct LinkView {
        let url: String
        let text: String
    }

    struct SectionView {
        let anchor: String
        let title: String
        let blocks: [BlockView]
    }

    struct BlockView {
        var paragraph: SpansView?
        var heading: String?
        var bullets: BulletsView?
        var table: TableView?

        init(_ block: Document.Block) {
            switch block {
            case .paragraph(let spans): paragraph = SpansView(spans)
            case .heading(let text): heading = text
            case .bullets(let items): bullets = BulletsView(items: items.map(SpansView.init))
            case .table(let headers, let rows): table = TableView(headers: headers, rows: rows.map { RowView(cells: $0.map(CellView.init)) })
            }
        }
    }

    struct SpansView {
        let spans: [SpanView]

        init(_ spans: [Document.Span]) {
            self.spans = spans.map(SpanView.init)
        }
    }

    struct BulletsView {
        let items: [SpansView]
    }

    struct SpanView {
        var text: String?
        var strong: String?
        var link: String?
        var url: String?

        init(_ span: Document.Span) {
            switch span {
            case .text(let value): text = value
            case .strong(let value): strong = value
            case .link(let value, let address):
                link = value
                url = address
            }
        }
    }

    struct TableView {
        let headers: [String]
        let rows: [RowView]
    }

    struct RowView {
        let cells: [CellView]
    }

    /// A table cell's lines, each but the last followed by a line break.
    struct CellView {
        let lines: [LineView]

        init(_ text: String) {
            let parts = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            lines = parts.enumerated().map { LineView(text: $1, breakAfter: $0 < parts.count - 1) }
        }
    }

    struct LineView {
        let text: String
        let breakAfter: Bool
    }
}
