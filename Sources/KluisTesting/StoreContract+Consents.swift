import Foundation
import KluisCore
import Testing

/// Consent (``ConsentStore``).
extension StoreContract {
    /// Consent events come back in the order they were appended, within one commit and across
    /// commits; the stale query finds exactly the people whose latest word was a consent to
    /// another description of the purpose; cookie choices come back per visitor, in order.
    public func consentsAndCookieChoicesRoundTrip() async throws {
        let store = try await prepared()
        let (current, old) = (String(repeating: "a", count: 64), String(repeating: "b", count: 64))
        func event(_ kind: ConsentEvent.Kind, _ hash: String, _ offset: TimeInterval, purpose: String = "newsletter") -> ConsentEvent {
            ConsentEvent(purpose: purpose, kind: kind, time: Self.t0.addingTimeInterval(offset), policyVersion: "1",
                         purposeHash: hash, statementHash: current, method: .paper, actor: "key_test")
        }
        let (stale, withdrew, renewed, objectedOnly) = (SubjectID.generate(), SubjectID.generate(), SubjectID.generate(), SubjectID.generate())
        let staleButObjected = SubjectID.generate()
        var changes: [StoreChange] = []
        for (index, id) in [stale, withdrew, renewed, objectedOnly, staleButObjected].enumerated() {
            changes += Self.subject(id, identifierIndex: UInt8(index + 1))
        }
        changes += [
            .appendConsent(stale, event(.given, old, 1)),
            .appendConsent(stale, event(.objected, current, 2, purpose: "reviews")),
            .appendConsent(staleButObjected, event(.given, old, 1)),
            .appendConsent(staleButObjected, event(.objected, current, 2)),
            .appendConsent(withdrew, event(.given, old, 1)),
            .appendConsent(withdrew, event(.withdrawn, current, 2)),
            .appendConsent(renewed, event(.given, old, 1)),
            .appendConsent(objectedOnly, event(.objected, old, 1)),
        ]
        try await store.commit(changes, audit: [Self.entry(nil, .consent)])
        try await store.commit([.appendConsent(renewed, event(.renewed, current, 3))], audit: [Self.entry(renewed, .consent)])

        let snapshot = try #require(try await store.snapshot(of: stale))
        #expect(snapshot.consents.map(\.kind) == [.given, .objected])
        #expect(snapshot.consents.first == event(.given, old, 1))
        #expect(try await store.snapshot(of: renewed)?.consents.map(\.kind) == [.given, .renewed])

        // Objections are another track: one to another purpose leaves a stale consent stale, one
        // to this purpose means the person is not asked again.
        #expect(try await store.subjectsWithStaleConsent(purpose: "newsletter", purposeHash: current, after: nil, limit: 10) == [stale])
        #expect(try await store.subjectsWithStaleConsent(purpose: "newsletter", purposeHash: current, after: stale, limit: 10) == [])
        #expect(try await store.subjectsWithStaleConsent(purpose: "reviews", purposeHash: current, after: nil, limit: 10) == [])

        let visitor = VisitorID.generate()
        let choices = [false, true].map { marketing in
            CookieChoice(visitor: visitor, time: Self.t0, expires: Self.t0.addingTimeInterval(86_400), policyVersion: "1",
                         allowed: ["essential": true, "marketing": marketing], globalPrivacyControl: false)
        }
        for choice in choices { try await store.commit([.recordCookieChoice(choice)], audit: []) }
        #expect(try await store.cookieChoices(of: visitor) == choices)
        #expect(try await store.cookieChoices(of: VisitorID.generate()) == [])
    }
}
