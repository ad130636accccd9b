import Foundation
import KluisCore
import KluisTesting
import Testing

/// `kluis breaches`: the breach register at the command line, in-process against real SQLite
/// files (and PostgreSQL when enabled) — a breach opened from a file, its clock in the list and
/// the whole breach, late notifications refused without their reason, the assessment, the text
/// for the AP's form, the people counted and told through the file outbox, the export, the
/// reminders once and from `kluis serve`.
@Suite(.timeLimit(.minutes(3))) struct BreachesCommandTests {
    @Test func helpNamesEverySubcommand() async {
        let help = await CommandRun.kluis("breaches", "--help")
        #expect(help.exitCode == 0)
        for name in ["open", "list", "show", "update", "assess", "notify", "people", "export", "close", "withdraw", "remind"] {
            #expect(help.output.contains("  \(name)"), "missing: \(name)")
        }
        #expect(await CommandRun.kluis("--help").output.contains("breaches"))
    }

    @Test(arguments: StoreKind.enabled) func aBreachOpenedFromAFileShowsItsClockInTheListAndWhole(store: StoreKind) async throws {
        let register = try await Register(store: store)
        defer { register.close() }
        let aware = Date() - 2 * 3600
        let (id, opened) = try await register.open(aware: aware, draft: true)
        #expect(opened.output.hasPrefix("breach \(id) opened as a draft\n"), "\(opened.output)")
        #expect(opened.output.contains("(72 hours from awareness): 69h "), "\(opened.output)")
        #expect(opened.output.contains("deadline \((aware + 72 * 3600).formatted(Self.dutchTime))"), "the deadline in Dutch time")

        let list = await register.run("breaches", "list")
        #expect(list.exitCode == 0, "\(list.errorOutput)")
        let line = try #require(list.output.split(separator: "\n").first { $0.hasPrefix(id) }.map(String.init))
        let columns = line.split(separator: "\t").map(String.init)
        #expect(columns.count == 6 && columns[1] == "draft", "\(line)")
        #expect(columns[2] == aware.formatted(Self.dutchTime) && columns[3] == (aware + 72 * 3600).formatted(Self.dutchTime))
        #expect(columns[4].hasPrefix("69h ") && columns[4].hasSuffix(" left") && columns[5] == "0", "\(line)")

        let json = await register.run("breaches", "list", "--format", "json")
        let rows = try #require(try Self.jsonObject(json.output) as? [[String: Any]])
        #expect(rows.count == 1 && rows[0]["id"] as? String == id && rows[0]["late"] as? Bool == false)
        let left = try #require(rows[0]["seconds_left"] as? Int)
        #expect((69 * 3600...70 * 3600).contains(left))

        // The draft is amended from a changed file and opened.
        let changed = try register.file("changed.yaml", Self.yaml(aware: aware, summary: "A laptop with client files was stolen from a parked car.",
                                                                 extra: "ongoing: true"))
        let updated = await register.run("breaches", "update", id, "--file", changed, "--open")
        #expect(updated.exitCode == 0 && updated.output == "breach \(id) amended; it is open\n", "\(updated.errorOutput)")

        let shown = await register.run("breaches", "show", id)
        #expect(shown.exitCode == 0, "\(shown.errorOutput)")
        for expected in ["\(id) · open · stolen_device\nA laptop with client files was stolen from a parked car.\n",
                         "(72 hours from awareness)", "still going on", "aware at             \(aware.formatted(Self.dutchTime))",
                         "reporter             Fleur de Vries, Eigenaar, 06 1234 5678, fleur@voorbeeld.example",
                         "data kinds           name_address, email, financial", "records              40 to 60",
                         "assessment: none yet", "notifications: none yet", "people told: none yet"] {
            #expect(shown.output.contains(expected), "missing: \(expected)\n\(shown.output)")
        }
        #expect(shown.output.firstMatch(of: /now                  69h \d+m left/) != nil)
        let entry = try #require(try Self.jsonObject(await register.run("breaches", "show", id, "--format", "json").output) as? [String: Any])
        let breach = try #require(entry["breach"] as? [String: Any])
        #expect(breach["id"] as? String == id && breach["state"] as? String == "open" && entry["late"] as? Bool == false)
        #expect((breach["timeline"] as? [String: Any])?["ongoing"] as? Bool == true)

        let unknown = await register.run("breaches", "show", "brc_aaaaaaaaaaaaaaaa")
        #expect(unknown.exitCode != 0 && unknown.errorOutput.contains("there is no breach 'brc_aaaaaaaaaaaaaaaa'"))
        let events = try await register.vault().auditEvents(limit: 100).map(\.entry).filter { $0.action == .breach }.map(\.reason)
        #expect(events == ["\(id) opened as a draft", "\(id) amended"])
    }

    /// `show` prints the report's version; `update --if-match` with a version from before another
    /// amendment saves nothing, so a file written from an old `show` cannot undo it unseen.
    @Test func anUpdateFromAnEarlierVersionOfTheReportIsRefused() async throws {
        let register = try await Register(store: .sqlite)
        defer { register.close() }
        let aware = Date() - 3600
        let (id, _) = try await register.open(aware: aware)
        let version = try await register.vault().breaches.breach(id).reportFingerprint
        #expect(await register.run("breaches", "show", id).output.contains("report version\n  \(version) (give it to"))

        let fleurs = try register.file("fleur.yaml", Self.yaml(aware: aware, summary: "The stolen laptop was found again."))
        let saved = await register.run("breaches", "update", id, "--file", fleurs, "--if-match", version)
        #expect(saved.exitCode == 0, "\(saved.errorOutput)")
        let annes = try register.file("anne.yaml", Self.yaml(aware: aware, summary: "A laptop was stolen from a car."))
        let refused = await register.run("breaches", "update", id, "--file", annes, "--if-match", version)
        #expect(refused.exitCode != 0 && refused.errorOutput.contains("was amended by someone else"), "\(refused.errorOutput)")
        #expect(try await register.vault().breaches.breach(id).summary == "The stolen laptop was found again.")
        let current = try await register.vault().breaches.breach(id).reportFingerprint
        #expect(await register.run("breaches", "update", id, "--file", annes, "--if-match", current).exitCode == 0)
        #expect(try await register.vault().breaches.breach(id).summary == "A laptop was stolen from a car.")
    }

    @Test(arguments: StoreKind.enabled) func aLateFirstNotificationNeedsItsReasonAndChangesNothingWithout(store: StoreKind) async throws {
        let register = try await Register(store: store)
        defer { register.close() }
        let (id, opened) = try await register.open(aware: Date() - 80 * 3600)
        #expect(opened.output.contains(": late by 8h "), "\(opened.output)")
        #expect(await register.run("breaches", "list").output.contains("\tlate by 8h "))

        let refused = await register.run("breaches", "notify", id, "--phase", "first", "--reference", "AP-2026-1234")
        #expect(refused.exitCode != 0)
        #expect(refused.errorOutput.contains("more than 72 hours after awareness: give the reason for the delay"), "\(refused.errorOutput)")
        #expect(try await register.vault().breaches.breach(id).notifications.isEmpty, "a refused notification was recorded")
        let followUpFirst = await register.run("breaches", "notify", id, "--phase", "follow_up")
        #expect(followUpFirst.exitCode != 0 && followUpFirst.errorOutput.contains("has no first notification yet"))
        let future = await register.run("breaches", "notify", id, "--late-reason", "Found on a Sunday", "--at", Self.iso(Date() + 3600))
        #expect(future.exitCode != 0 && future.errorOutput.contains("cannot have been sent in the future"))
        let badTime = await register.run("breaches", "notify", id, "--at", "yesterday")
        #expect(badTime.exitCode != 0 && badTime.errorOutput.contains("--at must be an ISO 8601 time"))

        let notified = await register.run("breaches", "notify", id, "--phase", "first", "--reference", "AP-2026-1234",
                                          "--late-reason", "The contents of the laptop were only known on Monday")
        #expect(notified.exitCode == 0, "\(notified.errorOutput)")
        #expect(notified.output.contains("first notification recorded") && notified.output.contains("reference AP-2026-1234"))
        #expect(notified.output.contains("late by 8h ") && notified.output.contains("the reason is recorded"))
        let followed = await register.run("breaches", "notify", id, "--phase", "follow_up", "--reference", "AP-2026-1234")
        #expect(followed.exitCode == 0 && followed.output.contains("follow_up notification recorded"), "\(followed.errorOutput)")

        let list = await register.run("breaches", "list")
        #expect(list.output.contains("\tnotified at ") && list.output.contains("(late by 8h "), "\(list.output)")
        let shown = await register.run("breaches", "show", id)
        #expect(shown.output.contains("reference AP-2026-1234; late: The contents of the laptop were only known on Monday; by cli"))
        #expect(shown.output.contains("  follow_up "))
        #expect(try await register.vault().breaches.breach(id).notifications.map(\.phase) == [.first, .followUp])
    }

    @Test func theAssessmentIsRecordedWithTheSuggestedFactorsOrThoseNamedAndTheScore() async throws {
        let register = try await Register(store: .sqlite)
        defer { register.close() }
        let (id, _) = try await register.open(aware: Date() - 3600)
        let decisions = ["--tell-authority", "yes", "--authority-reason", "Names and invoices of customers were readable",
                         "--tell-people", "no", "--people-reason", "The laptop was wiped before anyone opened it"]
        let severity = ["--severity-context", "3", "--severity-identification", "1", "--severity-confidentiality", "0.5", "--malicious"]

        let noException = await register.run(["breaches", "assess", id] + decisions + severity)
        #expect(noException.exitCode != 0 && noException.errorOutput.contains("needs an exception of art. 34(3)"), "\(noException.errorOutput)")
        let half = await register.run(["breaches", "assess", id] + decisions + ["--severity-context", "3"])
        #expect(half.exitCode != 0 && half.errorOutput.contains("--severity-context and --severity-identification"))
        let withEmail = await register.run("breaches", "assess", id, "--tell-authority", "yes", "--authority-reason", "ask fleur@voorbeeld.example",
                                           "--tell-people", "yes", "--people-reason", "risk")
        #expect(withEmail.exitCode != 0 && withEmail.errorOutput.contains("'authority_reason' contains an e-mail address"))
        #expect(try await register.vault().breaches.breach(id).assessment == nil, "a refused assessment was stored")

        let assessed = await register.run(["breaches", "assess", id] + decisions + severity + ["--exception", "risk_removed"])
        #expect(assessed.exitCode == 0, "\(assessed.errorOutput)")
        #expect(assessed.output.contains("the authority: to be told\n  the people: not told (exception risk_removed)\n"), "\(assessed.output)")
        // Financial data (the invoices) is sensitive; names and e-mail addresses identify.
        #expect(assessed.output.contains("factors, suggested by the register as no --factor was given: sensitive_data, easily_identified\n"))
        #expect(assessed.output.contains("ENISA severity: 4.00, very_high"))

        let named = await register.run(["breaches", "assess", id, "--tell-authority", "yes", "--authority-reason", "A risk to the customers",
                                         "--tell-people", "yes", "--people-reason", "They should watch for phishing",
                                         "--factor", "many_people", "--factor", "severe_consequences", "--notes", "Weighed with the owner"])
        #expect(named.exitCode == 0, "\(named.errorOutput)")
        #expect(named.output.contains("  factors: severe_consequences, many_people\n") && !named.output.contains("ENISA"), "\(named.output)")
        let assessment = try #require(try await register.vault().breaches.breach(id).assessment)
        #expect(assessment.tellPeople.yes && assessment.factors.manyPeople && !assessment.factors.sensitiveData && assessment.severity == nil)
        let shown = await register.run("breaches", "show", id)
        #expect(shown.output.contains("tell the people      yes: They should watch for phishing"))
        #expect(shown.output.contains("notes                Weighed with the owner"))
    }

    @Test func notifyTextPrintsTheAPFormInItsOrderAndRecordsNothing() async throws {
        let register = try await Register(store: .sqlite)
        defer { register.close() }
        let (id, _) = try await register.open(aware: Date() - 80 * 3600)
        let before = try await register.vault().auditEvents(limit: 1000).count

        let text = await register.run("breaches", "notify", id, "--text")
        #expect(text.exitCode == 0, "\(text.errorOutput)")
        #expect(text.output.hasPrefix("# Melding datalek aan de Autoriteit Persoonsgegevens\n"))
        let titles = ["1. Over de melding", "2. Contactgegevens", "3. Tijdlijn", "4. Het datalek", "5. De persoonsgegevens",
                      "6. De betrokkenen", "7. Maatregelen vooraf", "8. Gevolgen", "9. Vervolgacties"]
        let positions = titles.compactMap { text.output.range(of: "\n## \($0)\n")?.lowerBound }
        #expect(positions.count == titles.count && positions == positions.sorted(), "\(text.output)")
        for expected in ["| Soort melding | Nieuwe melding |", "Fleur de Vries", "Hosting B.V.", "Reden van de late melding", "Klanten"] {
            #expect(text.output.contains(expected), "missing: \(expected)")
        }
        #expect(try await register.vault().breaches.breach(id).notifications.isEmpty)
        #expect(try await register.vault().auditEvents(limit: 1000).count == before, "printing the text was recorded")

        let withdrawal = await register.run("breaches", "notify", id, "--text", "--phase", "withdrawal")
        #expect(withdrawal.output.contains("## 10. Intrekking"))
        let mixed = await register.run("breaches", "notify", id, "--text", "--reference", "AP-1")
        #expect(mixed.exitCode != 0 && mixed.errorOutput.contains("--text records nothing"))
    }

    @Test(arguments: StoreKind.enabled) func peopleAreCountedByCategoryAndToldThroughTheFileOutbox(store: StoreKind) async throws {
        let register = try await Register(store: store)
        defer { register.close() }
        let vault = try await register.vault()
        func add(_ email: String?, _ records: [NewRecord], language: Language? = nil) async throws -> SubjectID {
            try await vault.createSubject(NewSubject(identifiers: try email.map { [try SubjectIdentifier(kind: .email, value: $0)] } ?? [],
                                                     records: records, language: language), by: VaultFixture.admin)
        }
        let contact = { (email: String) in NewRecord(category: "contact", fields: ["email": email], purpose: "service") }
        let invoice = NewRecord(category: "invoices", fields: ["number": "F-1", "amount": "10", "invoice_date": "2026-10-01"])
        let anna = try await add("anna@voorbeeld.example", [contact("anna@voorbeeld.example")], language: .en)
        _ = try await add("bram@voorbeeld.example", [contact("bram@voorbeeld.example"), invoice])
        let cas = try await add(nil, [invoice])
        let (id, _) = try await register.open(aware: Date() - 3600)

        let invoices = await register.run("breaches", "people", id, "--category", "invoices")
        #expect(invoices.exitCode == 0, "\(invoices.errorOutput)")
        #expect(invoices.output.contains("selected by categories invoices\n  selected                2\n  with an e-mail address  1\n"
                                         + "  already told            0\n  by language             nl 2\n"), "\(invoices.output)")
        let contacts = await register.run("breaches", "people", id, "--category", "contact")
        #expect(contacts.output.contains("  selected                2\n  with an e-mail address  2\n"))
        #expect(contacts.output.contains("by language             en 1, nl 1"))
        let listed = await register.run("breaches", "people", id, "--subject", cas.rawValue, "--subject", anna.rawValue)
        #expect(listed.output.contains("selected by 2 listed subjects\n  selected                2\n"), "\(listed.output)")
        let nothing = await register.run("breaches", "people", id)
        #expect(nothing.exitCode != 0 && nothing.errorOutput.contains("select the people"))
        let unknown = await register.run("breaches", "people", id, "--category", "nonsense")
        #expect(unknown.exitCode != 0 && unknown.errorOutput.contains("'nonsense' is not a category of the policy"))
        #expect(try register.mails().isEmpty, "counting sent mail")

        // A letter's words with personal data, or an unknown key, send nothing.
        let leaky = try register.file("leaky.yaml", "advice: Mail fleur@voorbeeld.example with questions.\n")
        let refused = await register.run(["breaches", "people", id, "--category", "contact", "--tell", "--text-file", "en=\(leaky)"]
                                         + register.outboxArguments)
        #expect(refused.exitCode != 0 && refused.errorOutput.contains("'advice' contains an e-mail address"), "\(refused.errorOutput)")
        let misspelt = try register.file("misspelt.yaml", "advise: Change your password.\n")
        let unknownKey = await register.run(["breaches", "people", id, "--category", "contact", "--tell", "--text-file", "en=\(misspelt)"]
                                            + register.outboxArguments)
        #expect(unknownKey.exitCode != 0 && unknownKey.errorOutput.contains("'advise' is not a field of a letter's text"))
        #expect(try register.mails().isEmpty)

        let english = try register.file("letter-en.yaml", "advice: Be wary of e-mails asking you to pay an invoice.\n")
        let told = await register.run(["breaches", "people", id, "--category", "contact", "--category", "invoices", "--tell",
                                       "--text-file", "en=\(english)"] + register.outboxArguments)
        #expect(told.exitCode == 0, "\(told.errorOutput)")
        #expect(told.output.contains(": 2 of 3 selected told by e-mail at "), "\(told.output)")
        #expect(told.output.contains("without an e-mail address  1 (tell them another way)\n  told before                0\n"))
        let mails = try register.mails()
        #expect(Set(Self.recipients(mails)) == ["anna@voorbeeld.example", "bram@voorbeeld.example"] && mails.count == 2)
        let toAnna = try #require(mails.first { $0.contains("\r\nTo: anna@voorbeeld.example\r\n") })
        #expect(toAnna.contains("Be wary of e-mails asking you to pay an invoice.") && toAnna.contains(id))
        #expect(!(try #require(mails.first { $0.contains("\r\nTo: bram@") })).contains("Be wary"), "the English words went to a Dutch letter")

        let again = await register.run(["breaches", "people", id, "--category", "contact", "--tell"] + register.outboxArguments)
        #expect(again.output.contains(": 0 of 2 selected told") && again.output.contains("told before                2"), "\(again.output)")
        #expect(try register.mails().count == 2, "someone was told twice")
        let shown = await register.run("breaches", "show", id)
        #expect(shown.output.contains("2 told of 3 selected, 1 without an address; selected by categories contact, invoices; by cli"))
    }

    @Test func aFileWithAnUnknownKeyABadValueOrPersonalDataIsRefusedNamingTheKey() async throws {
        let register = try await Register(store: .sqlite)
        defer { register.close() }
        let aware = Date() - 3600
        let good = Self.yaml(aware: aware, summary: "A laptop was stolen.")
        let cases: [(String, String)] = [
            (good.replacingOccurrences(of: "summary:", with: "summery:"), "line 1: 'summery' is not a field of a breach report"),
            (good.replacingOccurrences(of: "  name: Fleur", with: "  nmae: Fleur"), "line 8: 'reporter.nmae' is not a field of 'reporter'"),
            (good.replacingOccurrences(of: "incident: stolen_device", with: "incident: burglary"), "line 2: 'incident' must be one of lost_device"),
            (good.replacingOccurrences(of: "nature: [theft, reading]", with: "nature: [theft, peeking]"), "'nature' must be one of reading"),
            (good.replacingOccurrences(of: "aware_at: \(Self.iso(aware))", with: "aware_at: gisteren"), "'aware_at' must be an ISO 8601 time"),
            (good.replacingOccurrences(of: "encrypted: false", with: "encrypted: perhaps"), "'encrypted' must be true or false"),
            (good.replacingOccurrences(of: "{minimum: 40, maximum: 60}\ngroups", with: "{minimum: 40}\ngroups"), "'people.maximum' is missing"),
            (good.replacingOccurrences(of: "summary: \"A laptop was stolen.\"\n", with: ""), "'summary' is missing"),
            (good + "\nsummary: again", "line 1: 'summary' is given twice"),
            (good.replacingOccurrences(of: "categories: [contact, invoices]", with: "categories: [contact, nonsense]"),
             "'categories': 'nonsense' is not a category of the policy"),
            (Self.yaml(aware: aware, summary: "Mail sent to jan@voorbeeld.example by mistake"), "'summary' contains an e-mail address"),
            (Self.yaml(aware: aware, summary: "The file of 111222333 was read"), "'summary' contains a citizen service number (BSN)"),
            (Self.yaml(aware: aware, summary: "Called 06 1234 5678 back"), "'summary' contains a phone number"),
            ("summary: [unclosed", "this is not valid YAML or JSON"),
            ("- a list", "the file should hold a breach report"),
        ]
        for (index, (text, refusal)) in cases.enumerated() {
            let path = try register.file("bad-\(index).yaml", text)
            let run = await register.run("breaches", "open", "--file", path)
            #expect(run.exitCode != 0, "accepted: \(refusal)")
            #expect(run.errorOutput.contains(refusal), "expected \(refusal), got \(run.errorOutput)")
            for value in ["burglary", "peeking", "gisteren", "perhaps", "jan@voorbeeld.example", "111222333"] {
                #expect(!run.errorOutput.contains(value), "the refusal quoted the value")
            }
        }
        #expect(try await register.vault().breaches.all().isEmpty, "a refused file was stored")

        // JSON is read too, and a bad file leaves a breach as it was.
        let json = #"{"summary": "A USB stick was lost.", "incident": "lost_device", "discovered_at": "\#(Self.iso(aware))", "#
            + #""aware_at": "\#(Self.iso(aware))", "reporter": {"name": "Fleur de Vries", "job_title": "Eigenaar", "phone": "06 1234 5678"}}"#
        let opened = await register.run("breaches", "open", "--file", try register.file("breach.json", json))
        #expect(opened.exitCode == 0, "\(opened.errorOutput)")
        let id = try #require(Self.breachID(in: opened.output))
        let bad = try register.file("bad.yaml", good.replacingOccurrences(of: "summary:", with: "summery:"))
        #expect(await register.run("breaches", "update", id, "--file", bad).exitCode != 0)
        #expect(try await register.vault().breaches.breach(id).summary == "A USB stick was lost.")
    }

    @Test func theRegisterIsExportedAsCSVJSONAndMarkdownAndTheExportAudited() async throws {
        let register = try await Register(store: .sqlite)
        defer { register.close() }
        let (late, _) = try await register.open(aware: Date() - 80 * 3600)
        let (recent, _) = try await register.open(aware: Date() - 3600)
        #expect(await register.run("breaches", "notify", recent, "--reference", "AP-1").exitCode == 0)

        let csvPath = register.temporary.path("register.csv")
        let csv = await register.run("breaches", "export", "--format", "csv", "--output", csvPath)
        #expect(csv.exitCode == 0 && csv.output.isEmpty, "\(csv.errorOutput)")
        let lines = try String(contentsOfFile: csvPath, encoding: .utf8).split(whereSeparator: \.isNewline)
        #expect(lines.count == 3 && lines[0].hasPrefix("id,state,summary,incident,aware_at,deadline,notified_at,late,reference"))
        #expect(lines[1].hasPrefix(recent) && lines[1].contains(",no,AP-1,") && lines[2].hasPrefix(late) && lines[2].contains(",yes,,"))

        let json = await register.run("breaches", "export", "--format", "json")
        let object = try #require(try Self.jsonObject(json.output) as? [String: Any])
        let entries = try #require(object["breaches"] as? [[String: Any]])
        #expect(object["controller"] as? String == "Voorbeeld B.V." && entries.count == 2)
        #expect(entries.map { ($0["breach"] as? [String: Any])?["id"] as? String } == [recent, late] && entries[1]["late"] as? Bool == true)

        let markdown = await register.run("breaches", "export", "--lang", "en")
        #expect(markdown.output.hasPrefix("# Register of personal data breaches\n") && markdown.output.contains("## \(MarkdownWriter.escape(late)): "))
        #expect(await register.run("breaches", "export", "--format", "pdf").exitCode != 0)

        let exports = try await register.vault().auditEvents(limit: 100).compactMap(\.entry.reason).filter { $0.hasPrefix("register exported") }
        #expect(exports == ["register exported (2 breaches)", "register exported (2 breaches)", "register exported (2 breaches)"])
    }

    @Test func breachesAreClosedAndWithdrawnAndStayInTheRegister() async throws {
        let register = try await Register(store: .sqlite)
        defer { register.close() }
        let (closed, _) = try await register.open(aware: Date() - 3600)
        let (withdrawn, _) = try await register.open(aware: Date() - 7200)
        #expect(await register.run("breaches", "close", closed).output == "breach \(closed) is closed; it stays in the register\n")
        let leaky = await register.run("breaches", "withdraw", withdrawn, "--reason", "Jan (06 1234 5678) found it")
        #expect(leaky.exitCode != 0 && leaky.errorOutput.contains("'reason' contains a phone number"))
        let ok = await register.run("breaches", "withdraw", withdrawn, "--reason", "The laptop was found unopened in the office")
        #expect(ok.exitCode == 0, "\(ok.errorOutput)")
        let list = await register.run("breaches", "list")
        #expect(list.output.contains("\(closed)\tclosed\t") && list.output.contains("\(withdrawn)\twithdrawn\t"))
        #expect(list.output.contains("\twithdrawn\t0\n"), "a withdrawn breach shows no clock: \(list.output)")
        let amend = await register.run("breaches", "update", withdrawn, "--file", try register.file("again.yaml", Self.yaml(aware: Date(), summary: "x")))
        #expect(amend.exitCode != 0 && amend.errorOutput.contains("can no longer be amended"))
        #expect(await register.run("breaches", "close", "nonsense").errorOutput.contains("'nonsense' is not a breach id (brc_…)"))
    }

    @Test(arguments: StoreKind.enabled) func remindSendsTheRemindersThatAreDueOnce(store: StoreKind) async throws {
        let register = try await Register(store: store)
        defer { register.close() }
        let (due, _) = try await register.open(aware: Date() - 30 * 3600)
        _ = try await register.open(aware: Date() - 3600)

        let first = await register.run(["breaches", "remind"] + register.outboxArguments)
        #expect(first.exitCode == 0 && first.output == "1 breach reminded of\n", "\(first.output)\(first.errorOutput)")
        let mails = try register.mails()
        #expect(Set(Self.recipients(mails)) == ["fleur@voorbeeld.example", "datalek@voorbeeld.example"] && mails.count == 2)
        #expect(mails.allSatisfy { $0.contains(due) && $0.contains("De Autoriteit Persoonsgegevens is nog niet ingelicht") })
        let second = await register.run(["breaches", "remind"] + register.outboxArguments)
        #expect(second.output == "0 breaches reminded of\n")
        #expect(try register.mails().count == 2)
        #expect(try await register.vault().breaches.breach(due).remindersSent == [24])
    }

    @Test func serveSendsDueBreachRemindersThroughItsOutbox() async throws {
        let refused = await CommandRun.kluis("serve", "--data", "/nonexistent", "--policy", "/nonexistent", "--breach-reminder-interval=-1")
        #expect(refused.exitCode != 0 && refused.errorOutput.contains("--breach-reminder-interval (serve.breach_reminder_interval) must be 0 or more seconds"))

        let executable = try #require(ServeProcessTests.kluisExecutable(), "the kluis executable was not found: run 'swift build' first")
        let register = try await Register(store: .sqlite)
        defer { register.close() }
        let (id, _) = try await register.open(aware: Date() - 50 * 3600)
        let server = try await Child.start(executable, ["serve", "--host", "127.0.0.1", "--port", "0", "--checkpoint-interval", "0",
                                                  "--sweep-interval", "0", "--breach-reminder-interval", "0.5"] + register.arguments)
        defer { server.kill() }
        let deadline = ContinuousClock.now + .seconds(30)
        while try register.mails().count < 2, ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(100))
        }
        let mails = try register.mails()
        #expect(Set(Self.recipients(mails)) == ["fleur@voorbeeld.example", "datalek@voorbeeld.example"],
                "no reminders from serve: \(server.output) \(server.errorOutput)")
        #expect(mails.allSatisfy { $0.contains(id) })
        // One round for the 24- and 48-hour reminders together, and none after.
        try await Task.sleep(for: .seconds(1.5))
        #expect(try register.mails().count == 2)
        #expect(try await register.vault().breaches.breach(id).remindersSent.sorted() == [24, 48])
    }
}
