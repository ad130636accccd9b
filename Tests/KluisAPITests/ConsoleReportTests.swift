import Foundation
import HTTPTypes
import HummingbirdTesting
import KluisCore
import KluisTesting
import KluisWeb
import NIOCore
import Testing

/// The accountability report: a period's requests, consents, reads and keys counted from the
/// request files and the audit log, read by an auditor without a personal value.
@Suite struct ConsoleReportTests {
    @Test(arguments: StoreKind.enabled) func anAuditorReadsTheReportOfAPeriod(store: StoreKind) async throws {
        let console = try await ConsoleFixture(store: store, policy: .withConsent())
        let vault = console.vault
        let jan = try await console.api.fixture.makeSubject(email: "marker.report@voorbeeld.example")
        // Received 20 days ago, answered 5 days later.
        console.clock.advance(by: -20 * 86_400)
        let access = try await vault.requests.submit(RequestSubmission(type: .access, subject: jan), by: VaultFixture.admin)
        console.clock.advance(by: 5 * 86_400)
        _ = try await vault.requests.reject(access.request.id, reason: "the requester withdrew the request by phone", by: VaultFixture.admin)
        // Received 10 days ago, still open.
        console.clock.advance(by: 5 * 86_400)
        _ = try await vault.requests.submit(RequestSubmission(type: .erasure, subject: jan), by: VaultFixture.admin)
        console.clock.advance(by: 10 * 86_400)
        _ = try await vault.consents.record(ConsentSubmission(decisions: [ConsentDecision(purpose: "newsletter", kind: .given)],
                                                              birthDate: CalendarDate(year: 1980, month: 5, day: 17)), for: jan, by: VaultFixture.admin)
        _ = try await vault.consents.record(ConsentSubmission(decisions: [ConsentDecision(purpose: "newsletter", kind: .withdrawn)]),
                                            for: jan, by: VaultFixture.admin)
        _ = try await vault.read(jan, for: "service", by: Principal(id: "key_helpdesk", purposes: [], mayBreakGlass: true),
                                 breakGlassReason: "complaint by phone")
        try await console.application().test(.router) { client in
            let auditor = WebBrowser(client)
            try await console.enrol(.auditor, email: "audit@example.nl", name: "Aud", in: auditor)
            let page = String(buffer: try await auditor.get("/console/report?lang=en&from=2026-01-01&until=2026-12-31").body)
            func fact(_ label: String) -> String? {
                page.firstMatch(of: try! Regex("<dt>\(label)</dt><dd>([^<]*)</dd>")).flatMap { $0.output[1].substring.map(String.init) }
            }
            #expect(fact("Refused") == "1" && fact("Answered") == "0" && fact("Answered or refused on time") == "1")
            #expect(fact("Days to answer \\(median\\)") == "5" && fact("Open at the end of the period") == "1")
            #expect(fact("Given") == "1" && fact("Withdrawn") == "1", "\(page)")
            #expect(fact("Break-glass reads") == "1")
            #expect(page.contains("<tr><th scope=\"row\">Total</th><td>2</td></tr>"))
            #expect(!page.contains("marker.report") && !page.contains("complaint by phone"), "a personal value or reason in the report")
            // A period before any of it counts nothing.
            let empty = String(buffer: try await auditor.get("/console/report?from=2020-01-01&until=2020-12-31").body)
            #expect(empty.contains("<tr><th scope=\"row\">Total</th><td>0</td></tr>"))
            #expect(try await auditor.get("/console/report?from=2026-12-31&until=2026-01-01").status == .badRequest)
            let printable = try await auditor.get("/console/report/print?from=2026-01-01&until=2026-12-31")
            let document = String(buffer: printable.body)
            #expect(printable.status == .ok && document.contains("Voorbeeld B.V.") && !document.contains("<nav"))
        }
    }
}
