import Foundation
import KluisCore
import KluisTesting
import Testing

/// The erase-by date of each seed's records, computed with fixed times: month ends, leap days,
/// daylight saving time, holds placed and released, anchors that move, consent and objection.
@Suite struct RetentionPlannerTests {
    static func policy(_ name: String) throws -> Policy {
        let file = try #require(try Fixtures.examplePolicies().first { $0.lastPathComponent == name })
        return try Fixtures.validPolicy(file)
    }

    static func time(_ text: String) -> Date {
        ISO8601DateFormatter().date(from: text)!
    }

    /// A record collected for `purpose`.
    static func record(_ category: String, for purpose: String, created: String) -> SealedRecord {
        SealedRecord(subject: SubjectID.generate(), category: category, id: RecordID.generate(), fields: [:],
                     createdAt: time(created), updatedAt: time(created), collectedFor: purpose)
    }

    /// The state of a person whose records are `records`, with `events`.
    static func state(_ records: SealedRecord..., events: [String: Date] = [:]) -> SubjectState {
        SubjectState(events: events).collecting(records)
    }

    static func planner(_ policy: Policy) -> RetentionPlanner {
        RetentionPlanner(policy: policy, gate: PurposeGate(policy: policy))
    }

    static func consent(_ purpose: String, _ kind: ConsentEvent.Kind, at text: String) -> ConsentEvent {
        ConsentEvent(purpose: purpose, kind: kind, time: time(text), policyVersion: "1", purposeHash: "h", statementHash: "s",
                     method: .webForm, language: .nl, actor: "key_app")
    }

    /// Seed 003: e-mail messages one year, kept longer while a dispute runs; a message written
    /// on a leap day goes on 28 February.
    @Test func coachingMessagesAreKeptAYearUnlessDisputed() throws {
        let policy = try Self.policy("coaching.yaml")
        let planner = Self.planner(policy)
        let message = Self.record("messages", for: "questions", created: "2024-02-29T10:00:00Z")
        var state = Self.state(message)
        #expect(planner.schedule(of: message, state: state).eraseBy == Self.time("2025-02-28T10:00:00Z"))
        #expect(planner.schedule(of: message, state: state).action == .delete)

        state.events["dispute"] = Self.time("2024-06-01T12:00:00Z")
        #expect(planner.schedule(of: message, state: state).eraseBy == nil, "a dispute stops the clock")
        let resolved = try #require(policy.purposes.flatMap(\.retention.holds).first { $0.id == "dispute" }?.releasedBy)
        state.events[resolved] = Self.time("2024-09-01T12:00:00Z")
        #expect(planner.schedule(of: message, state: state).eraseBy == Self.time("2025-02-28T10:00:00Z"), "released: the clock runs again")
        state.events["dispute"] = Self.time("2025-01-01T12:00:00Z")
        #expect(planner.schedule(of: message, state: state).eraseBy == nil, "a new dispute after the release holds again")
    }

    /// Seed 003: quotes and invoices 7 years after the end of the fiscal year they were made in.
    @Test func quotesAreKeptSevenYearsAfterTheirFiscalYear() throws {
        let planner = Self.planner(try Self.policy("coaching.yaml"))
        let quote = Self.record("quotes", for: "quotes", created: "2024-03-15T14:00:00Z")
        // The end of 2031 in Amsterdam (CET, UTC+1).
        #expect(planner.schedule(of: quote, state: Self.state(quote)).eraseBy == Self.time("2031-12-31T22:59:59Z"))
    }

    /// Seed 003: the IP address goes to Meta only with consent; without it no purpose may keep it.
    @Test func dataOnlyAConsentPurposeUsesIsDueWithoutConsent() throws {
        let planner = Self.planner(try Self.policy("coaching.yaml"))
        let address = Self.record("ip_address", for: "advertising", created: "2025-03-27T10:00:00Z")
        let unconsented = planner.schedule(of: address, state: Self.state(address))
        #expect(unconsented.eraseBy == address.createdAt)
        #expect(unconsented.purpose == nil)

        var consented = Self.state(address)
        consented.consents = ConsentLedger(events: [Self.consent("advertising", .given, at: "2025-03-27T09:59:00Z")])
        let schedule = planner.schedule(of: address, state: consented)
        #expect(schedule.purpose == "advertising")
        // Seven days across the start of summer time: the same wall-clock hour, one hour less in UTC.
        #expect(schedule.eraseBy == Self.time("2025-04-03T09:00:00Z"))
    }

    /// Seed 001: responses are masked (anonymised) when the account closes.
    @Test func freelanceApplicationsAreAnonymisedWhenTheAccountCloses() throws {
        let policy = try Self.policy("freelance-platform.yaml")
        let planner = Self.planner(policy)
        let application = Self.record("applications", for: "applications", created: "2025-05-05T08:00:00Z")
        #expect(planner.schedule(of: application, state: Self.state(application)).eraseBy == nil, "kept while the account is open")
        let closed = Self.state(application, events: ["account_closed": Self.time("2026-01-31T16:00:00Z")])
        let schedule = planner.schedule(of: application, state: closed)
        #expect(schedule == ErasureSchedule(eraseBy: Self.time("2026-01-31T16:00:00Z"), action: .anonymise, purpose: "applications"))
        #expect(policy.category("applications")?.anonymise["submitted_at"] == .month)
    }

    /// Seed 002: logs at most one month (into a leap day); reports two months unless followed up.
    @Test func matchingLogsAndReportsFollowTheirShortTerms() throws {
        let planner = Self.planner(try Self.policy("matching-platform.yaml"))
        let log = Self.record("logs", for: "incident_handling", created: "2024-01-31T12:00:00Z")
        #expect(planner.schedule(of: log, state: Self.state(log)).eraseBy == Self.time("2024-02-29T12:00:00Z"))

        let report = Self.record("abuse_reports", for: "abuse_prevention", created: "2025-12-31T12:00:00Z")
        #expect(planner.schedule(of: report, state: Self.state(report)).eraseBy == Self.time("2026-02-28T12:00:00Z"))
        var followedUp = Self.state(report, events: ["follow_up": Self.time("2026-01-15T09:00:00Z")])
        #expect(planner.schedule(of: report, state: followedUp).eraseBy == nil)
        followedUp.events["report_closed"] = Self.time("2026-05-01T09:00:00Z")
        #expect(planner.schedule(of: report, state: followedUp).eraseBy == Self.time("2026-02-28T12:00:00Z"))
    }

    /// Seed 004: "while you are a client and 3 years after"; invoices 7 years.
    @Test func itServiceKeepsClientDataThreeYearsAfterTheContract() throws {
        let planner = Self.planner(try Self.policy("it-service.yaml"))
        let correspondence = Self.record("correspondence", for: "it_maintenance", created: "2023-06-01T10:00:00Z")
        let started = ["contract_start": Self.time("2023-05-01T10:00:00Z")]
        #expect(planner.schedule(of: correspondence, state: Self.state(correspondence, events: started)).eraseBy == nil,
                "a client: the contract has not ended")
        let ended = Self.state(correspondence, events: started.merging(["contract_end": Self.time("2024-02-29T12:00:00Z")]) { $1 })
        #expect(planner.schedule(of: correspondence, state: ended).eraseBy == Self.time("2027-02-28T12:00:00Z"))
        let renewed = Self.state(correspondence, events: started.merging(["contract_end": Self.time("2025-03-31T12:00:00Z")]) { $1 })
        #expect(planner.schedule(of: correspondence, state: renewed).eraseBy == Self.time("2028-03-31T12:00:00Z"), "a later contract end moves the date")
        let invoice = Self.record("invoices", for: "tax_records", created: "2024-12-31T22:30:00Z")
        // 23:30 on 31 December in Amsterdam still belongs to fiscal 2024.
        #expect(planner.schedule(of: invoice, state: Self.state(correspondence, invoice, events: ended.events)).eraseBy
                == Self.time("2031-12-31T22:59:59Z"))
    }

    /// Seed 000: survey answers become anonymous statistics after a year, unless communication
    /// (two years after the last contact, at most two years after collection) may keep them
    /// longer: the latest purpose decides. Communication applies through the contact details
    /// collected for it, and keeps the answers no longer than those.
    @Test func jobsSurveyAnswersGoWithTheLastPurposeThatKeepsThem() throws {
        let planner = Self.planner(try Self.policy("jobs-marketplace.yaml"))
        let answers = Self.record("survey_responses", for: "improvement", created: "2024-02-29T10:00:00Z")
        let contact = Self.record("contact", for: "communication", created: "2024-02-29T10:00:00Z")
        #expect(planner.schedule(of: answers, state: Self.state(answers)) == ErasureSchedule(eraseBy: Self.time("2025-02-28T10:00:00Z"), action: .anonymise, purpose: "improvement"),
                "only improvement applies")
        #expect(planner.schedule(of: answers, state: Self.state(answers, contact)) == ErasureSchedule(eraseBy: Self.time("2026-02-28T10:00:00Z"), action: .delete, purpose: "communication"),
                "no last contact yet: at most two years after collection")
        let early = Self.state(answers, contact, events: ["last_contact": Self.time("2023-01-01T10:00:00Z")])
        #expect(planner.schedule(of: answers, state: early) == ErasureSchedule(eraseBy: Self.time("2025-02-28T10:00:00Z"), action: .anonymise, purpose: "improvement"))
        let late = Self.state(answers, contact, events: ["last_contact": Self.time("2024-06-30T10:00:00Z")])
        #expect(planner.schedule(of: answers, state: late) == ErasureSchedule(eraseBy: Self.time("2026-06-30T10:00:00Z"), action: .delete, purpose: "communication"))
    }

    /// Seed 003: an enquirer's name goes a year after the last contact; once an invoice is
    /// collected for billing, the name stays as long as the newest invoice must.
    @Test func coachingKeepsANameForBillingOnlyOnceThereIsAnInvoice() throws {
        let planner = Self.planner(try Self.policy("coaching.yaml"))
        let name = Self.record("name", for: "questions", created: "2025-01-08T09:00:00Z")
        let contact = ["last_contact": Self.time("2025-06-10T12:00:00Z")]
        #expect(planner.schedule(of: name, state: Self.state(name, events: contact))
                == ErasureSchedule(eraseBy: Self.time("2026-06-10T12:00:00Z"), action: .delete, purpose: "questions"))
        let first = Self.record("invoices", for: "billing", created: "2025-03-14T10:00:00Z")
        #expect(planner.schedule(of: name, state: Self.state(name, first, events: contact))
                == ErasureSchedule(eraseBy: Self.time("2032-12-31T22:59:59Z"), action: .delete, purpose: "billing"))
        let second = Self.record("invoices", for: "billing", created: "2026-02-02T10:00:00Z")
        let both = Self.state(name, first, second, events: contact)
        let standing = planner.standing(of: [name, first, second], state: both)
        #expect(planner.schedule(of: name, state: both, standing: standing).eraseBy == Self.time("2033-12-31T22:59:59Z"),
                "the newest invoice decides for the name")
        #expect(planner.schedule(of: first, state: both, standing: standing).eraseBy == Self.time("2032-12-31T22:59:59Z"),
                "each invoice keeps its own fiscal year")
    }

    /// `at_most` bounds the wait for an anchor that has not happened, from collection or, when
    /// later, from when the purpose came to apply; once the anchor happened, it no longer counts.
    @Test func atMostCountsFromCollectionOrFromWhenThePurposeApplied() throws {
        let planner = Self.planner(try Self.policy("coaching.yaml"))
        let file = Self.record("coaching_file", for: "coaching", created: "2025-01-10T10:00:00Z")
        let started = ["contract_start": Self.time("2025-01-10T10:00:00Z")]
        #expect(planner.schedule(of: file, state: Self.state(file, events: started)).eraseBy == Self.time("2026-01-10T10:00:00Z"))
        // The name given with a question a year before the contract counts from the contract for coaching.
        let name = Self.record("name", for: "questions", created: "2024-01-08T09:00:00Z")
        let state = Self.state(name, file, events: started)
        let standing = planner.standing(of: [name, file], state: state)
        #expect(planner.schedule(of: name, state: state, standing: standing).eraseBy == Self.time("2026-01-10T10:00:00Z"))
        var contacted = state
        contacted.events["last_contact"] = Self.time("2025-03-01T10:00:00Z")
        #expect(planner.schedule(of: file, state: contacted).eraseBy == Self.time("2026-03-01T10:00:00Z"))
    }

    /// A record without a date says why: a hold in force, or an anchor that has not happened.
    @Test func anUndatedRecordSaysWhy() throws {
        let planner = Self.planner(try Self.policy("it-service.yaml"))
        let correspondence = Self.record("correspondence", for: "it_maintenance", created: "2023-06-01T10:00:00Z")
        let plan = planner.plan(of: correspondence, state: Self.state(correspondence, events: ["contract_start": Self.time("2023-05-01T10:00:00Z")]))
        #expect(plan.schedule.eraseBy == nil)
        #expect(plan.undated == .awaitingEvent("contract_end"))
        let matching = Self.planner(try Self.policy("matching-platform.yaml"))
        let report = Self.record("abuse_reports", for: "abuse_prevention", created: "2025-12-31T12:00:00Z")
        let held = matching.plan(of: report, state: Self.state(report, events: ["follow_up": Self.time("2026-01-15T09:00:00Z")]))
        #expect(held.undated == .hold("follow_up"))
        #expect(held.schedule.eraseBy == nil)
    }

    /// Seed 002: a purpose that applies only through the report collected for it keeps the
    /// member's messages no longer than the report; without a report it keeps none of them.
    @Test func aPurposeAppliesNoLongerThanWhatWasCollectedForIt() throws {
        let policy = try Self.policy("matching-platform.yaml")
        let planner = Self.planner(policy)
        let message = Self.record("messages", for: "messaging", created: "2025-12-01T12:00:00Z")
        let alone = Self.state(message)
        #expect(planner.schedule(of: message, state: alone).purpose == "messaging")
        #expect(!PurposeGate(policy: policy).applicability.applies(try #require(policy.purpose("abuse_prevention")), state: alone))
        let report = Self.record("abuse_reports", for: "abuse_prevention", created: "2025-12-31T12:00:00Z")
        let reported = Self.state(message, report)
        let standing = planner.standing(of: [message, report], state: reported)
        #expect(standing.collectionEnds["abuse_prevention"] == Self.time("2026-02-28T12:00:00Z"))
        #expect(standing.applying["abuse_prevention"] == Self.time("2025-12-31T12:00:00Z"))
    }

    @Test func aRestrictionTheSubjectAskedForKeepsTheData() throws {
        let planner = Self.planner(try Self.policy("matching-platform.yaml"))
        let log = Self.record("logs", for: "incident_handling", created: "2024-01-31T12:00:00Z")
        var restricted = Self.state(log)
        restricted.restrictions = [Restriction(categories: ["logs"], ground: .legalClaims, since: Self.time("2024-02-01T00:00:00Z"))]
        let plan = planner.plan(of: log, state: restricted)
        #expect(plan.schedule.eraseBy == nil)
        #expect(plan.undated == .restriction)
    }

    @Test func aLegalObligationRestrictionLeavesOnlyItsPurpose() throws {
        let policy = try PolicyDocument(text: PolicyFixture().yaml).validPolicy()
        let planner = Self.planner(policy)
        let contact = Self.record("contact", for: "service", created: "2024-03-15T10:00:00Z")
        let invoice = Self.record("invoices", for: "bookkeeping", created: "2024-03-15T10:00:00Z")
        let ended = Self.state(contact, invoice, events: ["contract_end": Self.time("2040-01-01T00:00:00Z")])
        // Service keeps contact data two years after a contract that ends in 2040.
        #expect(planner.schedule(of: contact, state: ended).purpose == "service")
        var erased = ended
        erased.restrictions = [Restriction(categories: ["contact"], ground: .legalObligation, since: Self.time("2025-01-01T00:00:00Z"),
                                           allowedPurposes: ["bookkeeping"])]
        let kept = planner.schedule(of: contact, state: erased)
        #expect(kept.purpose == "bookkeeping")
        #expect(kept.eraseBy == Self.time("2031-12-31T22:59:59Z"))
    }

    @Test func theFingerprintChangesWithTheTermsOnly() throws {
        var fixture = PolicyFixture()
        let before = Self.planner(try PolicyDocument(text: fixture.yaml).validPolicy()).fingerprint
        fixture.version = "2.0"
        #expect(Self.planner(try PolicyDocument(text: fixture.yaml).validPolicy()).fingerprint == before)
        fixture.purposes = fixture.purposes.replacingOccurrences(of: "duration: P2Y", with: "duration: P3Y")
        #expect(Self.planner(try PolicyDocument(text: fixture.yaml).validPolicy()).fingerprint != before)
    }

    @Test(arguments: [
        (Generalisation.postcodeDigits, "1017 BS", "1017"), (.postcodeDigits, "1017bs", "1017"), (.postcodeDigits, "0123 AB", nil),
        (.postcodeDigits, "B-1000", nil), (.year, "1987-06-15", "1987"), (.year, "15-06-1987", nil),
        (.month, "2024-03-09T10:00:00Z", "2024-03"), (.month, "2024-13-01", nil), (.keep, "vac_12", "vac_12"),
    ] as [(Generalisation, String, String?)])
    func generalisations(_ generalisation: Generalisation, value: String, expected: String?) {
        #expect(generalisation.apply(to: value) == expected)
    }

    @Test func anAnonymisationOfAnUnknownFieldIsAnError() {
        var fixture = PolicyFixture()
        fixture.categories = fixture.categories.replacingOccurrences(of: "fields: [email, phone]",
                                                                     with: "fields: [email, phone]\n    anonymise: {postcode: postcode_digits}")
        let document = PolicyDocument(text: fixture.yaml)
        #expect(document.errors.map(\.code).contains("anonymise.unknown_field"))
    }
}
