import KluisCore
import Mustache

/// Writes a ``Document`` (the statement, an access package) as one standalone HTML page from the
/// templates in `Templates/`, in the organisation's branding: clean typography, a table of
/// contents and print styles, with no resource but the organisation's own logo, so the page can
/// be served, mailed or archived anywhere. Every value is escaped by the template engine.
public enum PageRenderer {
    /// The page for `document`, branded as `policy` says.
    public static func render(_ document: Document, policy: Policy) -> String {
        render(document, branding: policy.branding, organisation: policy.controller.name)
    }

    /// The page for `document`, branded with `branding` when given.
    public static func render(_ document: Document, branding: Branding?, organisation: String) -> String {
        library.render(PageView(document, branding: branding, organisation: organisation), withTemplate: "page") ?? ""
    }

    private static let library: MustacheLibrary = {
        let source = { (bytes: [UInt8]) in String(decoding: bytes, as: UTF8.self) }
        do {
            return MustacheLibrary(templates: [
                "page": try MustacheTemplate(string: source(PackageResources.page_mustache)),
                "block": try MustacheTemplate(string: source(PackageResources.block_mustache)),
                "span": try MustacheTemplate(string: source(PackageResources.span_mustache)),
            ])
        } catch {
            // The templates are compiled into the binary and parsed by a test.
            preconditionFailure("a page template does not parse: \(error)")
        }
    }()

    /// The style of every page: documents and the web's own pages share it.
    public static let stylesheet = String(decoding: PackageResources.page_css, as: UTF8.self)
}
