import Foundation
import KluisCore
import Logging
import NIOCore
import PostgresNIO
import ServiceLifecycle
import Synchronization

/// The server store: PostgreSQL through a postgres-nio connection pool, shared by any number of
/// Kluis nodes.
///
/// The pool's client is a lifecycle `Service`: nothing reaches the database until ``run()`` is
/// running, and it must keep running while the store is used. Concurrent commits from every node
/// are serialised on an advisory lock only for the moment they extend the audit chain.
public final class PostgresVaultStore: VaultStore, Service {
    let client: PostgresClient
    let location: PostgresLocation
    let logger: Logger
    /// The key space of this vault's advisory locks: a hash of its schema, so that vaults in
    /// other schemas of the same database never wait for each other.
    let lockSpace: Int32
    /// The newest audit event this store wrote, after which a read's event is chained in one
    /// statement (``appendAuditAlone(_:after:)``).
    let knownHead = Mutex<AuditHead?>(nil)
    /// People's whole reads, served in turns (see ``snapshotTurns(client:logger:maximum:)``).
    let snapshots: Turns<SnapshotRequest, SubjectSnapshot?>

    public init(location: PostgresLocation, maximumConnections: Int = 20, logger: Logger = PostgresVaultStore.defaultLogger) {
        self.location = location
        self.logger = logger
        client = PostgresClient(configuration: location.clientConfiguration(maximumConnections: maximumConnections),
                                backgroundLogger: logger)
        lockSpace = Self.lockSpace(for: location.schema)
        snapshots = Self.snapshotTurns(client: client, logger: logger, maximum: 2 * ProcessInfo.processInfo.activeProcessorCount)
    }

    /// Errors only: the pool reports every connection it opens and closes, and warns when a
    /// query is sent a moment before the pool runs (it waits, and works).
    public static var defaultLogger: Logger {
        var logger = Logger(label: "kluis.postgres")
        logger.logLevel = .error
        return logger
    }

    /// Runs the connection pool until cancelled or shut down gracefully.
    public func run() async {
        await client.run()
    }

    /// Runs `body` with a store on `location` whose pool runs for exactly that long, after
    /// checking that the server can be reached.
    ///
    /// The pool runs in a task of its own, not in a child of the caller's: a cancelled caller
    /// would cancel a child at once, and the pool, shut down by force, closes the connection of
    /// a query in flight, which then never returns (a cancelled `kluis init` waited for good).
    /// The body sees the cancellation itself, as its requests for a connection fail, and the
    /// pool shuts down once the body is done.
    public static func withRunning<T: Sendable>(on location: PostgresLocation,
                                                _ body: (PostgresVaultStore) async throws -> T) async throws -> T {
        let store = PostgresVaultStore(location: location)
        try await store.checkReachable()
        let pool = Task { await store.run() }
        let outcome: Result<T, any Error>
        do { outcome = .success(try await body(store)) } catch { outcome = .failure(error) }
        pool.cancel()
        await pool.value
        return try outcome.get()
    }

    /// Opens and closes one connection, so that a wrong address, password or database is
    /// reported at once with its cause; the pool itself retries quietly and would only time out.
    public func checkReachable() async throws {
        do {
            let connection = try await PostgresConnection.connect(configuration: location.connectionConfiguration(), id: 0, logger: logger)
            try await connection.close()
        } catch {
            throw VaultError(.storeFailure, "cannot connect to PostgreSQL at \(location.host):\(location.port): \(Self.vaultError(for: error).message)")
        }
    }

    public func metadata(_ key: String) async throws -> Data? {
        try await guarded {
            try await client.query("SELECT value FROM metadata WHERE key = \(key)", logger: logger)
                .decode(Data.self).all().first
        }
    }

    public func setMetadata(_ values: [String: Data]) async throws {
        try await guarded {
            try await client.withTransaction(logger: logger) { connection in
                try await Self.upsert(values, on: connection, logger: logger)
            }
        }
    }

    public func setMetadata(_ values: [String: Data], ifCurrent key: String, is expected: Data?) async throws -> Bool {
        try await guarded {
            try await client.withTransaction(logger: logger) { connection in
                // A row lock cannot guard an absent row: a lock on the metadata does.
                try await connection.query("SELECT pg_advisory_xact_lock(\(Self.metadataLock), \(lockSpace))", logger: logger)
                let current = try await connection.query("SELECT value FROM metadata WHERE key = \(key)", logger: logger)
                    .decode(Data.self).all().first
                guard current == expected else { return false }
                try await Self.upsert(values, on: connection, logger: logger)
                return true
            }
        }
    }

    static func upsert(_ values: [String: Data], on connection: PostgresConnection, logger: Logger) async throws {
        for (key, value) in values {
            try await connection.query("""
                INSERT INTO metadata (key, value) VALUES (\(key), \(value))
                ON CONFLICT (key) DO UPDATE SET value = excluded.value
                """, logger: logger)
        }
    }

    public func commit(_ changes: [StoreChange], audit entries: [AuditEntry]) async throws -> [AuditEvent] {
        if changes.isEmpty, let head = knownHead.withLock({ $0 }),
           let events = try await guarded({ try await appendAuditAlone(entries, after: head) }) {
            return events
        }
        return try await write(changes, audit: entries, revisions: try SubjectRevisions(changes), waitingFor: {})
    }

    /// A commit that only creates people (an import's batch) writes their rows while
    /// `predecessor` still runs: no other transaction can write them. The rows another
    /// transaction may write as well, the identifiers' index entries, come after it returns, and
    /// so do the revisions and the audit chain; then the predecessor never waits for a row this
    /// commit holds while this one waits for it. Any other commit waits before it begins.
    public func commit(_ changes: [StoreChange], audit entries: [AuditEntry],
                       after predecessor: @Sendable () async throws -> Void) async throws -> [AuditEvent] {
        let revisions = try SubjectRevisions(changes)
        guard revisions.createsOnly else {
            try await predecessor()
            return try await write(changes, audit: entries, revisions: revisions, waitingFor: {})
        }
        return try await write(changes, audit: entries, revisions: revisions, waitingFor: predecessor)
    }

    /// `changes` and their audit events in one transaction, which waits for `predecessor` before
    /// it writes a row another transaction may write too.
    private func write(_ changes: [StoreChange], audit entries: [AuditEntry], revisions: SubjectRevisions,
                       waitingFor predecessor: @Sendable () async throws -> Void) async throws -> [AuditEvent] {
        let events = try await guarded {
            try await client.withTransaction(logger: logger) { connection in
                let batch = ChangeBatch(changes)
                try await batch.apply(on: connection, created: revisions.created, logger: logger)
                try await predecessor()
                try await batch.indexIdentifiers(on: connection, logger: logger)
                try await ChangeBatch.countUp(revisions, on: connection, logger: logger)
                return try await appendAudit(entries, on: connection)
            }
        }
        remember(events)
        return events
    }

    /// `ANALYZE` of the tables a person's read, a lookup and an access package use. A person's
    /// read is a prepared statement, whose plan PostgreSQL keeps once made; made while the
    /// tables' statistics still said "empty", it read 3.5 times slower than after `ANALYZE`
    /// (docs/benchmarks.md), until autovacuum came round. `ANALYZE` samples a bounded number of
    /// rows per table, so it takes about the same time after any import; limited to the key
    /// columns it took less, but the access package came out about twice as slow. One table a
    /// statement, as many at once as this machine has cores, largest first: the server
    /// analyses one statement's tables one after the other, on one core.
    public func refreshStatistics() async throws {
        let tables = ["records", "data_keys", "identifiers", "identifier_index", "audit", "subjects",
                      "events", "consent_events", "restrictions", "mentions"]
        try await guarded {
            try await withThrowingTaskGroup(of: Void.self) { group in
                var waiting = tables.makeIterator()
                func analyzeNext() {
                    guard let table = waiting.next() else { return }
                    group.addTask { try await self.client.query(PostgresQuery(unsafeSQL: "ANALYZE \(table)"), logger: self.logger) }
                }
                for _ in 0..<ProcessInfo.processInfo.activeProcessorCount { analyzeNext() }
                while try await group.next() != nil { analyzeNext() }
            }
        }
    }

    public func subjects(mentioning mention: Data) async throws -> [SubjectID] {
        try await guarded {
            let rows = try await client.query("SELECT DISTINCT subject_id FROM mentions WHERE mention = \(mention)", logger: logger)
            return try await rows.decode(String.self).all().compactMap(SubjectID.init(rawValue:))
        }
    }

    public func auditHead() async throws -> AuditEvent? {
        try await guarded {
            try await Self.auditEvents(client.query("SELECT \(unescaped: Self.auditColumns), reduced FROM audit ORDER BY seq DESC LIMIT 1", logger: logger)).first
        }
    }

    public func auditEvents(after sequence: Int64, subject: SubjectID?, limit: Int) async throws -> [AuditEvent] {
        try await guarded {
            if let subject {
                return try await Self.auditEvents(client.query("""
                    SELECT \(unescaped: Self.auditColumns), reduced FROM audit WHERE subject_id = \(subject.rawValue) AND seq > \(sequence)
                    ORDER BY seq LIMIT \(limit)
                    """, logger: logger))
            }
            return try await Self.auditEvents(client.query("""
                SELECT \(unescaped: Self.auditColumns), reduced FROM audit WHERE seq > \(sequence) ORDER BY seq LIMIT \(limit)
                """, logger: logger))
        }
    }

    public func latestAuditCheckpoint() async throws -> AuditCheckpoint? {
        try await guarded {
            try await Self.checkpoints(client.query("SELECT seq, hash, previous_seq, verified_at FROM audit_checkpoints ORDER BY seq DESC LIMIT 1", logger: logger)).first
        }
    }

    public func addAuditCheckpoint(_ checkpoint: AuditCheckpoint) async throws -> Bool {
        try await guarded {
            // `previous_seq` is unique: of several nodes adding a checkpoint after the same one,
            // one succeeds and the others insert nothing.
            let inserted = try await client.query("""
                INSERT INTO audit_checkpoints (seq, hash, previous_seq, verified_at)
                VALUES (\(checkpoint.sequence), \(checkpoint.hash), \(checkpoint.previousSequence), \(checkpoint.verifiedAt.timeIntervalSince1970))
                ON CONFLICT DO NOTHING RETURNING seq
                """, logger: logger).decode(Int64.self)
            return try await inserted.all().first != nil
        }
    }

    public func auditCheckpoints(after sequence: Int64, limit: Int) async throws -> [AuditCheckpoint] {
        try await guarded {
            try await Self.checkpoints(client.query("""
                SELECT seq, hash, previous_seq, verified_at FROM audit_checkpoints WHERE seq > \(sequence) ORDER BY seq LIMIT \(limit)
                """, logger: logger))
        }
    }

    public func hasDataKeys(notWrappedBy rootKeyID: String) async throws -> Bool {
        try await guarded {
            try await client.query("SELECT EXISTS (SELECT 1 FROM data_keys WHERE root_key_id <> \(rootKeyID))", logger: logger)
                .decode(Bool.self).all().first ?? false
        }
    }

    /// Claims with `FOR UPDATE SKIP LOCKED`: rows another rotating process holds are passed
    /// over, so several processes rewrap disjoint batches at once.
    public func rewrapDataKeys(notWrappedBy rootKeyID: String, limit: Int,
                               _ rewrap: @Sendable (StoredDataKey) throws -> StoredDataKey) async throws -> Int {
        try await guarded {
            try await client.withTransaction(logger: logger) { connection in
                var claimed: [StoredDataKey] = []
                let rows = try await connection.query("""
                    SELECT subject_id, category, wrapped, root_key_id FROM data_keys WHERE root_key_id <> \(rootKeyID)
                    LIMIT \(limit) FOR UPDATE SKIP LOCKED
                    """, logger: logger)
                for try await (subject, category, wrapped, root) in rows.decode((String, String, Data, String).self) {
                    guard let id = SubjectID(rawValue: subject) else { continue }
                    claimed.append(StoredDataKey(subject: id, category: category, wrapped: wrapped, rootKeyID: root))
                }
                guard !claimed.isEmpty else { return 0 }
                let replaced = try claimed.map(rewrap)
                try await connection.query("""
                    UPDATE data_keys SET wrapped = new.wrapped, root_key_id = new.root_key_id
                    FROM UNNEST(\(replaced.map(\.subject.rawValue)), \(replaced.map(\.category)),
                                \(replaced.map { ByteBuffer(bytes: $0.wrapped) }), \(replaced.map(\.rootKeyID)))
                         AS new (subject_id, category, wrapped, root_key_id)
                    WHERE data_keys.subject_id = new.subject_id AND data_keys.category = new.category
                    """, logger: logger)
                return claimed.count
            }
        }
    }

    public func apiKey(id: String) async throws -> StoredAPIKey? {
        try await guarded {
            try await Self.apiKeys(client.query("SELECT \(unescaped: Self.apiKeyColumns) FROM api_keys WHERE id = \(id)", logger: logger)).first
        }
    }

    public func apiKeys() async throws -> [StoredAPIKey] {
        try await guarded {
            try await Self.apiKeys(client.query("SELECT \(unescaped: Self.apiKeyColumns) FROM api_keys ORDER BY created_at, id", logger: logger))
        }
    }

    public func touchAPIKey(id: String, at time: Date) async throws {
        try await guarded {
            _ = try await client.query("""
                UPDATE api_keys SET last_used_at = GREATEST(COALESCE(last_used_at, 0), \(time.timeIntervalSince1970)) WHERE id = \(id)
                """, logger: logger)
        }
    }

    static let apiKeyColumns = "id, secret_hash, name, purposes, break_glass, admin, vouches_for_sessions, created_at, expires_at, revoked_at, last_used_at"

    private static func apiKeys(_ rows: PostgresRowSequence) async throws -> [StoredAPIKey] {
        try await rows.decode((String, Data, String, String, Bool, Bool, Bool, Double, Double?, Double?, Double?).self).all().map {
            (id, hash, name, purposes, breakGlass, admin, vouches, created, expires, revoked, used) in
            StoredAPIKey(id: id, secretHash: hash, name: name, purposes: purposes.split(separator: ",").map(String.init),
                         mayBreakGlass: breakGlass, isAdmin: admin, mayVouchForSessions: vouches,
                         createdAt: Date(timeIntervalSince1970: created), expiresAt: expires.map(Date.init(timeIntervalSince1970:)),
                         revokedAt: revoked.map(Date.init(timeIntervalSince1970:)), lastUsedAt: used.map(Date.init(timeIntervalSince1970:)))
        }
    }

    public func subjectsWithStaleConsent(purpose: String, purposeHash: String, after: SubjectID?, limit: Int) async throws -> [SubjectID] {
        try await guarded {
            let kinds = ConsentEvent.Kind.allCases.filter(\.isConsent).map(\.rawValue)
            let rows = try await client.query("""
                SELECT c.subject_id FROM consent_events c
                WHERE c.purpose = \(purpose) AND c.subject_id > \(after?.rawValue ?? "") AND c.kind IN ('given', 'renewed')
                  AND c.purpose_hash <> \(purposeHash)
                  AND c.seq = (SELECT max(l.seq) FROM consent_events l
                               WHERE l.subject_id = c.subject_id AND l.purpose = c.purpose AND l.kind = ANY(\(kinds)))
                  AND coalesce((SELECT o.kind FROM consent_events o
                                WHERE o.subject_id = c.subject_id AND o.purpose = c.purpose AND o.kind IN ('objected', 'objection_withdrawn')
                                ORDER BY o.seq DESC LIMIT 1), '') <> 'objected'
                ORDER BY c.subject_id LIMIT \(limit)
                """, logger: logger)
            return try await rows.decode(String.self).all().compactMap(SubjectID.init(rawValue:))
        }
    }

    public func cookieChoices(of visitor: VisitorID) async throws -> [CookieChoice] {
        try await guarded {
            let rows = try await client.query("""
                SELECT body FROM cookie_choices WHERE visitor_id = \(visitor.rawValue) ORDER BY seq
                """, logger: logger)
            return try await rows.decode(Data.self).all().compactMap(CookieChoice.decode)
        }
    }

    public func request(_ id: RequestID) async throws -> DataSubjectRequest? {
        try await guarded {
            try await client.query("SELECT body FROM requests WHERE id = \(id.rawValue)", logger: logger)
                .decode(Data.self).all().first.flatMap(DataSubjectRequest.decode)
        }
    }

    public func requests(includeClosed: Bool, subject: SubjectID?, limit: Int) async throws -> [DataSubjectRequest] {
        try await guarded {
            let rows = try await client.query("""
                SELECT body FROM requests
                WHERE (\(includeClosed) OR is_open) AND (\(subject?.rawValue)::text IS NULL OR subject_id = \(subject?.rawValue))
                ORDER BY received_at, id LIMIT \(limit)
                """, logger: logger)
            return try await rows.decode(Data.self).all().compactMap(DataSubjectRequest.decode)
        }
    }

    public func erasureJournal(after sequence: Int64, limit: Int) async throws -> [ErasureJournalEntry] {
        try await guarded {
            let rows = try await client.query("""
                SELECT seq, body FROM erasures WHERE seq > \(sequence) ORDER BY seq LIMIT \(limit)
                """, logger: logger)
            return try await rows.decode((Int64, Data).self).all().compactMap { sequence, body in
                ErasureRecord.decode(body).map { ErasureJournalEntry(sequence: sequence, record: $0) }
            }
        }
    }
}

