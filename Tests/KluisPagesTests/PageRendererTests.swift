import Foundation
import KluisCore
import KluisPages
import KluisTesting
import Testing

/// Pages from templates: every kind of block, escaping, and the organisation's branding.
@Suite struct PageRendererTests {
    static let examples = (try? Fixtures.examplePolicies()) ?? []

    /// HTML escaping as the template engine does it, written here independently.
    static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
            .replacingOccurrences(of: "'", with: "&#39;")
    }

    static let document = Document(language: .en, title: "A <b>title</b>", subtitle: "Version 2", sections: [
        .init(anchor: "one", title: "One", blocks: [
            .paragraph([.text("<script>alert(1)</script> & \"quotes\" "), .strong("bold"), .text(" and "),
                        .link("a link", url: "https://example.nl/?a=1&b=2")]),
            .heading("A sub-heading"),
            .bullets([["first"], [.strong("second")]]),
            .table(headers: ["Purpose", "Kept"], rows: [["Service", "2 years\nthen deleted"]]),
        ]),
        .init(anchor: "two", title: "Two", blocks: []),
    ])

    @Test func everyBlockIsWrittenAndEveryValueEscaped() {
        let html = PageRenderer.render(Self.document, branding: nil, organisation: "Org")
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
        #expect(html.contains("<title>A &lt;b&gt;title&lt;/b&gt;</title>"))
        #expect(html.contains("<h1>A &lt;b&gt;title&lt;/b&gt;</h1>"))
        #expect(html.contains("<p class=\"subtitle\">Version 2</p>"))
        #expect(!html.contains("<script>"))
        #expect(html.contains("<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot; <strong>bold</strong> and <a href=\"https://example.nl/?a=1&amp;b=2\">a link</a></p>"))
        #expect(html.contains("<h3>A sub-heading</h3>"))
        #expect(html.contains("<ul>\n<li>first</li>\n<li><strong>second</strong></li>\n</ul>"))
        #expect(html.contains("<th scope=\"col\">Purpose</th><th scope=\"col\">Kept</th>"))
        #expect(html.contains("<td>Service</td><td>2 years<br>then deleted</td>"))
        #expect(html.contains("<nav aria-label=\"Contents\">"))
        #expect(html.contains("<li><a href=\"#one\">One</a></li>\n<li><a href=\"#two\">Two</a></li>"))
        #expect(html.contains("<section id=\"two\">\n<h2>Two</h2>\n\n</section>"))
        // Without branding: no bar, Kluis's own accent.
        #expect(!html.contains("class=\"brand\""))
        #expect(html.contains("--accent: #0b5cad;"))
        #expect(html.components(separatedBy: "--accent:").count == 2)
    }

    @Test func brandingShowsTheLogoTheLinkBackAndTheAccent() {
        let branding = Branding(logo: "https://example.nl/logo.svg", accent: "#1f5e4b",
                                linkBack: .init(url: "https://example.nl", text: LocalizedText([.en: "Back to example.nl", .nl: "Terug"])))
        let html = PageRenderer.render(Self.document, branding: branding, organisation: "Koers & Vast")
        #expect(html.contains("<img src=\"https://example.nl/logo.svg\" alt=\"Koers &amp; Vast\">"))
        #expect(html.contains("<a href=\"https://example.nl\">Back to example.nl</a>"))
        #expect(html.contains(":root { --accent: #1f5e4b; }"))
        let onlyAccent = PageRenderer.render(Self.document, branding: Branding(accent: "#1f5e4b"), organisation: "Org")
        #expect(!onlyAccent.contains("class=\"brand\""))
        #expect(onlyAccent.contains(":root { --accent: #1f5e4b; }"))
    }

    @Test(arguments: examples, Language.allCases)
    func everyExampleStatementPageNamesEveryPurpose(file: URL, language: Language) throws {
        let policy = try Fixtures.validPolicy(file)
        let html = PageRenderer.render(StatementBuilder(policy: policy, language: language).build(), policy: policy)
        for purpose in policy.purposes {
            #expect(html.contains(Self.escaped(purpose.name.text(in: language))), "purpose '\(purpose.id)' missing")
        }
        if let linkBack = policy.branding?.linkBack {
            #expect(html.contains(">\(Self.escaped(linkBack.text.text(in: language)))</a>"))
        }
    }
}
