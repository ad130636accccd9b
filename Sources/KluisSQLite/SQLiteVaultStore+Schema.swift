import Foundation
import GRDB
import KluisCore

/// The schema and how rows map to values. Every personal-data table carries the subject id in
/// its key.
extension SQLiteVaultStore {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(sql: """
                CREATE TABLE metadata (key TEXT PRIMARY KEY, value BLOB NOT NULL);
                CREATE TABLE subjects (id TEXT PRIMARY KEY, created_at REAL NOT NULL);
                CREATE TABLE identifiers (
                    kind TEXT NOT NULL, blind_index BLOB NOT NULL,
                    subject_id TEXT NOT NULL REFERENCES subjects(id) ON DELETE CASCADE,
                    sealed BLOB NOT NULL,
                    PRIMARY KEY (kind, blind_index));
                CREATE INDEX identifiers_subject ON identifiers (subject_id);
                CREATE TABLE data_keys (
                    subject_id TEXT NOT NULL REFERENCES subjects(id) ON DELETE CASCADE,
                    category TEXT NOT NULL, wrapped BLOB NOT NULL, root_key_id TEXT NOT NULL,
                    PRIMARY KEY (subject_id, category));
                CREATE TABLE records (
                    subject_id TEXT NOT NULL REFERENCES subjects(id) ON DELETE CASCADE,
                    category TEXT NOT NULL, record_id TEXT NOT NULL, fields BLOB NOT NULL,
                    created_at REAL NOT NULL, updated_at REAL NOT NULL,
                    PRIMARY KEY (subject_id, category, record_id));
                CREATE TABLE events (
                    subject_id TEXT NOT NULL REFERENCES subjects(id) ON DELETE CASCADE,
                    name TEXT NOT NULL, at REAL NOT NULL,
                    PRIMARY KEY (subject_id, name));
                CREATE TABLE audit (
                    seq INTEGER PRIMARY KEY, at REAL NOT NULL, actor TEXT NOT NULL, action TEXT NOT NULL,
                    subject_id TEXT, categories TEXT NOT NULL, purpose TEXT, reason TEXT,
                    outcome TEXT NOT NULL, break_glass INTEGER NOT NULL,
                    previous_hash BLOB NOT NULL, hash BLOB NOT NULL);
                CREATE INDEX audit_subject ON audit (subject_id, seq);
                CREATE TABLE api_keys (
                    id TEXT PRIMARY KEY, secret_hash BLOB NOT NULL, name TEXT NOT NULL,
                    purposes TEXT NOT NULL, break_glass INTEGER NOT NULL, admin INTEGER NOT NULL,
                    created_at REAL NOT NULL);
                """)
        }
        migrator.registerMigration("v2") { db in
            try db.execute(sql: """
                CREATE TABLE audit_checkpoints (
                    seq INTEGER PRIMARY KEY, hash BLOB NOT NULL, previous_seq INTEGER NOT NULL UNIQUE,
                    verified_at REAL NOT NULL);
                """)
        }
        migrator.registerMigration("v3") { db in
            // Consent history is appended, never updated; `body` is the whole event, the other
            // columns are what queries select on. The guardian's name inside is sealed.
            try db.execute(sql: """
                CREATE TABLE consent_events (
                    seq INTEGER PRIMARY KEY,
                    subject_id TEXT NOT NULL REFERENCES subjects(id) ON DELETE CASCADE,
                    purpose TEXT NOT NULL, kind TEXT NOT NULL, purpose_hash TEXT NOT NULL, at REAL NOT NULL,
                    body BLOB NOT NULL);
                CREATE INDEX consent_events_subject ON consent_events (subject_id, seq);
                CREATE INDEX consent_events_purpose ON consent_events (purpose, subject_id, seq);
                CREATE TABLE cookie_choices (
                    seq INTEGER PRIMARY KEY, visitor_id TEXT NOT NULL, subject_id TEXT, at REAL NOT NULL,
                    body BLOB NOT NULL);
                CREATE INDEX cookie_choices_visitor ON cookie_choices (visitor_id, seq);
                """)
        }
        migrator.registerMigration("v4") { db in
            // Requests and the erasure journal outlive the subject they are about, so they do not
            // cascade with it; neither holds a personal value.
            try db.execute(sql: """
                CREATE TABLE restrictions (
                    subject_id TEXT PRIMARY KEY REFERENCES subjects(id) ON DELETE CASCADE, body BLOB NOT NULL);
                CREATE TABLE requests (
                    id TEXT PRIMARY KEY, subject_id TEXT, type TEXT NOT NULL, state TEXT NOT NULL,
                    is_open INTEGER NOT NULL, received_at REAL NOT NULL, body BLOB NOT NULL);
                CREATE INDEX requests_open ON requests (is_open, received_at);
                CREATE INDEX requests_subject ON requests (subject_id, received_at);
                CREATE TABLE erasures (
                    seq INTEGER PRIMARY KEY, subject_id TEXT NOT NULL, at REAL NOT NULL, body BLOB NOT NULL);
                """)
        }
        migrator.registerMigration("v5") { db in
            // Each record's erase-by date, indexed, so that a sweep reads only what is due;
            // anonymous records, linked to no one; reduced audit events; when a request closed.
            try db.execute(sql: """
                ALTER TABLE records ADD COLUMN erase_by REAL;
                ALTER TABLE records ADD COLUMN erase_action TEXT;
                ALTER TABLE records ADD COLUMN erase_purpose TEXT;
                CREATE INDEX records_erase_by ON records (erase_by) WHERE erase_by IS NOT NULL;
                CREATE TABLE anonymous_records (
                    seq INTEGER PRIMARY KEY, category TEXT NOT NULL, body BLOB NOT NULL);
                CREATE INDEX anonymous_records_category ON anonymous_records (category, seq);
                CREATE INDEX cookie_choices_subject ON cookie_choices (subject_id) WHERE subject_id IS NOT NULL;
                ALTER TABLE audit ADD COLUMN reduced INTEGER NOT NULL DEFAULT 0;
                ALTER TABLE requests ADD COLUMN closed_at REAL;
                CREATE INDEX requests_closed ON requests (closed_at) WHERE closed_at IS NOT NULL;
                """)
        }
        migrator.registerMigration("v6") { db in
            // The purpose each record was collected for; NULL for records written before.
            try db.execute(sql: "ALTER TABLE records ADD COLUMN collected_for TEXT")
        }
        migrator.registerMigration("v7") { db in
            // Who a record refers to besides its subject, as keyed hashes: found by an erasure,
            // gone with the record.
            try db.execute(sql: """
                CREATE TABLE mentions (
                    subject_id TEXT NOT NULL, category TEXT NOT NULL, record_id TEXT NOT NULL, mention BLOB NOT NULL,
                    PRIMARY KEY (subject_id, category, record_id, mention),
                    FOREIGN KEY (subject_id, category, record_id) REFERENCES records (subject_id, category, record_id) ON DELETE CASCADE);
                CREATE INDEX mentions_mention ON mentions (mention);
                """)
        }
        migrator.registerMigration("v8") { db in
            // The keyed tag that binds an identifier row to its subject. Rows written before get
            // theirs when a vault is next unlocked (the index key is not in the database); the
            // partial index finds them without a scan, and is empty once they have one.
            try db.execute(sql: """
                ALTER TABLE identifiers ADD COLUMN tag BLOB;
                CREATE INDEX identifiers_untagged ON identifiers (kind) WHERE tag IS NULL;
                """)
        }
        migrator.registerMigration("v9") { db in
            // Whether a key may vouch for a signed-in session; no key made before may.
            try db.execute(sql: "ALTER TABLE api_keys ADD COLUMN vouches_for_sessions INTEGER NOT NULL DEFAULT 0")
        }
        migrator.registerMigration("v10") { db in
            // Pending sign-ins to the privacy center and the web's sessions, under keyed hashes of
            // their tokens; gone with their subject.
            try db.execute(sql: """
                CREATE TABLE sign_ins (
                    id BLOB PRIMARY KEY, kind TEXT NOT NULL, subject_id TEXT REFERENCES subjects(id) ON DELETE CASCADE,
                    code_hash BLOB, expires_at REAL NOT NULL, failures INTEGER NOT NULL DEFAULT 0);
                CREATE INDEX sign_ins_subject ON sign_ins (subject_id) WHERE subject_id IS NOT NULL;
                CREATE INDEX sign_ins_expiry ON sign_ins (expires_at);
                CREATE TABLE web_sessions (
                    key BLOB PRIMARY KEY, subject_id TEXT REFERENCES subjects(id) ON DELETE CASCADE,
                    value BLOB NOT NULL, expires_at REAL NOT NULL);
                CREATE INDEX web_sessions_subject ON web_sessions (subject_id) WHERE subject_id IS NOT NULL;
                CREATE INDEX web_sessions_expiry ON web_sessions (expires_at);
                """)
        }
        migrator.registerMigration("v11") { db in
            // API keys expire, are revoked, and tell when they were last used.
            try db.execute(sql: """
                ALTER TABLE api_keys ADD COLUMN expires_at REAL;
                ALTER TABLE api_keys ADD COLUMN revoked_at REAL;
                ALTER TABLE api_keys ADD COLUMN last_used_at REAL;
                """)
        }
        migrator.registerMigration("v12") { db in
            // The console's staff accounts, each kept whole as JSON; the audit log searched by
            // time, actor and action.
            try db.execute(sql: """
                CREATE TABLE staff_members (id TEXT PRIMARY KEY, email TEXT NOT NULL UNIQUE, name TEXT NOT NULL, body BLOB NOT NULL);
                CREATE INDEX audit_time ON audit (at);
                CREATE INDEX audit_actor ON audit (actor, seq);
                CREATE INDEX audit_action ON audit (action, seq);
                """)
        }
        migrator.registerMigration("v13") { db in
            // The breach register, each breach kept whole as JSON.
            try db.execute(sql: "CREATE TABLE breaches (id TEXT PRIMARY KEY, aware_at REAL NOT NULL, body BLOB NOT NULL);")
        }
        migrator.registerMigration("v14") { db in
            // The people told of a breach, gone with them; the language each uses with us.
            try db.execute(sql: """
                CREATE TABLE breach_notices (
                    subject_id TEXT NOT NULL REFERENCES subjects(id) ON DELETE CASCADE, breach_id TEXT NOT NULL,
                    told_at REAL NOT NULL, language TEXT NOT NULL,
                    PRIMARY KEY (subject_id, breach_id));
                ALTER TABLE subjects ADD COLUMN language TEXT;
                """)
        }
        migrator.registerMigration("v15") { db in
            // Erasures in two steps: the categories whose data keys an erasure destroyed, until
            // the purge has deleted their records; people erased whole, whose rows wait for it
            // (the partial index finds them without a scan).
            try db.execute(sql: """
                CREATE TABLE shredded (
                    subject_id TEXT NOT NULL REFERENCES subjects(id) ON DELETE CASCADE, category TEXT NOT NULL,
                    PRIMARY KEY (subject_id, category));
                ALTER TABLE subjects ADD COLUMN erased INTEGER NOT NULL DEFAULT 0;
                CREATE INDEX subjects_erased ON subjects (id) WHERE erased = 1;
                """)
        }
        migrator.registerMigration("v16") { db in
            // Counted up by every commit that changes the person: a commit prepared on the
            // person as read expects it (see SubjectRevisions).
            try db.execute(sql: "ALTER TABLE subjects ADD COLUMN revision INTEGER NOT NULL DEFAULT 0")
        }
        return migrator
    }

    /// The kinds that make up the consent track, as SQL text: objections are a separate track.
    static let consentKinds = ConsentEvent.Kind.allCases.filter(\.isConsent).map { "'\($0.rawValue)'" }.joined(separator: ", ")

    /// Applies one change with a cached prepared statement: imports run the same few statements
    /// hundreds of thousands of times. `fresh` holds the people the commit creates who have
    /// nothing stored yet that a write replaces (an earlier version's mentions, a shredded mark):
    /// their data keys and records are written in one statement each instead of two
    /// (docs/benchmarks.md). A person leaves it once such a thing is written.
    static func apply(_ change: StoreChange, in db: Database, fresh: inout Set<SubjectID>) throws {
        switch change {
        case .createSubject(let id, let createdAt):
            try db.cachedStatement(sql: "INSERT INTO subjects (id, created_at) VALUES (?, ?)").execute(arguments: [id.rawValue, createdAt.timeIntervalSince1970])
        case .addIdentifier(let identifier):
            try db.cachedStatement(sql: "INSERT INTO identifiers (kind, blind_index, subject_id, sealed, tag) VALUES (?, ?, ?, ?, ?)")
                .execute(arguments: [identifier.kind.rawValue, identifier.blindIndex, identifier.subject.rawValue, identifier.sealed, identifier.tag])
        case .addDataKey(let key):
            // A category shredded by an erasure gets a new key only once its old records are gone.
            if !fresh.contains(key.subject) {
                try db.cachedStatement(sql: "DELETE FROM shredded WHERE subject_id = ? AND category = ?").execute(arguments: [key.subject.rawValue, key.category])
                if db.changesCount > 0 {
                    try db.execute(sql: "DELETE FROM records WHERE subject_id = ? AND category = ?", arguments: [key.subject.rawValue, key.category])
                }
            }
            try db.cachedStatement(sql: "INSERT INTO data_keys (subject_id, category, wrapped, root_key_id) VALUES (?, ?, ?, ?)").execute(arguments: [key.subject.rawValue, key.category, key.wrapped, key.rootKeyID])
        case .expectDataKey(let key):
            // The writer is alone in its transaction: what it reads here stays so until it commits.
            let stored = try Data.fetchOne(db.cachedStatement(sql: "SELECT wrapped FROM data_keys WHERE subject_id = ? AND category = ?"),
                                           arguments: [key.subject.rawValue, key.category])
            guard stored == key.wrapped else { throw VaultError.keyChanged }
        case .expectSubject:
            break // checked with the revisions, once the commit's changes are applied
        case .putRecord(let record):
            try db.cachedStatement(sql: """
                INSERT INTO records (subject_id, category, record_id, fields, created_at, updated_at, erase_by, erase_action, erase_purpose, collected_for)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (subject_id, category, record_id) DO UPDATE SET fields = excluded.fields, updated_at = excluded.updated_at,
                    erase_by = excluded.erase_by, erase_action = excluded.erase_action, erase_purpose = excluded.erase_purpose
                """).execute(arguments: [record.subject.rawValue, record.category, record.id.rawValue, record.encodedFields,
                                 record.createdAt.timeIntervalSince1970, record.updatedAt.timeIntervalSince1970,
                                 record.schedule?.eraseBy?.timeIntervalSince1970, record.schedule?.action.rawValue,
                                 record.schedule?.purpose, record.collectedFor])
            if !fresh.contains(record.subject) {
                try db.cachedStatement(sql: "DELETE FROM mentions WHERE subject_id = ? AND category = ? AND record_id = ?")
                    .execute(arguments: [record.subject.rawValue, record.category, record.id.rawValue])
            } else if !record.mentions.isEmpty {
                fresh.remove(record.subject)
            }
            for mention in record.mentions {
                try db.cachedStatement(sql: "INSERT INTO mentions (subject_id, category, record_id, mention) VALUES (?, ?, ?, ?)")
                    .execute(arguments: [record.subject.rawValue, record.category, record.id.rawValue, mention])
            }
        case .scheduleErasure(let subject, let category, let record, let schedule):
            try db.cachedStatement(sql: "UPDATE records SET erase_by = ?, erase_action = ?, erase_purpose = ? WHERE subject_id = ? AND category = ? AND record_id = ?")
                .execute(arguments: [schedule.eraseBy?.timeIntervalSince1970, schedule.action.rawValue, schedule.purpose,
                                     subject.rawValue, category, record.rawValue])
        case .recordEvent(let subject, let name, let at):
            try db.cachedStatement(sql: "INSERT INTO events (subject_id, name, at) VALUES (?, ?, ?) ON CONFLICT (subject_id, name) DO UPDATE SET at = excluded.at").execute(arguments: [subject.rawValue, name, at.timeIntervalSince1970])
        case .addAPIKey(let key):
            try db.cachedStatement(sql: """
                INSERT INTO api_keys (id, secret_hash, name, purposes, break_glass, admin, vouches_for_sessions, created_at, expires_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """).execute(arguments: [key.id, key.secretHash, key.name, key.purposes.joined(separator: ","), key.mayBreakGlass, key.isAdmin,
                                         key.mayVouchForSessions, key.createdAt.timeIntervalSince1970, key.expiresAt?.timeIntervalSince1970])
        case .revokeAPIKey(let id, let at):
            try db.execute(sql: "UPDATE api_keys SET revoked_at = COALESCE(revoked_at, ?) WHERE id = ?", arguments: [at.timeIntervalSince1970, id])
        case .putBreach(let breach, let read):
            try Replacement.check(stored: Data.fetchOne(db, sql: "SELECT body FROM breaches WHERE id = ?", arguments: [breach.id]),
                                  holds: read, decode: Breach.decode, "breach \(breach.id)")
            try db.execute(sql: """
                INSERT INTO breaches (id, aware_at, body) VALUES (?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET aware_at = excluded.aware_at, body = excluded.body
                """, arguments: [breach.id, breach.timeline.awareAt.timeIntervalSince1970, breach.encoded()])
        case .addBreachNotices(let notices):
            let statement = try db.cachedStatement(sql: """
                INSERT INTO breach_notices (subject_id, breach_id, told_at, language) VALUES (?, ?, ?, ?)
                ON CONFLICT (subject_id, breach_id) DO UPDATE SET told_at = excluded.told_at, language = excluded.language
                """)
            for notice in notices {
                try statement.execute(arguments: [notice.subject.rawValue, notice.breach, notice.toldAt.timeIntervalSince1970, notice.language.rawValue])
            }
        case .setLanguage(let subject, let language):
            try db.execute(sql: "UPDATE subjects SET language = ? WHERE id = ?", arguments: [language.rawValue, subject.rawValue])
        case .putStaffMember(let member, let read):
            try Replacement.check(stored: Data.fetchOne(db, sql: "SELECT body FROM staff_members WHERE id = ?", arguments: [member.id]),
                                  holds: read, decode: StaffMember.decode, "staff account \(member.id)")
            try db.execute(sql: """
                INSERT INTO staff_members (id, email, name, body) VALUES (?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET email = excluded.email, name = excluded.name, body = excluded.body
                """, arguments: [member.id, member.email, member.name, member.encoded()])
        case .appendConsent(let subject, let event):
            try db.cachedStatement(sql: "INSERT INTO consent_events (subject_id, purpose, kind, purpose_hash, at, body) VALUES (?, ?, ?, ?, ?, ?)")
                .execute(arguments: [subject.rawValue, event.purpose, event.kind.rawValue, event.purposeHash,
                                     event.time.timeIntervalSince1970, event.encoded()])
        case .recordCookieChoice(let choice):
            try db.cachedStatement(sql: "INSERT INTO cookie_choices (visitor_id, subject_id, at, body) VALUES (?, ?, ?, ?)")
                .execute(arguments: [choice.visitor.rawValue, choice.subject?.rawValue, choice.time.timeIntervalSince1970, choice.encoded()])
        case .setRestrictions(let subject, let restrictions, let read):
            // The writer is alone in its transaction: what it reads here stays so until it commits.
            let stored = try Data.fetchOne(db, sql: "SELECT body FROM restrictions WHERE subject_id = ?", arguments: [subject.rawValue])
            guard (stored.map(Restriction.decode) ?? []) == read else {
                throw VaultError.changedMeanwhile("the restrictions of subject \(subject)")
            }
            if restrictions.isEmpty {
                try db.execute(sql: "DELETE FROM restrictions WHERE subject_id = ?", arguments: [subject.rawValue])
            } else {
                try db.execute(sql: "INSERT INTO restrictions (subject_id, body) VALUES (?, ?) ON CONFLICT (subject_id) DO UPDATE SET body = excluded.body",
                               arguments: [subject.rawValue, Restriction.encode(restrictions)])
            }
        case .putRequest(let request, let read):
            try Replacement.check(stored: Data.fetchOne(db, sql: "SELECT body FROM requests WHERE id = ?", arguments: [request.id.rawValue]),
                                  holds: read, decode: DataSubjectRequest.decode, "request \(request.id)")
            try db.execute(sql: """
                INSERT INTO requests (id, subject_id, type, state, is_open, received_at, closed_at, body) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET subject_id = excluded.subject_id, state = excluded.state, is_open = excluded.is_open,
                    closed_at = excluded.closed_at, body = excluded.body
                """, arguments: [request.id.rawValue, request.subject?.rawValue, request.type.rawValue, request.state.rawValue,
                                 !request.state.isFinal, request.receivedAt.timeIntervalSince1970,
                                 request.closedAt?.timeIntervalSince1970, request.encoded()])
        case .eraseSubject(let subject, let keeping):
            fresh.remove(subject)
            try erase(subject, keeping: keeping, in: db)
        case .eraseRecords(let subject, let categories, let records):
            fresh.remove(subject)
            try erase(categories: categories, records: records, of: subject, in: db)
        case .journalErasure(let record):
            try db.execute(sql: "INSERT INTO erasures (subject_id, at, body) VALUES (?, ?, ?)",
                           arguments: [record.subject.rawValue, record.erasedAt.timeIntervalSince1970, record.encoded()])
        }
    }

    static func append(_ event: AuditEvent, in db: Database) throws {
        let entry = event.entry
        try db.cachedStatement(sql: """
            INSERT INTO audit (seq, at, actor, action, subject_id, categories, purpose, reason, outcome, break_glass, previous_hash, hash)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [event.sequence, entry.time.timeIntervalSince1970, entry.actor, entry.action.rawValue,
                             entry.subject?.rawValue, entry.categories.joined(separator: ","), entry.purpose, entry.reason,
                             entry.outcome.rawValue, entry.breakGlass, event.previousHash, event.hash])
    }

    static func dataKey(_ row: Row) -> StoredDataKey {
        StoredDataKey(subject: SubjectID(rawValue: row["subject_id"])!, category: row["category"],
                      wrapped: row["wrapped"], rootKeyID: row["root_key_id"])
    }

    static func checkpoint(_ row: Row) -> AuditCheckpoint {
        AuditCheckpoint(sequence: row["seq"], hash: row["hash"], previousSequence: row["previous_seq"],
                        verifiedAt: Date(timeIntervalSince1970: row["verified_at"]))
    }

    static func auditEvent(_ row: Row) -> AuditEvent {
        let categories: String = row["categories"]
        let entry = AuditEntry(
            time: Date(timeIntervalSince1970: row["at"]), actor: row["actor"],
            action: AuditAction(rawValue: row["action"]) ?? .read,
            subject: (row["subject_id"] as String?).flatMap(SubjectID.init(rawValue:)),
            categories: categories.isEmpty ? [] : categories.split(separator: ",").map(String.init),
            purpose: row["purpose"], reason: row["reason"],
            outcome: AuditOutcome(rawValue: row["outcome"]) ?? .denied, breakGlass: row["break_glass"])
        return AuditEvent(sequence: row["seq"], entry: entry, previousHash: row["previous_hash"], hash: row["hash"],
                          isReduced: row["reduced"])
    }
}
