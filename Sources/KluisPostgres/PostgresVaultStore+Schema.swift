import Foundation
import KluisCore
import Logging
import PostgresNIO
// The connection pool's own errors (ConnectionPoolError), to say what they mean.
import _ConnectionPoolModule

/// The schema, its migrations, and the advisory locks.
///
/// Every personal-data table has the subject id first in its primary key and is read by it
/// alone, so a PostgreSQL-compatible distributed engine can shard them all by subject and keep
/// one person's rows together. Two tables are global by nature, and hold no personal values:
/// `identifier_index` (blind index to subject id, for lookups; shard it by its own key) and
/// `audit` (one chain in one order; pseudonymous subject ids only).
extension PostgresVaultStore {
    /// Advisory lock classes; the second key is ``lockSpace``.
    static let migrationLock: Int32 = 0x4B4C_0001
    static let auditChainLock: Int32 = 0x4B4C_0002
    static let metadataLock: Int32 = 0x4B4C_0003

    static let migrations: [(version: Int32, sql: [String])] = [
        (1, [
            "CREATE TABLE metadata (key text PRIMARY KEY, value bytea NOT NULL)",
            "CREATE TABLE subjects (subject_id text PRIMARY KEY, created_at double precision NOT NULL)",
            """
            CREATE TABLE identifiers (
                subject_id text NOT NULL REFERENCES subjects (subject_id) ON DELETE CASCADE,
                kind text NOT NULL, blind_index bytea NOT NULL, sealed bytea NOT NULL,
                PRIMARY KEY (subject_id, kind, blind_index))
            """,
            """
            CREATE TABLE identifier_index (
                kind text NOT NULL, blind_index bytea NOT NULL, subject_id text NOT NULL,
                PRIMARY KEY (kind, blind_index))
            """,
            """
            CREATE TABLE data_keys (
                subject_id text NOT NULL REFERENCES subjects (subject_id) ON DELETE CASCADE,
                category text NOT NULL, wrapped bytea NOT NULL, root_key_id text NOT NULL,
                PRIMARY KEY (subject_id, category))
            """,
            """
            CREATE TABLE records (
                subject_id text NOT NULL REFERENCES subjects (subject_id) ON DELETE CASCADE,
                category text NOT NULL, record_id text NOT NULL, fields bytea NOT NULL,
                created_at double precision NOT NULL, updated_at double precision NOT NULL,
                PRIMARY KEY (subject_id, category, record_id))
            """,
            """
            CREATE TABLE events (
                subject_id text NOT NULL REFERENCES subjects (subject_id) ON DELETE CASCADE,
                name text NOT NULL, at double precision NOT NULL,
                PRIMARY KEY (subject_id, name))
            """,
            // Times are seconds as double precision, exactly as the audit hash saw them.
            """
            CREATE TABLE audit (
                seq bigint PRIMARY KEY, at double precision NOT NULL, actor text NOT NULL, action text NOT NULL,
                subject_id text, categories text NOT NULL, purpose text, reason text, outcome text NOT NULL,
                break_glass boolean NOT NULL, previous_hash bytea NOT NULL, hash bytea NOT NULL)
            """,
            "CREATE INDEX audit_subject ON audit (subject_id, seq)",
            """
            CREATE TABLE audit_checkpoints (
                seq bigint PRIMARY KEY, hash bytea NOT NULL, previous_seq bigint NOT NULL UNIQUE,
                verified_at double precision NOT NULL)
            """,
            """
            CREATE TABLE api_keys (
                id text PRIMARY KEY, secret_hash bytea NOT NULL, name text NOT NULL, purposes text NOT NULL,
                break_glass boolean NOT NULL, admin boolean NOT NULL, created_at double precision NOT NULL)
            """,
        ]),
        // Consent history is appended, never updated; `body` is the whole event, the other
        // columns are what queries select on. The guardian's name inside is sealed.
        (2, [
            """
            CREATE TABLE consent_events (
                subject_id text NOT NULL REFERENCES subjects (subject_id) ON DELETE CASCADE,
                seq bigint GENERATED ALWAYS AS IDENTITY,
                purpose text NOT NULL, kind text NOT NULL, purpose_hash text NOT NULL, at double precision NOT NULL,
                body bytea NOT NULL,
                PRIMARY KEY (subject_id, seq))
            """,
            "CREATE INDEX consent_events_purpose ON consent_events (purpose, subject_id, seq)",
            """
            CREATE TABLE cookie_choices (
                visitor_id text NOT NULL, seq bigint GENERATED ALWAYS AS IDENTITY,
                subject_id text, at double precision NOT NULL, body bytea NOT NULL,
                PRIMARY KEY (visitor_id, seq))
            """,
        ]),
        // Requests and the erasure journal outlive the subject they are about, so they do not
        // cascade with it; neither holds a personal value.
        (3, [
            """
            CREATE TABLE restrictions (
                subject_id text PRIMARY KEY REFERENCES subjects (subject_id) ON DELETE CASCADE, body bytea NOT NULL)
            """,
            """
            CREATE TABLE requests (
                id text PRIMARY KEY, subject_id text, type text NOT NULL, state text NOT NULL,
                is_open boolean NOT NULL, received_at double precision NOT NULL, body bytea NOT NULL)
            """,
            "CREATE INDEX requests_open ON requests (is_open, received_at)",
            "CREATE INDEX requests_subject ON requests (subject_id, received_at)",
            """
            CREATE TABLE erasures (
                seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, subject_id text NOT NULL,
                at double precision NOT NULL, body bytea NOT NULL)
            """,
        ]),
        // Each record's erase-by date, indexed, so that a sweep reads only what is due;
        // anonymous records, linked to no one; reduced audit events; when a request closed.
        (4, [
            "ALTER TABLE records ADD COLUMN erase_by double precision, ADD COLUMN erase_action text, ADD COLUMN erase_purpose text",
            "CREATE INDEX records_erase_by ON records (erase_by) WHERE erase_by IS NOT NULL",
            """
            CREATE TABLE anonymous_records (
                seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, category text NOT NULL, body bytea NOT NULL)
            """,
            "CREATE INDEX anonymous_records_category ON anonymous_records (category, seq)",
            "CREATE INDEX cookie_choices_subject ON cookie_choices (subject_id) WHERE subject_id IS NOT NULL",
            "ALTER TABLE audit ADD COLUMN reduced boolean NOT NULL DEFAULT false",
            "ALTER TABLE requests ADD COLUMN closed_at double precision",
            "CREATE INDEX requests_closed ON requests (closed_at) WHERE closed_at IS NOT NULL",
        ]),
        // The purpose each record was collected for; NULL for records written before.
        (5, [
            "ALTER TABLE records ADD COLUMN collected_for text",
        ]),
        // Who a record refers to besides its subject, as keyed hashes: found by an erasure,
        // gone with the record.
        (6, [
            """
            CREATE TABLE mentions (
                subject_id text NOT NULL, category text NOT NULL, record_id text NOT NULL, mention bytea NOT NULL,
                PRIMARY KEY (subject_id, category, record_id, mention),
                FOREIGN KEY (subject_id, category, record_id) REFERENCES records (subject_id, category, record_id) ON DELETE CASCADE)
            """,
            "CREATE INDEX mentions_mention ON mentions (mention)",
        ]),
        // The keyed tag that binds an identifier row, in either table, to its subject. Rows
        // written before get theirs when a vault is next unlocked (the index key is not in the
        // database); the partial indexes find them without a scan, and are empty once they have one.
        (7, [
            "ALTER TABLE identifiers ADD COLUMN tag bytea",
            "ALTER TABLE identifier_index ADD COLUMN tag bytea",
            "CREATE INDEX identifiers_untagged ON identifiers (subject_id) WHERE tag IS NULL",
            "CREATE INDEX identifier_index_untagged ON identifier_index (kind) WHERE tag IS NULL",
        ]),
        // Whether a key may vouch for a signed-in session; no key made before may.
        (8, [
            "ALTER TABLE api_keys ADD COLUMN vouches_for_sessions boolean NOT NULL DEFAULT false",
        ]),
        // Rate limits shared by all nodes: per keyed-hash bucket, the time until which its
        // allowance is spent (see ThrottleRule).
        (9, [
            "CREATE TABLE throttles (bucket bytea PRIMARY KEY, until double precision NOT NULL)",
        ]),
        // Pending sign-ins to the privacy center and the web's sessions, under keyed hashes of
        // their tokens, shared by all nodes; gone with their subject.
        (10, [
            """
            CREATE TABLE sign_ins (
                id bytea PRIMARY KEY, kind text NOT NULL, subject_id text REFERENCES subjects (subject_id) ON DELETE CASCADE,
                code_hash bytea, expires_at double precision NOT NULL, failures integer NOT NULL DEFAULT 0)
            """,
            "CREATE INDEX sign_ins_subject ON sign_ins (subject_id) WHERE subject_id IS NOT NULL",
            "CREATE INDEX sign_ins_expiry ON sign_ins (expires_at)",
            """
            CREATE TABLE web_sessions (
                key bytea PRIMARY KEY, subject_id text REFERENCES subjects (subject_id) ON DELETE CASCADE,
                value bytea NOT NULL, expires_at double precision NOT NULL)
            """,
            "CREATE INDEX web_sessions_subject ON web_sessions (subject_id) WHERE subject_id IS NOT NULL",
            "CREATE INDEX web_sessions_expiry ON web_sessions (expires_at)",
        ]),
        // API keys expire, are revoked, and tell when they were last used.
        (11, [
            "ALTER TABLE api_keys ADD COLUMN expires_at double precision",
            "ALTER TABLE api_keys ADD COLUMN revoked_at double precision",
            "ALTER TABLE api_keys ADD COLUMN last_used_at double precision",
        ]),
        // The console's staff accounts, each kept whole as JSON; the audit log searched by time,
        // actor and action.
        (12, [
            "CREATE TABLE staff_members (id text PRIMARY KEY, email text NOT NULL UNIQUE, name text NOT NULL, body bytea NOT NULL)",
            "CREATE INDEX audit_time ON audit (at)",
            "CREATE INDEX audit_actor ON audit (actor, seq)",
            "CREATE INDEX audit_action ON audit (action, seq)",
        ]),
        // The breach register, each breach kept whole as JSON.
        (13, [
            "CREATE TABLE breaches (id text PRIMARY KEY, aware_at double precision NOT NULL, body bytea NOT NULL)",
        ]),
        // The people told of a breach, gone with them; the language each uses with us.
        (14, [
            """
            CREATE TABLE breach_notices (
                subject_id text NOT NULL REFERENCES subjects (subject_id) ON DELETE CASCADE, breach_id text NOT NULL,
                told_at double precision NOT NULL, language text NOT NULL,
                PRIMARY KEY (subject_id, breach_id))
            """,
            "ALTER TABLE subjects ADD COLUMN language text",
        ]),
        // The sweep looks for records to anonymise apart from the rest: without an index of
        // their own, it would walk every due record to find none (measured by `kluis bench`).
        (15, [
            "CREATE INDEX records_anonymise_by ON records (erase_by) WHERE erase_action = 'anonymise'",
        ]),
        // Erasures in two steps: the categories whose data keys an erasure destroyed, until the
        // purge has deleted their records; people erased whole, whose rows wait for it.
        (16, [
            """
            CREATE TABLE shredded (
                subject_id text NOT NULL REFERENCES subjects (subject_id) ON DELETE CASCADE, category text NOT NULL,
                PRIMARY KEY (subject_id, category))
            """,
            "ALTER TABLE subjects ADD COLUMN erased boolean NOT NULL DEFAULT false",
            "CREATE INDEX subjects_erased ON subjects (subject_id) WHERE erased",
        ]),
        // Counted up by every commit that changes the person: a commit prepared on the person as
        // read expects it (see SubjectRevisions).
        (17, [
            "ALTER TABLE subjects ADD COLUMN revision bigint NOT NULL DEFAULT 0",
        ]),
    ]

    /// Creates the schema and applies missing migrations in one transaction, under an advisory
    /// lock, so nodes starting together migrate once.
    public func prepare() async throws {
        try await guarded {
            try await client.withTransaction(logger: logger) { connection in
                try await connection.query("SELECT pg_advisory_xact_lock(\(Self.migrationLock), \(lockSpace))", logger: logger)
                // The name is a checked plain identifier (see PostgresLocation).
                try await connection.query("CREATE SCHEMA IF NOT EXISTS \(unescaped: location.schema)", logger: logger)
                try await connection.query("""
                    CREATE TABLE IF NOT EXISTS kluis_migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())
                    """, logger: logger)
                var applied: Set<Int32> = []
                for try await version in try await connection.query("SELECT version FROM kluis_migrations", logger: logger).decode(Int32.self) {
                    applied.insert(version)
                }
                for migration in Self.migrations where !applied.contains(migration.version) {
                    for statement in migration.sql {
                        try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
                    }
                    try await connection.query("INSERT INTO kluis_migrations (version) VALUES (\(migration.version))", logger: logger)
                }
            }
        }
    }

    /// A stable 32-bit FNV-1a hash of the schema name.
    static func lockSpace(for schema: String) -> Int32 {
        var hash: UInt32 = 2_166_136_261
        for byte in schema.utf8 {
            hash = (hash ^ UInt32(byte)) &* 16_777_619
        }
        return Int32(bitPattern: hash)
    }

    /// Runs `work`, turning driver errors into vault errors that carry no data: the SQL state
    /// and the server's message, never the query or its values.
    func guarded<T>(_ work: () async throws -> T) async throws -> T {
        do {
            return try await work()
        } catch {
            throw Self.vaultError(for: error)
        }
    }

    /// The values stored whole, by the primary key a second insert of the same one fails on.
    private static let replacedValues = ["requests_pkey": "a request", "breaches_pkey": "a breach",
                                         "restrictions_pkey": "the restrictions of a subject", "staff_members_pkey": "a staff account"]

    static func vaultError(for error: any Error) -> VaultError {
        switch error {
        case let error as VaultError:
            return error
        case let error as PostgresTransactionError:
            // The first of what went wrong: the work, else beginning or committing.
            guard let cause = error.closureError ?? error.beginError ?? error.commitError else {
                return VaultError(.storeFailure, "the PostgreSQL transaction failed")
            }
            return vaultError(for: cause)
        case let error as PSQLError:
            if error.serverInfo?[.sqlState] == "23505", error.serverInfo?[.constraintName] == "identifier_index_pkey" {
                return VaultError(.identifierInUse, "the identifier belongs to another subject")
            }
            if error.serverInfo?[.sqlState] == "23503" || error.serverInfo?[.sqlState] == "40P01"
                || (error.serverInfo?[.sqlState] == "23505" && error.serverInfo?[.constraintName] == "data_keys_pkey") {
                // Prepared on a person read before the commit: another operation removed them,
                // or gave them the data key this one made, in between; or a sweep or erasure of
                // the same records ran at once, and the server chose this commit to undo.
                return VaultError.preparedOnChangedState
            }
            if error.serverInfo?[.sqlState] == "23505", let replaced = error.serverInfo?[.constraintName].flatMap({ Self.replacedValues[$0] }) {
                // Two commits stored the same new value at once (see ChangeBatch): the second fails.
                return VaultError.changedMeanwhile(replaced)
            }
            if error.serverInfo?[.sqlState] == "42P01" { // undefined_table
                return VaultError(.storeNotInitialised, "the database holds no Kluis vault: run 'kluis init --database …' first")
            }
            return VaultError(.storeFailure, "the PostgreSQL store failed: \(describe(error))")
        case is CancellationError:
            return VaultError(.storeFailure, "the PostgreSQL store failed: the work was cancelled")
        case let error as ConnectionPoolError:
            return VaultError(.storeFailure, "the PostgreSQL store failed: \(describe(error))")
        default:
            return VaultError(.storeFailure, "the PostgreSQL store failed: \(String(describing: type(of: error)))")
        }
    }

    /// The pool's own errors, which reach a caller unwrapped when it fails a request that waits
    /// for a connection.
    static func describe(_ error: ConnectionPoolError) -> String {
        switch error {
        case .connectionCreationCircuitBreakerTripped:
            // The pool gives up on what waits once it has failed to connect for a minute.
            "no new connection to the server could be made for a minute (is it running and reachable, with connections to spare under max_connections?)"
        case .requestCancelled: "the work was cancelled while it waited for a connection"
        case .poolShutdown: "the connection pool was closed while the work waited for a connection"
        default: "its connection pool failed"
        }
    }

    static func describe(_ error: PSQLError) -> String {
        guard let info = error.serverInfo else {
            // Connection problems: the cause names a host or a refusal, never data.
            return "\(error.code)" + (error.underlying.map { ": \($0)" } ?? "")
        }
        return "\(info[.sqlState] ?? "") \(info[.message] ?? "")"
    }
}
