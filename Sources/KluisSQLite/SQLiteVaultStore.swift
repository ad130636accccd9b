import Foundation
import GRDB
import KluisCore

/// The embedded store: one SQLite file in WAL mode, through a GRDB `DatabasePool` (one writer,
/// concurrent readers). The store owns its schema and migrations.
public final class SQLiteVaultStore: VaultStore {
    let pool: DatabasePool
    /// People's reads, served in turns on reader connections (see ``snapshotTurns(on:maximum:)``).
    let snapshots: Turns<SnapshotRequest, SubjectSnapshot?>
    /// In memory: an embedded store serves one node, and a rate limit need not survive a restart.
    let throttles = MemoryThrottles()

    /// Opens (creating when absent) the database at `path`.
    public init(path: String) throws {
        var configuration = Configuration()
        // Never put statement arguments (sealed values, blind indexes) into error messages.
        configuration.publicStatementArguments = false
        // Another process (`kluis apikey create` beside a running server) may hold the write
        // lock for a moment: wait for it rather than fail.
        configuration.busyMode = .timeout(10)
        configuration.prepareDatabase { db in
            // WAL with NORMAL sync is durable across application crashes, and a page cache of
            // 64 MiB keeps the hot index pages in memory (measured by `kluis bench`).
            // secure_delete zeroes what a delete or an update frees, so an erased or masked
            // value does not linger in the file's free space.
            try db.execute(sql: "PRAGMA synchronous = NORMAL; PRAGMA cache_size = -65536; PRAGMA foreign_keys = ON; PRAGMA secure_delete = ON")
        }
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
        } catch {
            throw VaultError(.storeFailure, "cannot open the database file: \(Self.describe(error))")
        }
        // A turn per core, leaving a reader for everything else (measured with two turns on two
        // cores: docs/benchmarks.md).
        snapshots = Self.snapshotTurns(on: pool, maximum: min(ProcessInfo.processInfo.activeProcessorCount,
                                                              configuration.maximumReaderCount - 1))
    }

    public func prepare() async throws {
        try await guarded { try Self.migrator.migrate(self.pool) }
    }

    public func metadata(_ key: String) async throws -> Data? {
        try await guarded {
            try await self.pool.read { db in
                try Data.fetchOne(db, sql: "SELECT value FROM metadata WHERE key = ?", arguments: [key])
            }
        }
    }

    public func setMetadata(_ values: [String: Data]) async throws {
        try await guarded {
            try await self.pool.write { db in
                for (key, value) in values {
                    try db.execute(sql: "INSERT INTO metadata (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                                   arguments: [key, value])
                }
            }
        }
    }

    public func setMetadata(_ values: [String: Data], ifCurrent key: String, is expected: Data?) async throws -> Bool {
        try await guarded {
            try await self.pool.write { db in
                guard try Data.fetchOne(db, sql: "SELECT value FROM metadata WHERE key = ?", arguments: [key]) == expected else {
                    return false
                }
                for (key, value) in values {
                    try db.execute(sql: "INSERT INTO metadata (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                                   arguments: [key, value])
                }
                return true
            }
        }
    }

    /// SQLite has one writer at a time, across processes too: the head read inside the write
    /// transaction is the chain's head.
    public func commit(_ changes: [StoreChange], audit entries: [AuditEntry]) async throws -> [AuditEvent] {
        let revisions = try SubjectRevisions(changes)
        let events = try await guarded {
            try await self.pool.write { db in
                var fresh = revisions.created
                for change in changes { try Self.apply(change, in: db, fresh: &fresh) }
                try Self.countUp(revisions, in: db)
                return try Self.appendAudit(entries, in: db)
            }
        }
        if changes.contains(where: { if case .journalErasure = $0 { true } else { false } }) {
            await checkpoint()
        }
        return events
    }

    /// Copies the write-ahead log into the database file and empties it, so that what an
    /// erasure deleted or masked is not left in the log's older page images. Best effort: a
    /// long reader can keep it from completing, and the next erasure tries again.
    func checkpoint() async {
        _ = try? await pool.writeWithoutTransaction { db in try db.checkpoint(.truncate) }
    }

    /// Checks the subjects the commit expects and counts up the revision of every subject it
    /// changed, inside the caller's write transaction: the writer is alone in it, so a subject
    /// still at its expected revision here stays so until the commit.
    static func countUp(_ revisions: SubjectRevisions, in db: Database) throws {
        for (subject, revision) in revisions.expected {
            try db.cachedStatement(sql: "UPDATE subjects SET revision = revision + 1 WHERE id = ? AND revision = ?")
                .execute(arguments: [subject.rawValue, revision])
            guard db.changesCount == 1 else { throw VaultError.preparedOnChangedState }
        }
        for subject in revisions.changed {
            try db.cachedStatement(sql: "UPDATE subjects SET revision = revision + 1 WHERE id = ?").execute(arguments: [subject.rawValue])
        }
    }

    /// Chains `entries` after the head and appends them, inside the caller's write transaction.
    @discardableResult
    static func appendAudit(_ entries: [AuditEntry], in db: Database) throws -> [AuditEvent] {
        guard !entries.isEmpty else { return [] }
        let head = try Row.fetchOne(db.cachedStatement(sql: "SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1"))
            .map { row -> (sequence: Int64, hash: Data) in (row[0], row[1]) }
        let events = AuditEvent.chain(entries, after: head)
        for event in events { try append(event, in: db) }
        return events
    }

    /// Nothing to do: SQLite plans a person's read from the indexes alone, and was measured so.
    public func refreshStatistics() async throws {}

    /// The snapshot is one statement, and SQLite runs a statement outside a transaction in a read
    /// transaction of its own: it sees one state of the database without the `BEGIN` and `COMMIT`
    /// that `read` wraps around its work (`unsafeRead`: +6-9% reads a second). The reads that
    /// arrive together are read in turns (``snapshotTurns(on:maximum:)``: +28% over HTTP,
    /// docs/benchmarks.md).
    public func snapshot(of subject: SubjectID) async throws -> SubjectSnapshot? {
        try await guarded {
            try await self.snapshots.submit(SnapshotRequest(subject: subject))
        }
    }

    public func snapshot(of subject: SubjectID, recordsIn categories: Set<String>) async throws -> SubjectSnapshot? {
        try await guarded {
            try await self.snapshots.submit(SnapshotRequest(subject: subject, categories: categories))
        }
    }

    public func readSnapshot(of subject: SubjectID) async throws -> SubjectSnapshot? {
        try await guarded {
            try await self.snapshots.submit(SnapshotRequest(subject: subject, isForRead: true))
        }
    }

    public func subjects(mentioning mention: Data) async throws -> [SubjectID] {
        try await guarded {
            try await self.pool.read { db in
                try String.fetchAll(db, sql: "SELECT DISTINCT subject_id FROM mentions WHERE mention = ?", arguments: [mention])
                    .compactMap(SubjectID.init(rawValue:))
            }
        }
    }

    public func auditHead() async throws -> AuditEvent? {
        try await guarded {
            try await self.pool.read { db in
                try Row.fetchOne(db, sql: "SELECT * FROM audit ORDER BY seq DESC LIMIT 1").map(Self.auditEvent)
            }
        }
    }

    public func auditEvents(after sequence: Int64, subject: SubjectID?, limit: Int) async throws -> [AuditEvent] {
        try await guarded {
            try await self.pool.read { db in
                if let subject {
                    return try Row.fetchAll(db, sql: "SELECT * FROM audit WHERE subject_id = ? AND seq > ? ORDER BY seq LIMIT ?",
                                            arguments: [subject.rawValue, sequence, limit]).map(Self.auditEvent)
                }
                return try Row.fetchAll(db, sql: "SELECT * FROM audit WHERE seq > ? ORDER BY seq LIMIT ?",
                                        arguments: [sequence, limit]).map(Self.auditEvent)
            }
        }
    }

    public func latestAuditCheckpoint() async throws -> AuditCheckpoint? {
        try await guarded {
            try await self.pool.read { db in
                try Row.fetchOne(db, sql: "SELECT * FROM audit_checkpoints ORDER BY seq DESC LIMIT 1").map(Self.checkpoint)
            }
        }
    }

    public func addAuditCheckpoint(_ checkpoint: AuditCheckpoint) async throws -> Bool {
        try await guarded {
            try await self.pool.write { db in
                // `previous_seq` is unique: a second checkpoint after the same one is ignored.
                try db.execute(sql: """
                    INSERT INTO audit_checkpoints (seq, hash, previous_seq, verified_at) VALUES (?, ?, ?, ?)
                    ON CONFLICT DO NOTHING
                    """, arguments: [checkpoint.sequence, checkpoint.hash, checkpoint.previousSequence,
                                     checkpoint.verifiedAt.timeIntervalSince1970])
                return db.changesCount == 1
            }
        }
    }

    public func auditCheckpoints(after sequence: Int64, limit: Int) async throws -> [AuditCheckpoint] {
        try await guarded {
            try await self.pool.read { db in
                try Row.fetchAll(db, sql: "SELECT * FROM audit_checkpoints WHERE seq > ? ORDER BY seq LIMIT ?",
                                 arguments: [sequence, limit]).map(Self.checkpoint)
            }
        }
    }

    public func hasDataKeys(notWrappedBy rootKeyID: String) async throws -> Bool {
        try await guarded {
            try await self.pool.read { db in
                try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM data_keys WHERE root_key_id <> ?)", arguments: [rootKeyID]) ?? false
            }
        }
    }

    /// The write transaction is the claim: SQLite lets one process write at a time.
    public func rewrapDataKeys(notWrappedBy rootKeyID: String, limit: Int,
                               _ rewrap: @Sendable (StoredDataKey) throws -> StoredDataKey) async throws -> Int {
        try await guarded {
            try await self.pool.write { db in
                let claimed = try Row.fetchAll(db, sql: "SELECT * FROM data_keys WHERE root_key_id <> ? LIMIT ?",
                                               arguments: [rootKeyID, limit]).map(Self.dataKey)
                for key in try claimed.map(rewrap) {
                    try db.execute(sql: "UPDATE data_keys SET wrapped = ?, root_key_id = ? WHERE subject_id = ? AND category = ?",
                                   arguments: [key.wrapped, key.rootKeyID, key.subject.rawValue, key.category])
                }
                return claimed.count
            }
        }
    }

    public func apiKey(id: String) async throws -> StoredAPIKey? {
        try await guarded {
            try await self.pool.read { db in
                try Row.fetchOne(db, sql: "SELECT * FROM api_keys WHERE id = ?", arguments: [id]).map(Self.apiKey)
            }
        }
    }

    public func apiKeys() async throws -> [StoredAPIKey] {
        try await guarded {
            try await self.pool.read { db in
                try Row.fetchAll(db, sql: "SELECT * FROM api_keys ORDER BY created_at, id").map(Self.apiKey)
            }
        }
    }

    public func touchAPIKey(id: String, at time: Date) async throws {
        try await guarded {
            try await self.pool.write { db in
                try db.execute(sql: "UPDATE api_keys SET last_used_at = MAX(COALESCE(last_used_at, 0), ?) WHERE id = ?",
                               arguments: [time.timeIntervalSince1970, id])
            }
        }
    }

    private static func apiKey(_ row: Row) -> StoredAPIKey {
        func date(_ column: String) -> Date? { (row[column] as Double?).map(Date.init(timeIntervalSince1970:)) }
        return StoredAPIKey(id: row["id"], secretHash: row["secret_hash"], name: row["name"],
                            purposes: (row["purposes"] as String).split(separator: ",").map(String.init),
                            mayBreakGlass: row["break_glass"], isAdmin: row["admin"], mayVouchForSessions: row["vouches_for_sessions"],
                            createdAt: Date(timeIntervalSince1970: row["created_at"]), expiresAt: date("expires_at"),
                            revokedAt: date("revoked_at"), lastUsedAt: date("last_used_at"))
    }

    public func subjectsWithStaleConsent(purpose: String, purposeHash: String, after: SubjectID?, limit: Int) async throws -> [SubjectID] {
        try await guarded {
            try await self.pool.read { db in
                try String.fetchAll(db, sql: """
                    SELECT c.subject_id FROM consent_events c
                    WHERE c.purpose = ? AND c.subject_id > ? AND c.kind IN ('given', 'renewed') AND c.purpose_hash <> ?
                      AND c.seq = (SELECT MAX(l.seq) FROM consent_events l
                                   WHERE l.subject_id = c.subject_id AND l.purpose = c.purpose AND l.kind IN (\(Self.consentKinds)))
                      AND coalesce((SELECT o.kind FROM consent_events o
                                    WHERE o.subject_id = c.subject_id AND o.purpose = c.purpose AND o.kind IN ('objected', 'objection_withdrawn')
                                    ORDER BY o.seq DESC LIMIT 1), '') <> 'objected'
                    ORDER BY c.subject_id LIMIT ?
                    """, arguments: [purpose, after?.rawValue ?? "", purposeHash, limit]).compactMap(SubjectID.init(rawValue:))
            }
        }
    }

    public func cookieChoices(of visitor: VisitorID) async throws -> [CookieChoice] {
        try await guarded {
            try await self.pool.read { db in
                try Data.fetchAll(db, sql: "SELECT body FROM cookie_choices WHERE visitor_id = ? ORDER BY seq",
                                  arguments: [visitor.rawValue]).compactMap(CookieChoice.decode)
            }
        }
    }

    public func request(_ id: RequestID) async throws -> DataSubjectRequest? {
        try await guarded {
            try await self.pool.read { db in
                try Data.fetchOne(db, sql: "SELECT body FROM requests WHERE id = ?", arguments: [id.rawValue])
                    .flatMap(DataSubjectRequest.decode)
            }
        }
    }

    public func requests(includeClosed: Bool, subject: SubjectID?, limit: Int) async throws -> [DataSubjectRequest] {
        try await guarded {
            try await self.pool.read { db in
                let open = includeClosed ? "" : "AND is_open = 1"
                if let subject {
                    return try Data.fetchAll(db, sql: "SELECT body FROM requests WHERE subject_id = ? \(open) ORDER BY received_at, id LIMIT ?",
                                             arguments: [subject.rawValue, limit]).compactMap(DataSubjectRequest.decode)
                }
                return try Data.fetchAll(db, sql: "SELECT body FROM requests WHERE 1 = 1 \(open) ORDER BY received_at, id LIMIT ?",
                                         arguments: [limit]).compactMap(DataSubjectRequest.decode)
            }
        }
    }

    public func erasureJournal(after sequence: Int64, limit: Int) async throws -> [ErasureJournalEntry] {
        try await guarded {
            try await self.pool.read { db in
                try Row.fetchAll(db, sql: "SELECT seq, body FROM erasures WHERE seq > ? ORDER BY seq LIMIT ?", arguments: [sequence, limit])
                    .compactMap { row in
                        ErasureRecord.decode(row[1]).map { ErasureJournalEntry(sequence: row[0], record: $0) }
                    }
            }
        }
    }

    /// Copies the whole database to a new file at `path`, consistently, while it is in use.
    public func backup(to path: String) async throws {
        try await guarded {
            let target = try DatabaseQueue(path: path)
            try self.pool.backup(to: target)
            try target.close()
        }
    }

    /// Runs `work`, turning driver errors into vault errors that carry no data.
    func guarded<T>(_ work: () async throws -> T) async throws -> T {
        do {
            return try await work()
        } catch let error as VaultError {
            throw error
        } catch let error as DatabaseError where error.resultCode == .SQLITE_CONSTRAINT && (error.message ?? "").contains("identifiers.") {
            throw VaultError(.identifierInUse, "the identifier belongs to another subject")
        } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_FOREIGNKEY
                    || (error.resultCode == .SQLITE_CONSTRAINT && (error.message ?? "").contains("data_keys.")) {
            // Prepared on a person read before the commit: another operation removed them, or
            // gave them the data key this one made, in between.
            throw VaultError.preparedOnChangedState
        } catch {
            throw VaultError(.storeFailure, "the SQLite store failed: \(Self.describe(error))")
        }
    }

    /// The SQLite result code and message, without the SQL or its arguments.
    static func describe(_ error: any Error) -> String {
        guard let error = error as? DatabaseError else { return String(describing: type(of: error)) }
        return "\(error.resultCode) \(error.message ?? "")"
    }
}
