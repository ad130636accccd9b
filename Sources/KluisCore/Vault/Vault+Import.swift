/// Bulk imports.
extension Vault {
    /// Adds `subjects` `batchSize` at a time, each batch one transaction, in order; returns their
    /// ids in the input's order. Each batch is sealed while the one before it commits, so the
    /// encryption and the store's writing share the machine's cores instead of taking turns
    /// (measured by `kluis bench`). Stops at the first batch that cannot be prepared or
    /// written, with an ``ImportFailure`` that names it; the batches before it stay written.
    /// Once all is written, the store brings its planner's statistics up to date
    /// (``SubjectStore/refreshStatistics()``).
    public func importSubjects(_ subjects: [NewSubject], batchSize: Int, by principal: Principal) async throws -> [SubjectID] {
        precondition(batchSize > 0, "a batch holds at least one subject")
        var ids: [SubjectID] = []
        ids.reserveCapacity(subjects.count)
        var committing: (batch: Range<Int>, prepared: PreparedSubjects)?
        for start in stride(from: 0, to: subjects.count, by: batchSize) {
            let batch = start..<min(start + batchSize, subjects.count)
            let before = committing
            async let written = outcome { if let before { _ = try await self.commit(before.prepared) } }
            let prepared = await outcome { try await self.prepareSubjects(Array(subjects[batch]), by: principal) }
            // The batch before is settled first, so a failure names the first batch that failed.
            if case .failure(let error) = await written, let before {
                throw ImportFailure(batch: before.batch, written: ids.count, underlying: error)
            }
            ids += before?.prepared.ids ?? []
            switch prepared {
            case .success(let next): committing = (batch, next)
            case .failure(let error): throw ImportFailure(batch: batch, written: ids.count, underlying: error)
            }
        }
        if let committing {
            do {
                ids += try await commit(committing.prepared)
            } catch {
                throw ImportFailure(batch: committing.batch, written: ids.count, underlying: error)
            }
        }
        // What is imported is written: statistics only speed up what comes next, and the
        // database's own maintenance brings them up to date later if this fails.
        try? await store.refreshStatistics()
        return ids
    }

    /// What `work` returns or throws, as a value: an `async let` that is not awaited is
    /// cancelled, so both halves of a step are always awaited to the end.
    private func outcome<T: Sendable>(_ work: @Sendable () async throws -> T) async -> Result<T, any Error> {
        do { return .success(try await work()) } catch { return .failure(error) }
    }
}
