import Foundation
import HTTPTypes
import HummingbirdTesting
import KluisCore
import KluisTesting
import KluisWeb
import NIOCore
import Testing

/// The audit log in the console: filtered, paged, exported as CSV, and the chain verified in
/// the background with its progress on a page of its own.
@Suite struct ConsoleAuditTests {
    @Test(arguments: StoreKind.enabled) func anAuditorFiltersExportsAndVerifies(store: StoreKind) async throws {
        let console = try await ConsoleFixture(store: store)
        let jan = try await console.api.fixture.makeSubject(email: "marker.audit@voorbeeld.example")
        let piet = try await console.api.fixture.makeSubject(email: "piet@voorbeeld.example", phone: "06 9999 0000")
        _ = try await console.vault.read(jan, for: "service", by: VaultFixture.admin)
        _ = try await console.vault.read(piet, for: "service", by: Principal(id: "key_helpdesk", purposes: [], mayBreakGlass: true),
                                         breakGlassReason: "=HYPERLINK(\"x\") complaint by phone")
        try await console.application().test(.router) { client in
            let auditor = WebBrowser(client)
            try await console.enrol(.auditor, email: "audit@example.nl", name: "Aud", in: auditor)
            let all = String(buffer: try await auditor.get("/console/audit?lang=en").body)
            #expect(all.contains("Every operation on personal data") && all.contains(jan.rawValue) && all.contains(piet.rawValue))
            #expect(!all.contains("marker.audit") && !all.contains("9999"))
            let onlyJan = String(buffer: try await auditor.get("/console/audit?subject=\(jan)").body)
            #expect(onlyJan.contains(jan.rawValue) && !onlyJan.contains(piet.rawValue))
            let breakGlass = String(buffer: try await auditor.get("/console/audit?break_glass=on").body)
            #expect(breakGlass.contains("complaint by phone") && !breakGlass.contains(jan.rawValue))
            let byAction = String(buffer: try await auditor.get("/console/audit?action=create_subject&actor=cli").body)
            #expect(byAction.contains(jan.rawValue) && byAction.contains(piet.rawValue) && !byAction.contains("complaint"))
            #expect(try await auditor.get("/console/audit?from=1-1-2026").status == .badRequest)
            #expect(try await auditor.get("/console/audit?action=nonsense").status == .badRequest)

            let csv = try await auditor.get("/console/audit/export.csv?break_glass=on")
            #expect(csv.status == .ok && csv.headers[.contentType] == "text/csv; charset=utf-8")
            let text = String(buffer: csv.body)
            let lines = text.split(whereSeparator: \.isNewline)
            #expect(text.hasSuffix("\r\n") && lines.first == "sequence,time,actor,action,subject,purpose,categories,reason,outcome,break_glass,hash")
            #expect(lines.count == 2 && text.contains(#""'=HYPERLINK(""x"") complaint by phone""#), "\(text)")

            // The chain verified in the background.
            try await auditor.get("/console/audit")
            let started = try await auditor.post("/console/audit/verify", [:])
            let location = try #require(started.headers[.location])
            #expect(location.hasPrefix("/console/jobs/"))
            var page = ""
            for _ in 0..<100 {
                page = String(buffer: try await auditor.get(location + "?lang=en").body)
                if !page.contains("Still running") { break }
                try await Task.sleep(for: .milliseconds(50))
            }
            #expect(page.contains("The chain is intact"), "\(page)")
            // Not someone else's.
            let desk = WebBrowser(client)
            try await console.enrol(.desk, email: "desk@example.nl", name: "Desk", in: desk)
            #expect(try await desk.get(location).status == .notFound)
        }
        let events = try await console.vault.auditEvents(matching: AuditQuery(action: .export), limit: 10).map(\.entry)
        #expect(events.contains { $0.reason == "audit log as CSV" && $0.actor.hasPrefix("staff_") })
        #expect(events.contains { $0.reason == "audit chain verified: intact" })
    }
}
