import Foundation

/// The single writer in front of the store: chains audit events and commits operations in
/// groups. Operations that arrive while a commit runs are committed together in the next
/// transaction, so concurrent reads share one audit write instead of waiting in line — and no
/// caller returns before its audit event is durable.
public actor Committer {
    private let store: any VaultStore
    private var head: (sequence: Int64, hash: Data)
    private var pending: [Job] = []
    private var draining = false

    struct Job {
        var changes: [StoreChange]
        var entries: [AuditEntry]
        var continuation: CheckedContinuation<[AuditEvent], any Error>
    }

    /// Continues the chain from the store's last audit event.
    public init(store: any VaultStore) async throws {
        self.store = store
        if let last = try await store.auditHead() {
            head = (last.sequence, last.hash)
        } else {
            head = (0, AuditEvent.genesisHash)
        }
    }

    /// Commits `changes` with the audit `entries` that record them; returns the chained events.
    @discardableResult
    public func commit(_ changes: [StoreChange], audit entries: [AuditEntry]) async throws -> [AuditEvent] {
        try await withCheckedThrowingContinuation { continuation in
            pending.append(Job(changes: changes, entries: entries, continuation: continuation))
            if !draining {
                draining = true
                Task { await self.drain() }
            }
        }
    }

    private func drain() async {
        while !pending.isEmpty {
            let jobs = pending
            pending = []
            do {
                try await commitTogether(jobs)
            } catch where jobs.count > 1 {
                // One bad job must not fail its neighbours: retry each on its own.
                for job in jobs {
                    do { try await commitTogether([job]) } catch { job.continuation.resume(throwing: error) }
                }
            } catch {
                jobs[0].continuation.resume(throwing: error)
            }
        }
        draining = false
    }

    /// Commits `jobs` in one transaction and resumes them; throws without resuming on failure.
    private func commitTogether(_ jobs: [Job]) async throws {
        var sequence = head.sequence
        var hash = head.hash
        var chained: [[AuditEvent]] = []
        for job in jobs {
            var events: [AuditEvent] = []
            for entry in job.entries {
                sequence += 1
                let event = AuditEvent(sequence: sequence, entry: entry, after: hash)
                hash = event.hash
                events.append(event)
            }
            chained.append(events)
        }
        try await store.commit(jobs.flatMap(\.changes), audit: chained.flatMap { $0 })
        head = (sequence, hash)
        for (job, events) in zip(jobs, chained) { job.continuation.resume(returning: events) }
    }
}
