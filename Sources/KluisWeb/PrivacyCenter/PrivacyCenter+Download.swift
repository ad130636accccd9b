import Foundation
import HTTPTypes
import Hummingbird
import KluisCore
import KluisPages

/// Download: the access package as a page, and the portability package as JSON and CSV, each
/// read as the person's own export.
extension PrivacyCenter {
    func downloads(_ request: Request, _ context: CenterRequestContext) async throws -> Response {
        let t = pages.texts(language(request, context))
        return show(CenterPage(template: "download", title: t["download"] ?? "", current: .download), request, context)
    }

    /// The overview of everything held and its processing (art. 15), as one standalone page.
    func accessPage(_ request: Request, _ context: CenterRequestContext) async throws -> Response {
        let subject = try person(context)
        let language = language(request, context)
        let package = try await vault.ownAccessPackage(of: subject, in: language, by: .person(subject))
        let html = PageRenderer.render(package.document(policy: vault.policy, in: language), policy: vault.policy)
        var response = attachment(html, type: "text/html; charset=utf-8", name: "access-\(Self.day(package.generatedAt)).html")
        // The page carries its own style, so that it reads the same when kept or mailed; no script.
        response.headers[.contentSecurityPolicy] = StandaloneDocument.contentSecurityPolicy
        return response
    }

    /// The portable data (art. 20) as JSON, in the schema `kluis.portability.v1`.
    func portableJSON(_ request: Request, _ context: CenterRequestContext) async throws -> Response {
        let subject = try person(context)
        let package = try await vault.ownPortabilityPackage(of: subject, by: .person(subject))
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return attachment(String(decoding: try encoder.encode(package), as: UTF8.self), type: "application/json",
                          name: "data-\(Self.day(package.generatedAt)).json")
    }

    /// The portable data as CSV: one row per field.
    func portableCSV(_ request: Request, _ context: CenterRequestContext) async throws -> Response {
        let subject = try person(context)
        let package = try await vault.ownPortabilityPackage(of: subject, by: .person(subject))
        return attachment(package.csv, type: "text/csv; charset=utf-8", name: "data-\(Self.day(package.generatedAt)).csv")
    }

    private func attachment(_ text: String, type: String, name: String) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = type
        headers[.contentDisposition] = "attachment; filename=\"\(name)\""
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }

    private static func day(_ date: Date) -> String {
        WebDates.calendar.calendarDate(of: date).description
    }
}
