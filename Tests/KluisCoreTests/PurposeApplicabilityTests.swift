import Foundation
import KluisCore
import KluisTesting
import Testing

/// Which purposes apply to a person, since when and why, as a pure function of the policy and
/// the person's history.
@Suite struct PurposeApplicabilityTests {
    static let policy: Policy = {
        var fixture = PolicyFixture.withConsent()
        fixture.purposes += """

          - id: moderation
            name: {nl: Moderatie, en: Moderation}
            legal_basis: legitimate_interest
            interest: {nl: Misbruik stoppen., en: Stopping abuse.}
            subjects: [customers]
            categories: [contact]
            applies_from: [report_filed]
            applies_until: [report_closed]
            retention: {anchor: collected, duration: P2M, then: delete}
        """
        return try! PolicyDocument(text: fixture.yaml).validPolicy()
    }()

    let applicability = PurposeApplicability(policy: Self.policy)

    static func purpose(_ id: String) -> Purpose {
        policy.purpose(id)!
    }
    let t0 = Date(timeIntervalSince1970: 1_795_255_200) // 2026-11-21T10:00:00Z

    func record(_ category: String, for purpose: String?, at offset: TimeInterval) -> SealedRecord {
        SealedRecord(subject: SubjectID.generate(), category: category, id: RecordID.generate(), fields: [:],
                     createdAt: t0.addingTimeInterval(offset), updatedAt: t0.addingTimeInterval(offset), collectedFor: purpose)
    }

    func purposes(_ state: SubjectState) -> [String] {
        applicability.applications(state).map(\.purpose)
    }

    @Test func nothingAppliesToSomeoneWithoutHistory() {
        #expect(purposes(SubjectState()).isEmpty)
        #expect(applicability.groups(SubjectState()).isEmpty)
    }

    @Test func collectingForAPurposeMakesItApplySinceTheFirstRecord() throws {
        let state = SubjectState().collecting([record("contact", for: "service", at: 60), record("invoices", for: "bookkeeping", at: 120),
                                               record("invoices", for: "bookkeeping", at: 30)])
        #expect(purposes(state) == ["service", "bookkeeping"])
        let bookkeeping = try #require(applicability.application(of: Self.purpose("bookkeeping"), state: state))
        #expect(bookkeeping.since == t0.addingTimeInterval(30))
        #expect(bookkeeping.reasons == [.collected])
        #expect(state.collections["bookkeeping"]?.latest == t0.addingTimeInterval(120))
        #expect(applicability.groups(state) == ["customers"])
    }

    @Test func aConsentPurposeAppliesOnceConsentWasGiven() throws {
        let given = ConsentEvent(purpose: "newsletter", kind: .given, time: t0, policyVersion: "1", purposeHash: "h",
                                 statementHash: "s", method: .webForm, actor: "key_app")
        let refused = ConsentEvent(purpose: "newsletter", kind: .refused, time: t0, policyVersion: "1", purposeHash: "h",
                                   statementHash: "s", method: .webForm, actor: "key_app")
        // Collecting for it is no reason: only consent is.
        let collected = SubjectState().collecting([record("contact", for: "newsletter", at: 0)])
        #expect(!purposes(collected).contains("newsletter"))
        #expect(purposes(SubjectState(consents: ConsentLedger(events: [refused]))).isEmpty)
        let consented = SubjectState(consents: ConsentLedger(events: [given]))
        #expect(applicability.applications(consented) == [PurposeApplication(purpose: "newsletter", since: t0, reasons: [.consent])])
    }

    @Test func anEventStartsAPurposeAndAnotherEndsIt() throws {
        var state = SubjectState(events: ["contract_start": t0])
        #expect(purposes(state) == ["fraud_checks"])
        state.events["report_filed"] = t0.addingTimeInterval(3600)
        #expect(purposes(state) == ["fraud_checks", "moderation"])
        state.events["report_closed"] = t0.addingTimeInterval(7200)
        #expect(purposes(state) == ["fraud_checks"], "closed: moderation no longer applies")
        // A record collected for moderation before the closing is no reason either.
        state = state.collecting([record("contact", for: "moderation", at: 3600)])
        #expect(!purposes(state).contains("moderation"))
        // A new report after the closing starts it again, from then.
        state.events["report_filed"] = t0.addingTimeInterval(10_800)
        let moderation = try #require(applicability.application(of: Self.purpose("moderation"), state: state))
        #expect(moderation.since == t0.addingTimeInterval(10_800))
        #expect(moderation.reasons == [.event("report_filed")])
    }

    @Test func dataWrittenBeforePurposesWereRecordedCountsForEveryPurposeNotOnConsent() throws {
        let state = SubjectState().collecting([record("contact", for: nil, at: 0)])
        #expect(purposes(state) == ["service", "bookkeeping", "fraud_checks", "moderation"])
        #expect(applicability.applications(state).allSatisfy { $0.reasons == [.inherited] && $0.since == t0 })
    }

    @Test func reasonsReadAndWriteAsText() throws {
        for reason: PurposeApplication.Reason in [.collected, .consent, .event("report_filed"), .inherited] {
            #expect(PurposeApplication.Reason(reason.description) == reason)
        }
        #expect(PurposeApplication.Reason("guessed") == nil)
        let json = try JSONEncoder().encode(PurposeApplication(purpose: "service", since: t0, reasons: [.event("contract_start")]))
        #expect(String(decoding: json, as: UTF8.self).contains(#""event:contract_start""#))
    }
}
