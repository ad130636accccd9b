import Foundation
import KluisCore
import KluisTesting
import Testing

/// The consent state derived from events, and what it does to retention and the purpose gate,
/// as pure functions of the policy, the events and a fixed time.
@Suite struct ConsentStateTests {
    let policy = try! PolicyDocument(text: PolicyFixture.withConsent().yaml).validPolicy()
    let t0 = Date(timeIntervalSince1970: 1_795_255_200) // 2026-11-21T10:00:00Z

    func event(_ purpose: String, _ kind: ConsentEvent.Kind, at offset: TimeInterval, hash: String) -> ConsentEvent {
        ConsentEvent(purpose: purpose, kind: kind, time: t0.addingTimeInterval(offset), policyVersion: "1.0", purposeHash: hash,
                     statementHash: hash, method: .webForm, actor: "key_test")
    }

    @Test func theLatestDecisionPerPurposeAndTrackDecides() throws {
        let gate = PurposeGate(policy: policy)
        let hash = try #require(gate.terms.purposeHashes["newsletter"])
        let newsletter = try #require(policy.purpose("newsletter")), fraud = try #require(policy.purpose("fraud_checks"))
        let service = try #require(policy.purpose("service"))
        var ledger = ConsentLedger(events: [])
        #expect(gate.refusal(of: newsletter, state: SubjectState(consents: ledger)) == .noConsent(.notAsked))
        // A purpose not on consent applies once data was collected for it, and only then.
        #expect(gate.refusal(of: service, state: SubjectState(consents: ledger)) == .notApplicable)
        let collected = SubjectState(consents: ledger, collections: ["service": .init(first: t0, latest: t0)])
        #expect(gate.refusal(of: service, state: collected) == nil)
        ledger = ConsentLedger(events: [event("newsletter", .given, at: 0, hash: hash)])
        #expect(gate.refusal(of: newsletter, state: SubjectState(consents: ledger)) == nil)
        ledger = ConsentLedger(events: ledger.events + [event("fraud_checks", .objected, at: 1, hash: hash)])
        #expect(gate.refusal(of: newsletter, state: SubjectState(consents: ledger)) == nil)
        #expect(gate.refusal(of: fraud, state: SubjectState(consents: ledger)) == .objected)
        ledger = ConsentLedger(events: ledger.events + [event("newsletter", .expired, at: 2, hash: hash)])
        #expect(gate.refusal(of: newsletter, state: SubjectState(consents: ledger)) == .noConsent(.expired))
        ledger = ConsentLedger(events: [event("newsletter", .given, at: 0, hash: String(repeating: "0", count: 64))])
        #expect(gate.refusal(of: newsletter, state: SubjectState(consents: ledger)) == .noConsent(.stale))
        #expect(!gate.mayObject(to: service) && gate.mayObject(to: newsletter) && gate.mayObject(to: fraud))
    }

    @Test func aWithdrawalStartsTheClockOfItsOwnPurposeOnly() throws {
        let clock = RetentionClock(fiscalYearEnd: policy.controller.fiscalYearEnd)
        let record = SealedRecord(subject: SubjectID.generate(), category: "contact", id: RecordID.generate(), fields: [:],
                                  createdAt: t0, updatedAt: t0)
        let terms = RetentionRule.Terms(anchor: .consentWithdrawn, duration: ISODuration(months: 1))
        let ledger = ConsentLedger(events: [event("newsletter", .given, at: 0, hash: ""), event("newsletter", .withdrawn, at: 86_400 * 10, hash: "")])
        let state = SubjectState(consents: ledger)
        // Withdrawn on 1 December: one month later, 1 January.
        #expect(clock.expiry(of: record, terms: terms, state: state, purpose: "newsletter")
            == Date(timeIntervalSince1970: 1_795_255_200 + 86_400 * 41))
        #expect(clock.expiry(of: record, terms: terms, state: state, purpose: "reviews") == nil)
    }

    @Test func aPurposeFingerprintIgnoresRetentionButNotText() throws {
        let base = PurposeGate(policy: policy).terms.purposeHashes["newsletter"]
        var longer = PolicyFixture.withConsent()
        longer.purposes = longer.purposes.replacingOccurrences(of: "{anchor: consent_withdrawn, duration: P0D, then: delete}",
                                                               with: "{anchor: consent_withdrawn, duration: P1M, then: delete}")
        let retentionChanged = try PolicyDocument(text: longer.yaml).validPolicy()
        #expect(PurposeGate(policy: retentionChanged).terms.purposeHashes["newsletter"] == base)
        let textChanged = try PolicyDocument(text: PolicyFixture.withConsent(newsletterText: "Something else.").yaml).validPolicy()
        #expect(PurposeGate(policy: textChanged).terms.purposeHashes["newsletter"] != base)
        #expect(PurposeGate(policy: textChanged).terms.purposeHashes["service"] == PurposeGate(policy: policy).terms.purposeHashes["service"])
    }
}
