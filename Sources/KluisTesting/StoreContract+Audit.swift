import Foundation
import KluisCore
import Testing

/// The audit chain (``AuditStore``).
extension StoreContract {
    /// Audit events are chained by the store, and come back in order, whole, filtered by subject.
    public func auditEventsComeBackInOrder() async throws {
        let store = try await prepared()
        let a = SubjectID.generate(), b = SubjectID.generate()
        let entries = [a, b, a, nil].map { Self.entry($0) }
        let first = try await store.commit([], audit: Array(entries[0..<2]))
        let second = try await store.commit([], audit: Array(entries[2...]))
        let events = AuditEvent.chain(entries, after: nil)
        #expect(first + second == events)
        #expect(try await store.commit([], audit: []).isEmpty)
        #expect(try await store.auditEvents(after: 0, subject: nil, limit: 10) == events)
        #expect(try await store.auditEvents(after: 1, subject: nil, limit: 2) == Array(events[1...2]))
        #expect(try await store.auditEvents(after: 0, subject: a, limit: 10).map(\.sequence) == [1, 3])
        #expect(try await store.auditHead() == events.last)
        #expect(try await store.auditEvents(after: 0, subject: nil, limit: 10).allSatisfy(\.isIntact))
    }

    /// Handles on one database committing at once, as several nodes do, make one unbroken chain.
    public func concurrentHandlesMakeOneChain() async throws {
        let open = try await makeDatabase()
        let handles = try await [open(), open(), open()]
        try await handles[0].prepare()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for (number, handle) in handles.enumerated() {
                group.addTask {
                    for round in 0..<20 {
                        // Every third commit carries a change: a read's audit-only commit and a
                        // write's transaction must extend the same chain, whichever comes first.
                        let changes: [StoreChange] = round % 3 == number ? [.createSubject(SubjectID.generate(), createdAt: Self.t0)] : []
                        try await handle.commit(changes, audit: [Self.entry(nil), Self.entry(nil)])
                    }
                }
            }
            try await group.waitForAll()
        }
        // A handle whose last event is no longer the newest chains after the newest one.
        for handle in [handles[0], handles[2], handles[0]] {
            try await handle.commit([], audit: [Self.entry(nil)])
        }
        let events = try await handles[1].auditEvents(after: 0, subject: nil, limit: 1000)
        var verifier = AuditVerifier()
        verifier.check(events)
        #expect(events.count == 123)
        #expect(events.map(\.sequence) == Array(1...123))
        #expect(verifier.isIntact)
        #expect(verifier.checked == 123)
    }

    /// Checkpoints follow one another: a second one after the same checkpoint is refused.
    public func checkpointsFollowOneAnother() async throws {
        let store = try await prepared()
        #expect(try await store.latestAuditCheckpoint() == nil)
        let first = AuditCheckpoint(sequence: 3, hash: Data([3]), previousSequence: 0, verifiedAt: Self.t0)
        let rival = AuditCheckpoint(sequence: 4, hash: Data([4]), previousSequence: 0, verifiedAt: Self.t0)
        let second = AuditCheckpoint(sequence: 9, hash: Data([9]), previousSequence: 3, verifiedAt: Self.t0.addingTimeInterval(1))
        #expect(try await store.addAuditCheckpoint(first))
        #expect(try await !store.addAuditCheckpoint(rival))
        #expect(try await store.addAuditCheckpoint(second))
        #expect(try await store.latestAuditCheckpoint() == second)
        #expect(try await store.auditCheckpoints(after: 0, limit: 10) == [first, second])
        #expect(try await store.auditCheckpoints(after: 3, limit: 10) == [second])
    }
}

extension StoreContract {
    /// The audit log searched newest first by any combination of filters, and counted per period.
    public func auditEventsAreSearchedAndCounted() async throws {
        let store = try await prepared()
        let jan = SubjectID.generate(), piet = SubjectID.generate()
        let entries = [
            AuditEntry(time: Self.t0, actor: "key_a", action: .read, subject: jan, purpose: "service"),
            AuditEntry(time: Self.t0 + 10, actor: "staff_b", action: .read, subject: piet, reason: "phone call", breakGlass: true),
            AuditEntry(time: Self.t0 + 20, actor: "key_a", action: .write, subject: jan),
            AuditEntry(time: Self.t0 + 30, actor: "staff_b", action: .signIn, outcome: .denied),
            AuditEntry(time: Self.t0 + 40, actor: "staff_b", action: .read, subject: jan, reason: "complaint", breakGlass: true),
        ]
        let events = try await store.commit([], audit: entries)
        func found(_ query: AuditQuery, before: Int64? = nil, limit: Int = 100) async throws -> [Int64] {
            try await store.auditEvents(matching: query, before: before, limit: limit).map(\.sequence)
        }
        let all = events.map(\.sequence)
        #expect(try await found(AuditQuery()) == all.reversed())
        #expect(try await found(AuditQuery(subject: jan)) == [all[4], all[2], all[0]])
        #expect(try await found(AuditQuery(actor: "staff_b", action: .read)) == [all[4], all[1]])
        #expect(try await found(AuditQuery(breakGlassOnly: true)) == [all[4], all[1]])
        #expect(try await found(AuditQuery(from: Self.t0 + 10, until: Self.t0 + 30)) == [all[2], all[1]])
        #expect(try await found(AuditQuery(subject: jan), before: all[2]) == [all[0]])
        #expect(try await found(AuditQuery(), limit: 2) == [all[4], all[3]])
        #expect(try await found(AuditQuery(actor: "nobody")).isEmpty)
        #expect(try await store.auditEvents(matching: AuditQuery(action: .signIn), before: nil, limit: 1).first?.entry == entries[3])

        let tallies = try await store.auditTallies(from: Self.t0 + 10, until: Self.t0 + 41)
        #expect(Set(tallies) == [
            AuditTally(action: .read, outcome: .allowed, breakGlass: true, count: 2),
            AuditTally(action: .write, outcome: .allowed, breakGlass: false, count: 1),
            AuditTally(action: .signIn, outcome: .denied, breakGlass: false, count: 1),
        ])
    }
}
