/// Bulk imports.
extension Vault {
    /// Adds `subjects` `batchSize` at a time, each batch one transaction, in order; returns their
    /// ids in the input's order. The batches overlap: each is sealed while the two before it
    /// are written, and written while the one before it commits
    /// (``SubjectStore/commit(_:audit:after:)``), so the encryption and the store's writing
    /// share the machine's cores instead of taking turns (measured by `kluis bench`). Stops at
    /// the first batch that cannot be prepared or written, with an ``ImportFailure`` that names
    /// it; the batches before it stay written, and none after it is. Once all is written, the
    /// store brings its planner's statistics up to date (``SubjectStore/refreshStatistics()``).
    public func importSubjects(_ subjects: [NewSubject], batchSize: Int, by principal: Principal) async throws -> [SubjectID] {
        precondition(batchSize > 0, "a batch holds at least one subject")
        var ids: [SubjectID] = []
        ids.reserveCapacity(subjects.count)
        // The batches being written, oldest first: at most two, each committing after the one
        // before it.
        var writing: [(batch: Range<Int>, commit: Task<[SubjectID], any Error>)] = []
        /// Waits for the oldest batch being written; on its failure, for the rest, which then
        /// fail too, so that nothing is written after the import has returned.
        func settleOldest() async throws {
            let (batch, commit) = writing.removeFirst()
            do {
                ids += try await commit.value
            } catch {
                for (_, later) in writing { _ = await later.result }
                writing = []
                throw ImportFailure(batch: batch, written: ids.count, underlying: error)
            }
        }
        for start in stride(from: 0, to: subjects.count, by: batchSize) {
            let batch = start..<min(start + batchSize, subjects.count)
            // Cancelled, the import stops as at a batch that failed: the batches being written
            // end first (each is one short transaction), and none is begun after them.
            let prepared = Task.isCancelled
                ? .failure(CancellationError())
                : await outcome { try await self.prepareSubjects(Array(subjects[batch]), by: principal) }
            if writing.count == 2 { try await settleOldest() }
            let next: PreparedSubjects
            switch prepared {
            case .success(let value):
                next = value
            case .failure(let error):
                // The batches before are settled first, so a failure names the first batch that failed.
                while !writing.isEmpty { try await settleOldest() }
                throw ImportFailure(batch: batch, written: ids.count, underlying: error)
            }
            let (store, predecessor) = (store, writing.last?.commit)
            writing.append((batch, Task {
                try await store.commit(next.changes, audit: next.entries, after: { _ = try await predecessor?.value })
                return next.ids
            }))
        }
        while !writing.isEmpty { try await settleOldest() }
        // What is imported is written: statistics only speed up what comes next, and the
        // database's own maintenance brings them up to date later if this fails.
        try? await store.refreshStatistics()
        return ids
    }

    /// What `work` returns or throws, as a value: a batch that cannot be prepared is reported
    /// only once the batches before it are settled.
    private func outcome<T: Sendable>(_ work: @Sendable () async throws -> T) async -> Result<T, any Error> {
        do { return .success(try await work()) } catch { return .failure(error) }
    }
}
