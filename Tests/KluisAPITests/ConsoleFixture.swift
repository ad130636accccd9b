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
import Testing

/// A vault served with its console, whose staff passwords are hashed at bcrypt's lowest cost.
struct ConsoleFixture {
    let api: APIFixture
    let console: ConsoleConfiguration
    /// Where codes for requesters go.
    let outbox: URL
    static let password = "a sentence long enough to remember"

    init(store: StoreKind = .sqlite, policy: PolicyFixture = PolicyFixture()) async throws {
        api = try await APIFixture(store: store, policy: policy)
        outbox = URL(fileURLWithPath: api.fixture.directory.path("outbox"))
        console = ConsoleConfiguration(credentials: BcryptTOTPCredentials(cost: 4), outbox: FileOutbox(directory: outbox, from: .example))
    }

    /// The six-digit code in the newest message of the outbox ("… is: 123456").
    func lastCode() throws -> String? {
        let names = try FileManager.default.contentsOfDirectory(atPath: outbox.path).sorted()
        guard let last = names.last else { return nil }
        let text = try String(contentsOfFile: outbox.appendingPathComponent(last).path, encoding: .utf8)
        return text.firstMatch(of: /is: (\d{6})/).map { String($0.output.1) }
    }

    var vault: Vault { api.fixture.vault }
    var clock: FixedClock { api.fixture.clock }
    var staff: StaffService { vault.staff(console.credentials) }

    func application() -> some ApplicationProtocol {
        KluisApplication.buildApplication(vault: vault, http: api.configuration, console: console, logger: api.logs.logger())
    }

    /// Adds a member of `role` and enrols them through the console's pages, as they would;
    /// returns their authenticator. The browser is signed in as them afterwards.
    @discardableResult
    func enrol(_ role: StaffRole, email: String, name: String, in browser: WebBrowser) async throws -> ReferenceTOTP {
        let (_, code) = try await staff.add(name: name, email: email, role: role, by: "cli")
        try await browser.get("/console/enrol")
        let page = try await browser.post("/console/enrol", ["email": email, "enrolment_code": code,
                                                            "password": Self.password, "password_again": Self.password])
        let uri = try #require(String(buffer: page.body).firstMatch(of: /otpauth:\/\/totp\/[^<"]+/).map { String($0.output) })
        let totp = ReferenceTOTP(base32: try #require(ReferenceTOTP.secret(of: uri.replacingOccurrences(of: "&amp;", with: "&"))))
        try await browser.post("/console/enrol/confirm", ["code": totp.code(at: clock.now())])
        // On to Today, as the redirect goes: its forms carry the new session's token.
        try await browser.get("/console")
        return totp
    }

    /// Signs `browser` in with the password and a fresh code (the clock moves on a step, as a
    /// code is good once).
    @discardableResult
    func signIn(_ email: String, totp: ReferenceTOTP, in browser: WebBrowser) async throws -> TestResponse {
        clock.advance(by: 30)
        try await browser.get("/console/sign-in")
        return try await browser.post("/console/sign-in", ["email": email, "password": Self.password, "code": totp.code(at: clock.now())])
    }
}
