import Foundation
import HTTPTypes
import Hummingbird
import KluisCore
import KluisPages
import Mustache

/// A page of the console to show: which template, its title, its values, its status, and the
/// menu entry it belongs to.
struct ConsolePage {
    var template: String
    var title: String
    var values: [String: Any] = [:]
    var status: HTTPResponse.Status = .ok
    var current: ConsoleMenu? = nil
}

/// The console's menu, in its order, with the roles that see each entry (the routes behind them
/// are gated by the same roles).
enum ConsoleMenu: String, CaseIterable {
    case today = ""
    case requests
    case people
    case breaches
    case audit
    case policy
    case report
    case keys
    case staff

    var roles: Set<StaffRole> {
        switch self {
        case .today, .breaches, .audit, .policy, .report: Set(StaffRole.allCases)
        case .requests, .people: [.owner, .desk]
        case .keys, .staff: [.owner]
        }
    }

    var textKey: String { self == .today ? "today" : rawValue }
    var href: String { ConsoleConfiguration.path + (rawValue.isEmpty ? "" : "/" + rawValue) }
}

/// Renders the console's pages: each page's template inside the console's layout, in the
/// member's language. Templates escape every value.
struct ConsolePages: Sendable {
    let policy: Policy
    let stylesheet: StaticAsset
    /// The menu entries built so far; others stay out of the menu.
    let menu: [ConsoleMenu]

    init(policy: Policy, menu: [ConsoleMenu]) {
        self.policy = policy
        self.menu = menu
        let css = [PageRenderer.stylesheet, String(decoding: PackageResources.center_css, as: UTF8.self),
                   String(decoding: PackageResources.console_css, as: UTF8.self)].joined(separator: "\n")
        stylesheet = StaticAsset(Array(css.utf8),
                                 contentType: "text/css; charset=utf-8")
    }

    var defaultLanguage: Language { policy.info.languages[0] }

    func texts(_ language: Language) -> [String: String] {
        ConsoleTexts.texts(language)
    }

    /// `page` in `language`, for `member` (nil: not signed in) with `session`.
    /// `layout` is the console's, or `console-print` for a document to print or save as PDF.
    func render(_ page: ConsolePage, language: Language, session: ConsoleSession?, member: StaffMember?,
                layout template: String = "console-layout") -> Response {
        let t = texts(language)
        var values = Self.withoutAbsentValues(page.values)
        values["t"] = t
        values["base"] = ConsoleConfiguration.path
        if values["csrf"] == nil, let csrf = session?.csrf { values["csrf"] = csrf }
        let body = Self.library.render(values, withTemplate: page.template) ?? ""
        var layout: [String: Any] = [
            "lang": language.rawValue, "t": t, "title": page.title, "organisation": policy.controller.name,
            "base": ConsoleConfiguration.path, "body": body,
            "languages": policy.info.languages.map { ["code": $0.rawValue, "name": CenterPages.languageName($0), "current": $0 == language] },
        ]
        if let member, let session {
            layout["member"] = ["name": member.name, "role": t["role_" + member.role.rawValue] ?? member.role.rawValue]
            layout["csrf"] = session.csrf
            layout["menu"] = menu.filter { $0.roles.contains(member.role) }.map { entry in
                ["href": entry.href, "label": t[entry.textKey] ?? "", "current": entry == page.current]
            }
        }
        if let notice = session?.notice.flatMap({ t[$0] }) {
            layout["notice"] = CenterTexts.fill(notice, session?.noticeValues ?? [:])
        }
        let html = Self.library.render(layout, withTemplate: template) ?? ""
        var headers = HTTPFields()
        headers[.contentType] = "text/html; charset=utf-8"
        return Response(status: page.status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: html)))
    }

    /// `values` without the optionals that hold nothing, and with the others unwrapped, all the
    /// way down: a template's section on an absent value must not render, and an `Optional` put
    /// in a dictionary of `Any` would be a value to it.
    static func withoutAbsentValues(_ values: [String: Any]) -> [String: Any] {
        values.compactMapValues(present)
    }

    private static func present(_ value: Any) -> Any? {
        let mirror = Mirror(reflecting: value)
        if mirror.displayStyle == .optional {
            guard let wrapped = mirror.children.first?.value else { return nil }
            return present(wrapped)
        }
        switch value {
        case let dictionary as [String: Any]: return withoutAbsentValues(dictionary)
        case let array as [[String: Any]]: return array.map(withoutAbsentValues)
        default: return value
        }
    }

    /// A page with a title, a message and perhaps a link on.
    func message(_ titleKey: String, _ messageKey: String, values: [String: String] = [:], link: (href: String, labelKey: String)? = nil,
                 status: HTTPResponse.Status, language: Language, session: ConsoleSession?, member: StaffMember?) -> Response {
        let t = texts(language)
        var page: [String: Any] = ["message": CenterTexts.fill(t[messageKey] ?? "", values)]
        if let link { page["link"] = ["href": link.href, "label": t[link.labelKey] ?? ""] }
        return render(ConsolePage(template: "console-message", title: t[titleKey] ?? "", values: page, status: status),
                      language: language, session: session, member: member)
    }

    private static let library: MustacheLibrary = {
        func template(_ bytes: [UInt8]) throws -> MustacheTemplate {
            try MustacheTemplate(string: String(decoding: bytes, as: UTF8.self))
        }
        do {
            return MustacheLibrary(templates: [
                "console-layout": try template(PackageResources.console_layout_mustache),
                "console-message": try template(PackageResources.console_message_mustache),
                "console-sign-in": try template(PackageResources.console_sign_in_mustache),
                "console-enrol": try template(PackageResources.console_enrol_mustache),
                "console-enrolment": try template(PackageResources.console_enrolment_mustache),
                "console-today": try template(PackageResources.console_today_mustache),
                "console-keys": try template(PackageResources.console_keys_mustache),
                "console-staff": try template(PackageResources.console_staff_mustache),
                "console-requests": try template(PackageResources.console_requests_mustache),
                "console-request": try template(PackageResources.console_request_mustache),
                "console-find": try template(PackageResources.console_find_mustache),
                "console-person": try template(PackageResources.console_person_mustache),
                "console-record": try template(PackageResources.console_record_mustache),
                "console-audit": try template(PackageResources.console_audit_mustache),
                "console-job": try template(PackageResources.console_job_mustache),
                "console-policy": try template(PackageResources.console_policy_mustache),
                "console-report": try template(PackageResources.console_report_mustache),
                "console-print": try template(PackageResources.console_print_mustache),
                "console-breaches": try template(PackageResources.console_breaches_mustache),
                "console-breach": try template(PackageResources.console_breach_mustache),
                "console-breach-form": try template(PackageResources.console_breach_form_mustache),
                "console-breach-assessment": try template(PackageResources.console_breach_assessment_mustache),
                "console-breach-authority": try template(PackageResources.console_breach_authority_mustache),
                "console-breach-people": try template(PackageResources.console_breach_people_mustache),
            ])
        } catch {
            // The templates are compiled into the binary and rendered by the tests.
            preconditionFailure("a console template does not parse: \(error)")
        }
    }()
}
