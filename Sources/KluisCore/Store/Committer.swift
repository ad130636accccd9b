import Foundation

/// The writer in front of the store: commits operations in groups. Operations that arrive while
/// a commit runs are committed together in the next transaction, so concurrent reads share one
/// audit write instead of waiting in line — and no caller returns before its audit event is
/// durable. The store chains the events, so any number of committers, in any number of
/// processes, may share one store.
public actor Committer {
    private let store: any VaultStore
    private var pending: [Job] = []
    private var draining = false

    struct Job {
        var changes: [StoreChange]
        var entries: [AuditEntry]
        var continuation: CheckedContinuation<[AuditEvent], any Error>
    }

    public init(store: any VaultStore) {
        self.store = store
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
        // A job alone is handed on as it is: joining copies every change, a bulk import's too.
        let (changes, entries) = jobs.count == 1 ? (jobs[0].changes, jobs[0].entries) : (jobs.flatMap(\.changes), jobs.flatMap(\.entries))
        var events = try await store.commit(changes, audit: entries)[...]
        for job in jobs {
            job.continuation.resume(returning: Array(events.prefix(job.entries.count)))
            events = events.dropFirst(job.entries.count)
        }
    }
}
