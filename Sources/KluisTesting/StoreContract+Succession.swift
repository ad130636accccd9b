import Foundation
import KluisCore
import Testing

/// A commit made after another (``SubjectStore/commit(_:audit:after:)``), as a bulk import's
/// batches are: it stands only once its predecessor has returned, is chained after it, and is
/// written not at all when the predecessor fails.
extension StoreContract {
    /// A commit whose predecessor fails leaves no trace: no person, no index entry, no event.
    public func aCommitAfterAFailedPredecessorWritesNothing() async throws {
        let store = try await prepared()
        let person = SubjectID.generate()
        await #expect(throws: (any Error).self) {
            try await store.commit(Self.subject(person, identifierIndex: 1), audit: [Self.entry(person, .createSubject)],
                                   after: { throw VaultError(.storeFailure, "the batch before failed") })
        }
        #expect(try await store.snapshot(of: person) == nil)
        #expect(try await store.identifierBinding(kind: .email, blindIndex: Data([1])) == nil)
        #expect(try await store.auditHead() == nil)
    }

    /// While its predecessor runs, a commit is not visible; made afterwards, its events follow
    /// the predecessor's in the chain, though it began first.
    public func aCommitAfterAnotherStandsAfterIt() async throws {
        let store = try await prepared()
        let (first, second) = (SubjectID.generate(), SubjectID.generate())
        let (later, release) = await Self.commitWaiting(second, identifierIndex: 2, on: store)
        #expect(try await store.snapshot(of: second) == nil, "not visible while its predecessor runs")
        let earlierEvents = try await store.commit(Self.subject(first, identifierIndex: 1), audit: [Self.entry(first, .createSubject)])
        release.yield()
        let laterEvents = try await later.value
        #expect(laterEvents.map(\.sequence) == [earlierEvents[0].sequence + 1])
        #expect(laterEvents.first?.previousHash == earlierEvents.first?.hash)
        #expect(try await store.snapshot(of: second) != nil)
        #expect(try await store.identifierBinding(kind: .email, blindIndex: Data([2]))?.subject == second.rawValue)
    }

    /// Two import batches that hold the same identifier, the later begun first: the earlier one
    /// is not kept waiting for the later one (which waits for it), and the later one fails on
    /// the identifier, as it would have one after the other.
    public func aCommitAfterAnotherWithTheSameIdentifierFailsOnIt() async throws {
        let store = try await prepared()
        let (first, second) = (SubjectID.generate(), SubjectID.generate())
        let (later, release) = await Self.commitWaiting(second, identifierIndex: 1, on: store)
        // Should the earlier commit wait for the later one, the watchdog lets the later one go
        // after a while, so that the test fails instead of hanging.
        let watchdog = Task {
            try await Task.sleep(for: .seconds(10))
            release.yield()
        }
        let earlier = await Task { try await store.commit(Self.subject(first, identifierIndex: 1), audit: [Self.entry(first, .createSubject)]) }.result
        watchdog.cancel()
        #expect((try? earlier.get()) != nil, "the earlier commit stands without waiting for the later one")
        release.yield()
        await #expect { try await later.value } throws: { ($0 as? VaultError)?.code == .identifierInUse }
        #expect(try await store.identifierBinding(kind: .email, blindIndex: Data([1]))?.subject == first.rawValue)
        #expect(try await store.snapshot(of: second) == nil)
        #expect(try await store.auditEvents(after: 0, subject: nil, limit: 10).compactMap(\.entry.subject) == [first])
    }

    /// Begins the commit that creates `person`, after a predecessor that returns once `release`
    /// is yielded; returns when the commit waits for it (or has ended without calling it).
    static func commitWaiting(_ person: SubjectID, identifierIndex: UInt8, on store: any VaultStore) async
        -> (commit: Task<[AuditEvent], any Error>, release: AsyncStream<Void>.Continuation) {
        let (waiting, nowWaiting) = AsyncStream<Void>.makeStream()
        let (released, release) = AsyncStream<Void>.makeStream()
        let commit = Task {
            defer { nowWaiting.finish() }
            return try await store.commit(subject(person, identifierIndex: identifierIndex), audit: [entry(person, .createSubject)], after: {
                nowWaiting.yield()
                for await _ in released { return }
            })
        }
        for await _ in waiting { break }
        return (commit, release)
    }
}
