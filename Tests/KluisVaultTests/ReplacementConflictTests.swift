import Foundation
import KluisCore
import KluisTesting
import Testing

/// Staff acting on one request or breach at the same moment, on one node or on two: every step
/// is kept. A step prepared on what another step has just changed finds it changed when it
/// commits, reads it again and is checked and applied anew, as if the two had run one after the
/// other.
@Suite struct ReplacementConflictTests {
    static let admin = VaultFixture.admin

    /// Another node asks for identification while staff here reject the request: the rejection
    /// was prepared on the request as received, finds it changed at its commit, and is applied
    /// to the request as it now stands; the other node's step stays in the history.
    @Test(arguments: StoreKind.enabled)
    func aStepStoredMeanwhileStaysInTheRequestsHistory(store kind: StoreKind) async throws {
        let fixture = try await VaultFixture(store: kind)
        let person = try await fixture.makeSubject()
        let submitted = try await fixture.vault.requests.submit(RequestSubmission(type: .access, subject: person, channel: .email), by: Self.admin)
        var asked = submitted.request
        try asked.move(to: .awaitingIdentification, at: fixture.clock.now(), by: "staff_elsewhere")
        let body = asked.encoded().map { String(format: "%02x", $0) }.joined()
        let literal = fixture.postgresLocation == nil ? "X'\(body)'" : "'\\x\(body)'::bytea"
        let holder = try await HeldTransaction.begin(on: fixture, [
            "UPDATE requests SET state = '\(asked.state.rawValue)', body = \(literal) WHERE id = '\(asked.id.rawValue)'",
        ])
        let (requests, id) = (fixture.vault.requests, asked.id)
        let rejection = Task { try await requests.reject(id, reason: "the same request was answered last week", by: Self.admin) }
        try await holder.commitOnceWaitedFor(orAfter: .seconds(0.5))
        let rejected = try await rejection.value
        #expect(rejected.request.history.map(\.state) == [.received, .awaitingIdentification, .rejected])
        #expect(try await fixture.vault.requests.status(of: asked.id).request == rejected.request)
        let steps = try await fixture.vault.auditEvents(limit: 100).compactMap { $0.entry.action == .request ? $0.entry.reason : nil }
        #expect(steps == ["\(asked.id) access received", "\(asked.id) access rejected"], "the refused attempt left nothing in the audit log")
    }

    /// Three follow-up notifications of one breach recorded at once: each is kept.
    @Test(arguments: StoreKind.enabled)
    func notificationsRecordedAtOnceAreAllKept(store kind: StoreKind) async throws {
        let fixture = try await VaultFixture(store: kind)
        let breaches = fixture.vault.breaches
        let aware = fixture.clock.now() - 3600
        let report = BreachReport(summary: "A laptop with client files was stolen from a car.", incident: .stolenDevice, nature: [.theft],
                                  timeline: Breach.Timeline(discoveredAt: aware, awareAt: aware),
                                  reporter: Breach.Contact(name: "Fleur de Vries", jobTitle: "owner", phone: "06 1234 5678"),
                                  dataKinds: [.nameAddress], categories: ["contact"])
        let breach = try await breaches.open(report, by: Self.admin)
        try await breaches.recordNotification(breach.id, phase: .first, reference: "AP-1", by: Self.admin)
        let references = ["AP-2", "AP-3", "AP-4"]
        try await withThrowingTaskGroup(of: Breach.self) { group in
            for reference in references {
                group.addTask { try await breaches.recordNotification(breach.id, phase: .followUp, reference: reference, by: Self.admin) }
            }
            try await group.waitForAll()
        }
        let stored = try await breaches.breach(breach.id)
        #expect(stored.notifications.map(\.phase) == [.first, .followUp, .followUp, .followUp])
        #expect(Set(stored.notifications.compactMap(\.reference)) == Set(["AP-1"] + references))
        let steps = try await fixture.vault.auditEvents(limit: 100).compactMap { $0.entry.action == .breach ? $0.entry.reason : nil }
        #expect(steps.filter { $0.hasSuffix("notified (follow_up)") }.count == references.count)
    }
}
