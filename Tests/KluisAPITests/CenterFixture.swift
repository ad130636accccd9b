import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import KluisCore
import KluisAPI
import KluisServer
import KluisTesting
import KluisWeb
import NIOCore

/// A vault served with its privacy center, whose sign-in codes go to a file outbox.
struct CenterFixture {
    let api: APIFixture
    let outbox: URL
    var center = PrivacyCenterConfiguration()

    init(store: StoreKind = .sqlite, policy: PolicyFixture = PolicyFixture()) async throws {
        api = try await APIFixture(store: store, policy: policy)
        outbox = URL(fileURLWithPath: api.fixture.directory.path("outbox"))
        center.outbox = FileOutbox(directory: outbox, from: .example)
    }

    var vault: Vault { api.fixture.vault }
    var clock: FixedClock { api.fixture.clock }

    func application() -> some ApplicationProtocol {
        KluisApplication.buildApplication(vault: vault, http: api.configuration, privacyCenter: center, logger: api.logs.logger())
    }

    /// The messages in the outbox, oldest first, as their text.
    func messages() throws -> [String] {
        guard FileManager.default.fileExists(atPath: outbox.path) else { return [] }
        return try FileManager.default.contentsOfDirectory(atPath: outbox.path).sorted().map {
            try String(contentsOfFile: outbox.appendingPathComponent($0).path, encoding: .utf8)
        }
    }

    /// The sign-in code in the newest message: six digits on a line of their own.
    func lastCode() throws -> String? {
        guard let last = try messages().last,
              let range = last.range(of: #"(?m)^\s+\d{6}\s*$"#, options: .regularExpression) else { return nil }
        return last[range].trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

/// A browser over the test client, for the privacy center and the console: it keeps the cookies
/// it is given and sends them back, and reads the anti-forgery token from the last page.
final class WebBrowser {
    let client: any TestClientProtocol
    private(set) var cookies: [String: String] = [:]
    private(set) var lastPage = ""

    init(_ client: any TestClientProtocol) {
        self.client = client
    }

    /// The anti-forgery token of the last page's forms.
    var csrf: String? {
        guard let range = lastPage.range(of: #"name="csrf" value="[^"]+""#, options: .regularExpression) else { return nil }
        return String(lastPage[range].dropFirst(#"name="csrf" value=""#.count).dropLast())
    }

    @discardableResult
    func get(_ uri: String, headers extra: HTTPFields = [:]) async throws -> TestResponse {
        try await send(.get, uri, headers: extra)
    }

    /// Posts `form` as a browser would, with the last page's token unless the form names one.
    @discardableResult
    func post(_ uri: String, _ form: [String: String], withToken: Bool = true, headers extra: HTTPFields = [:]) async throws -> TestResponse {
        var form = form
        if withToken, form["csrf"] == nil { form["csrf"] = csrf }
        var headers = extra
        headers[.contentType] = "application/x-www-form-urlencoded"
        let body = form.sorted { $0.key < $1.key }.map { "\(Self.encode($0.key))=\(Self.encode($0.value))" }.joined(separator: "&")
        return try await send(.post, uri, headers: headers, body: body)
    }

    private func send(_ method: HTTPRequest.Method, _ uri: String, headers extra: HTTPFields, body: String? = nil) async throws -> TestResponse {
        var headers = extra
        if !cookies.isEmpty { headers[.cookie] = cookies.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "; ") }
        let response = try await client.execute(uri: uri, method: method, headers: headers, body: body.map { ByteBuffer(string: $0) })
        for header in response.headers[values: .setCookie] {
            let pair = header.split(separator: ";")[0].split(separator: "=", maxSplits: 1)
            guard pair.count == 2 else { continue }
            let expired = header.lowercased().contains("max-age=0") || header.contains("1970")
                || (Self.expiry(of: header).map { $0 <= Date() } ?? false)
            if expired { cookies[String(pair[0])] = nil } else { cookies[String(pair[0])] = String(pair[1]) }
        }
        if response.headers[.contentType]?.hasPrefix("text/html") == true { lastPage = String(buffer: response.body) }
        return response
    }

    /// The `Expires` of a `Set-Cookie` header.
    private static func expiry(of header: String) -> Date? {
        guard let part = header.split(separator: ";").first(where: { $0.trimmingCharacters(in: .whitespaces).lowercased().hasPrefix("expires=") }) else { return nil }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        return formatter.date(from: String(part.split(separator: "=", maxSplits: 1)[1]))
    }

    private static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? text
    }

    /// Signs in as the owner of `email` with the code from the outbox.
    func signIn(_ email: String, fixture: CenterFixture) async throws {
        try await get("/privacy-center/sign-in")
        try await post("/privacy-center/sign-in", ["email": email])
        try await get("/privacy-center/code")
        try await post("/privacy-center/code", ["code": try fixture.lastCode() ?? ""])
    }
}

extension CenterFixture {
    /// Jan: contact details and a profile for the service, an invoice for the bookkeeping, and
    /// consent to the newsletter.
    func makeJan() async throws -> SubjectID {
        let jan = try await vault.createSubject(
            NewSubject(identifiers: [SubjectIdentifier(kind: .email, value: PrivacyCenterSignInTests.email)],
                       records: [NewRecord(category: "contact", fields: ["email": PrivacyCenterSignInTests.email, "phone": "06 1234 5678"],
                                           purpose: "service"),
                                 NewRecord(category: "profile", fields: ["headline": "Timmerman in Utrecht", "bio": "Twintig jaar ervaring."],
                                           purpose: "service"),
                                 NewRecord(category: "invoices", fields: ["number": "F-2026-0042", "amount": "121.00", "invoice_date": "2026-03-15"],
                                           purpose: "bookkeeping")]),
            by: VaultFixture.admin)
        _ = try await vault.consents.record(ConsentSubmission(decisions: [ConsentDecision(purpose: "newsletter", kind: .given)],
                                                              birthDate: CalendarDate(year: 1980, month: 5, day: 17)),
                                            for: jan, by: VaultFixture.admin)
        return jan
    }
}
