import Foundation
import HTTPTypes
import HummingbirdTesting
import KluisCore
import KluisTesting
import KluisWeb
import NIOCore
import Testing

/// The breach register in the console: a breach from hour zero with its clock, refused input
/// that changes nothing, the assessment, the AP's text, the people counted and told, the
/// notifications and the register's exports; the auditor reads, never writes.
@Suite struct ConsoleBreachesTests {
    /// A `datetime-local` value on Dutch time, worked out by the test.
    static func local(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/Amsterdam")!
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return String(format: "%04d-%02d-%02dT%02d:%02d", parts.year!, parts.month!, parts.day!, parts.hour!, parts.minute!)
    }

    static func breachForm(aware: Date, summary: String = "A laptop with the customer list was stolen from a car.") -> [String: String] {
        ["summary": summary, "incident": "stolen_device", "nature.theft": "on", "nature.reading": "on",
         "discovered_at": local(aware - 3600), "aware_at": local(aware), "reporter_name": "Fleur de Vries",
         "reporter_job_title": "Eigenaar", "reporter_phone": "06 1234 5678", "category.contact": "on", "kind.name_address": "on",
         "people_min": "1", "people_max": "3", "groups": "Klanten", "encrypted": "no", "consequences": "Phishing in the name of the shop",
         "measures_taken": "The laptop was wiped remotely"]
    }

    /// Waits for the job page `location` to finish and returns it.
    static func finished(_ location: String, in browser: WebBrowser) async throws -> String {
        var page = ""
        for _ in 0..<200 {
            page = String(buffer: try await browser.get(location + "?lang=en").body)
            if !page.contains("Still running") { break }
            try await Task.sleep(for: .milliseconds(50))
        }
        return page
    }

    @Test(arguments: StoreKind.enabled) func theDeskRegistersAssessesAndTellsAndTheAuditorReads(store: StoreKind) async throws {
        let console = try await ConsoleFixture(store: store)
        let jan = try await console.api.fixture.makeSubject()
        _ = try await console.api.fixture.makeSubject(email: "piet@voorbeeld.example", phone: "06 1111 1111")
        try await console.vault.setLanguage(.en, of: jan, by: VaultFixture.admin)
        try await console.application().test(.router) { client in
            let desk = WebBrowser(client)
            let deskCodes = try await console.enrol(.desk, email: "desk@example.nl", name: "Desk", in: desk)
            #expect(String(buffer: try await desk.get("/console/breaches?lang=en").body).contains("No breaches are registered."))
            try await desk.get("/console/breaches/new")

            // Refused: a BSN in the summary, or no time of awareness; nothing is stored.
            let bsn = try await desk.post("/console/breaches", Self.breachForm(aware: console.clock.now(), summary: "The file of 111222333 was read"))
            #expect(bsn.status == .unprocessableContent && String(buffer: bsn.body).contains("BSN"))
            #expect(String(buffer: bsn.body).contains("Fleur de Vries"), "the form came back empty")
            var noAware = Self.breachForm(aware: console.clock.now())
            noAware["aware_at"] = ""
            #expect(try await desk.post("/console/breaches", noAware).status == .unprocessableContent)
            #expect(try await console.vault.breaches.all().isEmpty)

            // Registered two hours after awareness: 70 hours left.
            let opened = try await desk.post("/console/breaches", Self.breachForm(aware: console.clock.now() - 2 * 3600))
            let location = try #require(opened.headers[.location])
            let id = String(location.split(separator: "/").last!)
            let page = String(buffer: try await desk.get(location + "?lang=en").body)
            #expect(page.contains("70 h 0 min left to tell the authority") && page.contains("Name, address and town") && page.contains("E-mail addresses"),
                    "the contact category's kind of data was not mapped")
            let list = String(buffer: try await desk.get("/console/breaches").body)
            #expect(list.contains(id) && list.contains("70 h 0 min left"))
            let today = String(buffer: try await desk.get("/console").body)
            #expect(today.contains("Breaches still open") && today.contains(id) && today.contains("70 h 0 min left"))

            // The assessment: a very high score without an exception is refused, then recorded.
            try await desk.get(location + "/assessment")
            var assessment = ["factor.easily_identified": "on", "context": "3", "identification": "1", "confidentiality": "0.5", "malicious": "on",
                              "tell_authority": "yes", "authority_reason": "Names and addresses of customers were on the laptop",
                              "tell_people": "no", "people_reason": "The laptop was wiped"]
            let refused = try await desk.post(location + "/assessment", assessment)
            #expect(refused.status == .unprocessableContent && String(buffer: refused.body).contains("exception"))
            assessment["exception"] = "risk_removed"
            #expect(try await desk.post(location + "/assessment", assessment).status == .seeOther)
            #expect(try await console.vault.breaches.breach(id).assessment?.severity?.score == 4)

            // The AP's text, in its order, on the page and printable.
            let authority = String(buffer: try await desk.get(location + "/authority?phase=first").body)
            for section in ["1. Over de melding", "3. Tijdlijn", "5. De persoonsgegevens", "9. Vervolgacties", "Fleur de Vries",
                            "Apparaat of gegevensdrager gestolen"] {
                #expect(authority.contains(section), "missing \(section)")
            }
            let printable = try await desk.get(location + "/authority.html?phase=first")
            #expect(printable.headers[.contentSecurityPolicy]?.contains("sandbox") == true
                    && String(buffer: printable.body).contains("Melding datalek aan de Autoriteit Persoonsgegevens"))

            // The people: counted, then told in their language through the outbox.
            try await desk.get(location + "/people")
            let count = try await desk.post(location + "/people", ["step": "count", "category.contact": "on"])
            let counted = try await Self.finished(try #require(count.headers[.location]), in: desk)
            #expect(counted.contains("2 people selected; 2 can be told by e-mail; 0 were told already."), "\(counted)")
            try await desk.get(location + "/people")
            let leaky = try await desk.post(location + "/people", ["step": "tell", "category.contact": "on", "advice.en": "Call 06 1234 5678"])
            #expect(leaky.status == .unprocessableContent, "a phone number in the letter")
            let tell = try await desk.post(location + "/people", ["step": "tell", "category.contact": "on", "advice.en": "Watch out for phishing."])
            let told = try await Self.finished(try #require(tell.headers[.location]), in: desk)
            #expect(told.contains("2 people told by e-mail, of 2 selected"), "\(told)")
            let mails = try FileManager.default.contentsOfDirectory(atPath: console.outbox.path)
                .map { try String(contentsOfFile: console.outbox.appendingPathComponent($0).path, encoding: .utf8) }
            let toJan = try #require(mails.first { $0.contains("To: jan.jansen@voorbeeld.example") })
            #expect(toJan.contains("Watch out for phishing.") && toJan.contains("What happened"))
            let toPiet = try #require(mails.first { $0.contains("To: piet@voorbeeld.example") })
            #expect(toPiet.contains("Wat er is gebeurd") && !toPiet.contains("Watch out"))

            // Notified: late needs a reason; then the clock says when.
            console.clock.advance(by: 72 * 3600)
            try await console.signIn("desk@example.nl", totp: deskCodes, in: desk)
            try await desk.get(location)
            let late = try await desk.post(location, ["step": "notify", "phase": "first", "reference": "AP-2026-0042"])
            #expect(late.status == .unprocessableContent && String(buffer: late.body).contains("reason for the delay"))
            #expect(try await desk.post(location, ["step": "notify", "phase": "first", "reference": "AP-2026-0042",
                                                   "late_reason": "The theft was reported to us late"]).status == .seeOther)
            let notified = String(buffer: try await desk.get(location + "?lang=en").body)
            #expect(notified.contains("Authority told late") && notified.contains("AP-2026-0042"))

            // The register, for an auditor, who reads but never writes.
            let auditor = WebBrowser(client)
            try await console.enrol(.auditor, email: "audit@example.nl", name: "Aud", in: auditor)
            let csv = try await auditor.get("/console/breaches/register.csv")
            #expect(csv.headers[.contentType] == "text/csv; charset=utf-8" && String(buffer: csv.body).contains("\(id),open,"))
            let json = try await auditor.get("/console/breaches/register.json")
            let register = try #require(try JSONSerialization.jsonObject(with: Data(String(buffer: json.body).utf8)) as? [String: Any])
            #expect((register["breaches"] as? [[String: Any]])?.first?["late"] as? Bool == true)
            #expect(String(buffer: try await auditor.get("/console/breaches/register.html").body).contains("AP-2026-0042"))
            let read = String(buffer: try await auditor.get(location).body)
            #expect(read.contains(id) && !read.contains("name=\"step\""), "the auditor was offered a step")
            #expect(try await auditor.get("/console/breaches/new").status == .forbidden)
            let report = String(buffer: try await auditor.get("/console/report?lang=en").body)
            #expect(report.contains("<dt>Breaches that became known</dt><dd>1</dd>") && report.contains("<dt>of which after the deadline</dt><dd>1</dd>")
                    && report.contains("<dt>People told of a breach</dt><dd>2</dd>"), "\(report)")
            #expect(try await auditor.post(location, ["step": "close"]).status == .forbidden)
            #expect(try await console.vault.breaches.breach(id).state == .open)
        }
    }

    /// The hidden field that says what a breach form was filled in from.
    static func filledInFrom(_ page: String) throws -> String {
        let range = try #require(page.range(of: #"name="filled_in_from" value="[0-9a-f]{64}""#, options: .regularExpression),
                                 "the form does not say what it was filled in from")
        return String(page[range].dropFirst(#"name="filled_in_from" value=""#.count).dropLast())
    }

    @Test func anAmendmentFilledInBeforeAnotherIsRefusedAndShownAgain() async throws {
        let console = try await ConsoleFixture()
        try await console.application().test(.router) { client in
            let fleur = WebBrowser(client), anne = WebBrowser(client)
            try await console.enrol(.desk, email: "fleur@example.nl", name: "Fleur", in: fleur)
            try await console.enrol(.desk, email: "anne@example.nl", name: "Anne", in: anne)
            let aware = console.clock.now() - 3600
            let opened = try await fleur.post("/console/breaches", Self.breachForm(aware: aware))
            let location = try #require(opened.headers[.location])
            let id = String(location.split(separator: "/").last!)
            // Both open the form, with a notification recorded in between: no amendment, so it
            // does not stand in the way of one. Anne saves first.
            let fleursForm = try Self.filledInFrom(String(buffer: try await fleur.get(location + "/edit").body))
            _ = try await console.vault.breaches.recordNotification(id, phase: .first, reference: "AP-2026-0007", by: VaultFixture.admin)
            let annesForm = try Self.filledInFrom(String(buffer: try await anne.get(location + "/edit").body))
            #expect(fleursForm == annesForm)
            let annes = "A laptop with the customer list was stolen from a car; the list held phone numbers too."
            var form = Self.breachForm(aware: aware, summary: annes)
            form["filled_in_from"] = annesForm
            #expect(try await anne.post(location + "/edit", form).status == .seeOther)

            // Fleur's, filled in from the breach before Anne's change, would undo it: refused.
            let fleurs = "A laptop was stolen from a car in Utrecht."
            form = Self.breachForm(aware: aware, summary: fleurs)
            form["filled_in_from"] = fleursForm
            let refused = try await fleur.post(location + "/edit", form)
            let page = String(buffer: refused.body)
            #expect(refused.status == .unprocessableContent && page.contains("amended by someone else"), "\(page)")
            var stored = try await console.vault.breaches.breach(id)
            #expect(stored.summary == annes && stored.notifications.count == 1)
            // The form comes back with what Fleur typed, filled in from the breach as it is now:
            // saving it again is her choice, and stands.
            #expect(page.contains(fleurs))
            form["filled_in_from"] = try Self.filledInFrom(page)
            #expect(form["filled_in_from"] == stored.reportFingerprint)
            #expect(try await fleur.post(location + "/edit", form).status == .seeOther)
            stored = try await console.vault.breaches.breach(id)
            #expect(stored.summary == fleurs && stored.notifications.count == 1)
        }
    }
}
