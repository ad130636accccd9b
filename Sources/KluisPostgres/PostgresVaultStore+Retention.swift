import Foundation
import KluisCore
import Logging
import NIOCore
import PostgresNIO

/// Sweeps, anonymous records, and the reduction of the vault's own logs.
extension PostgresVaultStore {
    public func subjects(after: SubjectID?, limit: Int) async throws -> [SubjectID] {
        try await guarded {
            try await client.query("SELECT subject_id FROM subjects WHERE subject_id > \(after?.rawValue ?? "") AND NOT erased ORDER BY subject_id LIMIT \(limit)",
                                   logger: logger).decode(String.self).all().compactMap(SubjectID.init(rawValue:))
        }
    }

    /// Works set-based inside the server, as the SQLite sweep does: the due rows are claimed with
    /// `FOR UPDATE SKIP LOCKED` (so that sweeps on several nodes take disjoint batches) and
    /// deleted by their row addresses (`ctid`, stable while the rows are locked; a join on the
    /// primary key measured four times slower) in one statement that keeps what it deleted in a
    /// temporary table for the steps after. No row's identity travels to Kluis and back, but for
    /// the records to anonymise: they come out with their fields, to be opened here.
    public func sweep(dueBy now: Date, limit: Int, anonymise: @Sendable (DueRecord) throws -> AnonymousRecord?,
                      audit: @Sendable (SweepTally) -> [AuditEntry]) async throws -> SweepTally {
        try await guarded {
            try await client.withTransaction(logger: logger) { connection in
                let anonymised = try await Self.anonymiseDue(by: now, limit: limit, with: anonymise, on: connection, logger: logger)
                try await connection.query("""
                    CREATE TEMPORARY TABLE swept (subject_id text, category text, purpose text, action text) ON COMMIT DROP
                    """, logger: logger)
                try await connection.query("""
                    WITH claimed AS (
                        SELECT ctid FROM records
                        WHERE erase_by <= \(now.timeIntervalSince1970) AND erase_action IS DISTINCT FROM 'anonymise' AND \(unescaped: Self.notShredded)
                        ORDER BY erase_by LIMIT \(limit - anonymised.count) FOR UPDATE SKIP LOCKED
                    ), gone AS (
                        DELETE FROM records r WHERE r.ctid = ANY (ARRAY(SELECT ctid FROM claimed) || \(anonymised)::tid[])
                        RETURNING r.subject_id, r.category, r.erase_purpose, r.erase_action
                    )
                    INSERT INTO swept SELECT * FROM gone
                    """, logger: logger)
                var tally = SweepTally(counts: try await Self.counts(
                    connection.query("SELECT purpose, category, action, count(*) FROM swept GROUP BY 1, 2, 3", logger: logger)))
                guard tally.records > 0 else { return SweepTally() }
                // The (person, category) pairs the batch emptied, worked out once, as on SQLite:
                // only their keys can go, and only a person with an emptied pair can be left with
                // nothing. One probe of `records` a pair, where the keys' lock, their delete and the
                // people each probed every pair of the batch: 45-47% of a raw `DELETE` instead of
                // 22-24% (docs/benchmarks.md). Probed in order, the index's upper pages stay cached.
                try await connection.query("""
                    CREATE TEMPORARY TABLE emptied ON COMMIT DROP AS
                    SELECT d.subject_id, d.category FROM (SELECT DISTINCT subject_id, category FROM swept ORDER BY 1, 2) d
                    WHERE NOT EXISTS (SELECT 1 FROM records r WHERE r.subject_id = d.subject_id AND r.category = d.category)
                    """, logger: logger)
                // A write commits its records with the key they were sealed under held `FOR
                // SHARE`. The emptied pairs' keys are locked first (in one order, so that two
                // sweeps do not deadlock), and the delete, a statement of its own, looks again
                // with what committed while it waited: a record written meanwhile keeps its key.
                try await connection.query("""
                    SELECT 1 FROM data_keys k JOIN emptied d ON k.subject_id = d.subject_id AND k.category = d.category
                    ORDER BY k.subject_id, k.category FOR UPDATE OF k
                    """, logger: logger)
                try await connection.query("""
                    DELETE FROM data_keys k USING emptied d
                    WHERE k.subject_id = d.subject_id AND k.category = d.category
                      AND NOT EXISTS (SELECT 1 FROM records r WHERE r.subject_id = d.subject_id AND r.category = d.category)
                    """, logger: logger)
                let emptied = try await Self.lockEmptied(connection.query("""
                    SELECT s.subject_id FROM (SELECT DISTINCT subject_id FROM emptied) s
                    WHERE NOT EXISTS (SELECT 1 FROM records r WHERE r.subject_id = s.subject_id)
                    """, logger: logger).decode(String.self).all(), on: connection, logger: logger)
                if !emptied.isEmpty {
                    try await connection.query("""
                        DELETE FROM identifier_index WHERE (kind, blind_index) IN
                            (SELECT kind, blind_index FROM identifiers WHERE subject_id = ANY(\(emptied)))
                        """, logger: logger)
                    try await connection.query("UPDATE cookie_choices SET subject_id = NULL WHERE subject_id = ANY(\(emptied))", logger: logger)
                    try await connection.query("DELETE FROM subjects WHERE subject_id = ANY(\(emptied))", logger: logger)
                }
                tally.subjectsRemoved = emptied.count
                try await appendAudit(audit(tally), on: connection)
                return tally
            }
        }
    }

    /// Of the people that looked left with nothing, those still so once locked: a write that
    /// adds a record holds its person's row (the foreign key's `FOR KEY SHARE`) until it commits,
    /// so the look again, a statement of its own, sees its record. A write that comes after the
    /// lock waits for it, and finds its person gone.
    static func lockEmptied(_ candidates: [String], on connection: PostgresConnection, logger: Logger) async throws -> [String] {
        guard !candidates.isEmpty else { return [] }
        try await connection.query("SELECT 1 FROM subjects WHERE subject_id = ANY(\(candidates)) ORDER BY subject_id FOR UPDATE", logger: logger)
        return try await connection.query("""
            SELECT s FROM UNNEST(\(candidates)) AS s WHERE NOT EXISTS (SELECT 1 FROM records r WHERE r.subject_id = s)
            """, logger: logger).decode(String.self).all()
    }

    /// Leaves out of a query on `records` the records an erasure shredded: they are the purge's.
    /// The table is empty but for erasures the purge has not finished, so the probe is cheap.
    static let notShredded = "NOT EXISTS (SELECT 1 FROM shredded s WHERE s.subject_id = records.subject_id AND s.category = records.category)"

    /// Claims shredded records with `FOR UPDATE SKIP LOCKED`, so purges on several nodes take
    /// disjoint rows, and deletes them by row address; then what their purge finishes: the marks
    /// of categories with no record left, and people erased whole with none left, whose
    /// remaining rows cascade.
    public func purgeShredded(limit: Int) async throws -> PurgeTally {
        try await guarded {
            try await client.withTransaction(logger: logger) { connection in
                let deleted = try await connection.query("""
                    WITH claimed AS (
                        SELECT r.ctid FROM shredded s JOIN records r ON r.subject_id = s.subject_id AND r.category = s.category
                        LIMIT \(limit) FOR UPDATE OF r SKIP LOCKED
                    ), gone AS (
                        DELETE FROM records r WHERE r.ctid = ANY (ARRAY(SELECT ctid FROM claimed)) RETURNING 1
                    )
                    SELECT count(*) FROM gone
                    """, logger: logger).decode(Int64.self).all().first ?? 0
                try await connection.query("""
                    DELETE FROM shredded s
                    WHERE NOT EXISTS (SELECT 1 FROM records r WHERE r.subject_id = s.subject_id AND r.category = s.category)
                    """, logger: logger)
                let removed = try await connection.query("""
                    WITH gone AS (
                        DELETE FROM subjects WHERE erased AND NOT EXISTS (SELECT 1 FROM shredded s WHERE s.subject_id = subjects.subject_id)
                        RETURNING 1)
                    SELECT count(*) FROM gone
                    """, logger: logger).decode(Int64.self).all().first ?? 0
                return PurgeTally(records: Int(deleted), subjectsRemoved: Int(removed))
            }
        }
    }

    /// Claims the due records to anonymise, at most `limit`, and keeps what `anonymise` makes
    /// of them; returns the row address of every record claimed, for the sweep to delete with the
    /// rest (one whose fields cannot be read is deleted without an anonymous copy).
    static func anonymiseDue(by now: Date, limit: Int, with anonymise: @Sendable (DueRecord) throws -> AnonymousRecord?,
                             on connection: PostgresConnection, logger: Logger) async throws -> [String] {
        let rows = try await connection.query("""
            SELECT ctid::text, subject_id, category, record_id, erase_purpose, fields, created_at, updated_at, erase_by
            FROM records WHERE erase_by <= \(now.timeIntervalSince1970) AND erase_action = 'anonymise' AND \(unescaped: notShredded)
            ORDER BY erase_by LIMIT \(limit) FOR UPDATE SKIP LOCKED
            """, logger: logger)
        var claimed: [String] = []
        var due: [SealedRecord] = []
        for try await (address, subject, category, record, purpose, fields, created, updated, eraseBy)
            in rows.decode((String, String, String, String, String?, Data, Double, Double, Double).self) {
            claimed.append(address)
            guard let id = SubjectID(rawValue: subject), let recordID = RecordID(rawValue: record),
                  let fields = SealedRecord.decodeFields(fields) else { continue }
            due.append(SealedRecord(subject: id, category: category, id: recordID, fields: fields,
                                    createdAt: Date(timeIntervalSince1970: created), updatedAt: Date(timeIntervalSince1970: updated),
                                    schedule: ErasureSchedule(eraseBy: Date(timeIntervalSince1970: eraseBy), action: .anonymise, purpose: purpose)))
        }
        if !due.isEmpty { try await Self.anonymise(due, with: anonymise, on: connection, logger: logger) }
        return claimed
    }

    /// Opens the records with their subjects' keys through `anonymise`, and keeps the results.
    static func anonymise(_ records: [SealedRecord], with anonymise: @Sendable (DueRecord) throws -> AnonymousRecord?,
                          on connection: PostgresConnection, logger: Logger) async throws {
        var keys: [String: StoredDataKey] = [:]
        let rows = try await connection.query("""
            SELECT k.subject_id, k.category, k.wrapped, k.root_key_id
            FROM data_keys k JOIN UNNEST(\(records.map(\.subject.rawValue)), \(records.map(\.category))) AS d (s, c)
              ON k.subject_id = d.s AND k.category = d.c
            """, logger: logger)
        for try await (subject, category, wrapped, root) in rows.decode((String, String, Data, String).self) {
            guard let id = SubjectID(rawValue: subject) else { continue }
            keys["\(subject)\u{0}\(category)"] = StoredDataKey(subject: id, category: category, wrapped: wrapped, rootKeyID: root)
        }
        let anonymous = try records.compactMap { record in
            try anonymise(DueRecord(record: record, dataKey: keys["\(record.subject.rawValue)\u{0}\(record.category)"]))
        }
        guard !anonymous.isEmpty else { return }
        try await connection.query("""
            INSERT INTO anonymous_records (category, body)
            SELECT * FROM UNNEST(\(anonymous.map(\.category)), \(anonymous.map { ByteBuffer(bytes: $0.encoded()) }))
            """, logger: logger)
    }

    public func dueTally(dueBy now: Date) async throws -> SweepTally {
        try await guarded {
            let rows = try await client.query("""
                SELECT erase_purpose, category, erase_action, count(*) FROM records
                WHERE erase_by <= \(now.timeIntervalSince1970) AND \(unescaped: Self.notShredded)
                GROUP BY erase_purpose, category, erase_action
                """, logger: logger)
            return SweepTally(counts: try await Self.counts(rows))
        }
    }

    /// Counts read from rows of purpose, category, action and number of records.
    static func counts(_ rows: PostgresRowSequence) async throws -> [SweepTally.Count] {
        var counts: [SweepTally.Count] = []
        for try await (purpose, category, action, count) in rows.decode((String?, String, String, Int64).self) {
            counts.append(SweepTally.Count(purpose: purpose, category: category, action: RetentionAction(rawValue: action) ?? .delete,
                                           records: Int(count)))
        }
        return counts
    }

    public func anonymousRecords(category: String?, limit: Int) async throws -> [AnonymousRecord] {
        try await guarded {
            try await client.query("""
                SELECT body FROM anonymous_records WHERE \(category)::text IS NULL OR category = \(category) ORDER BY seq LIMIT \(limit)
                """, logger: logger).decode(Data.self).all().compactMap(AnonymousRecord.decode)
        }
    }

    public func reduceAudit(before cutoff: Date, through sequence: Int64, audit: @Sendable (Int) -> [AuditEntry]) async throws -> Int {
        try await guarded {
            try await client.withTransaction(logger: logger) { connection in
                let count = try await connection.query("""
                    WITH reduced AS (
                        UPDATE audit SET actor = '', subject_id = NULL, categories = '', purpose = NULL, reason = NULL,
                                         break_glass = false, reduced = true
                        WHERE NOT reduced AND at < \(cutoff.timeIntervalSince1970) AND seq <= \(sequence) RETURNING 1)
                    SELECT count(*) FROM reduced
                    """, logger: logger).decode(Int64.self).all().first ?? 0
                try await appendAudit(audit(Int(count)), on: connection)
                return Int(count)
            }
        }
    }

    public func deleteRequests(closedBefore cutoff: Date, audit: @Sendable (Int) -> [AuditEntry]) async throws -> Int {
        try await guarded {
            try await client.withTransaction(logger: logger) { connection in
                let count = try await connection.query("""
                    WITH deleted AS (DELETE FROM requests WHERE closed_at < \(cutoff.timeIntervalSince1970) RETURNING 1)
                    SELECT count(*) FROM deleted
                    """, logger: logger).decode(Int64.self).all().first ?? 0
                try await appendAudit(audit(Int(count)), on: connection)
                return Int(count)
            }
        }
    }
}
