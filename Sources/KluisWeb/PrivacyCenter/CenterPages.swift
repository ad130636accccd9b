import Foundation
import HTTPTypes
import Hummingbird
import KluisCore
import KluisPages
import Mustache

/// A page of the privacy center to show: which template, its title, its values, its status.
struct CenterPage {
    var template: String
    var title: String
    var values: [String: Any] = [:]
    var status: HTTPResponse.Status = .ok
    /// The menu entry the page belongs to.
    var current: CenterMenu? = nil
    /// Where the browser goes on by itself (a `meta refresh`: no script).
    var refresh: String? = nil
}

/// The privacy center's menu, in its order.
enum CenterMenu: String, CaseIterable {
    case myData = ""
    case download
    case correct
    case delete
    case permissions
    case history
    case requests

    var textKey: String {
        switch self {
        case .myData: "my_data"
        default: rawValue
        }
    }
}

/// Renders the privacy center's pages: each page's template inside the shared layout, in the
/// person's language and the organisation's branding, with the headers every page carries.
/// Templates escape every value.
struct CenterPages: Sendable {
    let policy: Policy
    let base: String
    /// The stylesheet: the statement page's, the center's own, and the organisation's accent.
    let stylesheet: StaticAsset
    /// The Content-Security-Policy: nothing but this server's stylesheet and forms, and the
    /// organisation's logo; no script at all.
    let contentSecurityPolicy: String

    init(policy: Policy, base: String) {
        self.policy = policy
        self.base = base
        let accent = policy.branding?.accent.map { "\n:root { --accent: \($0); }\n" } ?? ""
        stylesheet = StaticAsset(Array((PageRenderer.stylesheet + "\n" + Self.text(PackageResources.center_css) + accent).utf8),
                                 contentType: "text/css; charset=utf-8")
        let logoOrigin = policy.branding?.logo.flatMap(URL.init(string:)).flatMap { url -> String? in
            guard let scheme = url.scheme, let host = url.host else { return nil }
            return "\(scheme)://\(host)" + (url.port.map { ":\($0)" } ?? "")
        }
        contentSecurityPolicy = "default-src 'none'; style-src 'self'; img-src 'self'\(logoOrigin.map { " " + $0 } ?? ""); "
            + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
    }

    /// The texts of `language` in the policy's voice.
    func texts(_ language: Language) -> [String: String] {
        CenterTexts.texts(language, informal: policy.info.informal)
    }

    /// `page` in `language`, for a browser whose session is `session`.
    func render(_ page: CenterPage, language: Language, session: CenterSession?) -> Response {
        let t = texts(language)
        var values = page.values
        values["t"] = t
        values["base"] = base
        if values["csrf"] == nil, let csrf = session?.csrf { values["csrf"] = csrf }
        let body = Self.library.render(values, withTemplate: page.template) ?? ""
        let signedIn = session?.subject != nil
        var layout: [String: Any] = [
            "lang": language.rawValue, "t": t, "title": page.title, "organisation": policy.controller.name, "base": base, "body": body,
            "languages": policy.info.languages.map { ["code": $0.rawValue, "name": Self.languageName($0), "current": $0 == language] },
            "signedIn": signedIn,
        ]
        if let branding = policy.branding, branding.logo != nil || branding.linkBack != nil {
            var brand: [String: Any] = [:]
            brand["logo"] = branding.logo
            brand["linkBack"] = branding.linkBack.map { ["url": $0.url, "text": $0.text.text(in: language)] }
            layout["brand"] = brand
        }
        if signedIn, let session {
            layout["csrf"] = session.csrf
            layout["menu"] = CenterMenu.allCases.map { entry in
                ["href": base + (entry.rawValue.isEmpty ? "" : "/" + entry.rawValue), "label": t[entry.textKey] ?? "", "current": entry == page.current]
            }
        }
        if let notice = session?.notice.flatMap({ t[$0] }) {
            layout["notice"] = CenterTexts.fill(notice, ["date": session?.noticeDate.map { WebDates.day($0, in: language) } ?? ""])
        }
        if let refresh = page.refresh { layout["refresh"] = refresh }
        let html = Self.library.render(layout, withTemplate: "layout") ?? ""
        var headers = HTTPFields()
        headers[.contentType] = "text/html; charset=utf-8"
        return Response(status: page.status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: html)))
    }

    /// A page with a title, a message and perhaps a link on.
    func message(_ titleKey: String, _ messageKey: String, link: (href: String, labelKey: String)? = nil,
                 status: HTTPResponse.Status, language: Language, session: CenterSession?) -> Response {
        let t = texts(language)
        var values: [String: Any] = ["message": t[messageKey] ?? ""]
        if let link { values["link"] = ["href": link.href, "label": t[link.labelKey] ?? ""] }
        return render(CenterPage(template: "message", title: t[titleKey] ?? "", values: values, status: status),
                      language: language, session: session)
    }

    static func languageName(_ language: Language) -> String {
        switch language {
        case .nl: "Nederlands"
        case .en: "English"
        }
    }

    private static func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

    private static let library: MustacheLibrary = {
        do {
            return MustacheLibrary(templates: [
                "layout": try MustacheTemplate(string: text(PackageResources.layout_mustache)),
                "sign-in": try MustacheTemplate(string: text(PackageResources.sign_in_mustache)),
                "code": try MustacheTemplate(string: text(PackageResources.code_mustache)),
                "message": try MustacheTemplate(string: text(PackageResources.message_mustache)),
                "my-data": try MustacheTemplate(string: text(PackageResources.my_data_mustache)),
                "download": try MustacheTemplate(string: text(PackageResources.download_mustache)),
                "correct": try MustacheTemplate(string: text(PackageResources.correct_mustache)),
                "delete": try MustacheTemplate(string: text(PackageResources.delete_mustache)),
                "permissions": try MustacheTemplate(string: text(PackageResources.permissions_mustache)),
                "history": try MustacheTemplate(string: text(PackageResources.history_mustache)),
                "requests": try MustacheTemplate(string: text(PackageResources.requests_mustache)),
            ])
        } catch {
            // The templates are compiled into the binary and rendered by the tests.
            preconditionFailure("a privacy center template does not parse: \(error)")
        }
    }()
}
