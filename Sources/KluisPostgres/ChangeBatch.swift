import Foundation
import KluisCore
import Logging
import NIOCore
import PostgresNIO

/// The changes of one commit, gathered per table so that each table gets one statement
/// (`INSERT … SELECT FROM UNNEST` of arrays), however many subjects an import batch holds.
struct ChangeBatch {
    var subjects: [(SubjectID, Date)] = []
    var identifiers: [StoredIdentifier] = []
    var dataKeys: [StoredDataKey] = []
    /// The data keys the records were sealed under: a group commit may expect one twice. Two
    /// different keys of one pair cannot both be found, so such a commit fails.
    var expectedKeys: Set<StoredDataKey> = []
    /// By key: a group commit may write one record twice; the later write wins, as it would in
    /// two transactions.
    var records: [String: SealedRecord] = [:]
    var recordOrder: [String] = []
    var events: [String: (SubjectID, String, Date)] = [:]
    var eventOrder: [String] = []
    var apiKeys: [StoredAPIKey] = []
    var revokedKeys: [(String, Date)] = []
    var staff: [(StaffMember, replacing: StaffMember?)] = []
    var breaches: [(Breach, replacing: Breach?)] = []
    var breachNotices: [BreachNotice] = []
    var languages: [(SubjectID, Language)] = []
    var consents: [(SubjectID, ConsentEvent)] = []
    var cookieChoices: [CookieChoice] = []
    var restrictions: [(SubjectID, [Restriction], replacing: [Restriction])] = []
    var requests: [(DataSubjectRequest, replacing: DataSubjectRequest?)] = []
    var erasures: [(SubjectID, [String])] = []
    var partErasures: [(SubjectID, [String], [RecordID])] = []
    var journal: [ErasureRecord] = []
    var schedules: [(SubjectID, String, RecordID, ErasureSchedule)] = []

    init(_ changes: [StoreChange]) {
        for change in changes {
            switch change {
            case .createSubject(let id, let createdAt): subjects.append((id, createdAt))
            case .addIdentifier(let identifier): identifiers.append(identifier)
            case .addDataKey(let key): dataKeys.append(key)
            case .expectDataKey(let key): expectedKeys.insert(key)
            case .expectSubject: break // see countUp(_:on:logger:)
            case .putRecord(let record):
                let key = "\(record.subject.rawValue)\u{0}\(record.category)\u{0}\(record.id.rawValue)"
                if records.updateValue(record, forKey: key) == nil { recordOrder.append(key) }
            case .recordEvent(let subject, let name, let at):
                let key = "\(subject.rawValue)\u{0}\(name)"
                if events.updateValue((subject, name, at), forKey: key) == nil { eventOrder.append(key) }
            case .addAPIKey(let key): apiKeys.append(key)
            case .revokeAPIKey(let id, let at): revokedKeys.append((id, at))
            case .putStaffMember(let member, let read): staff.append((member, read))
            case .putBreach(let breach, let read): breaches.append((breach, read))
            case .addBreachNotices(let notices): breachNotices += notices
            case .setLanguage(let subject, let language): languages.append((subject, language))
            case .appendConsent(let subject, let event): consents.append((subject, event))
            case .recordCookieChoice(let choice): cookieChoices.append(choice)
            case .setRestrictions(let subject, let list, let read): restrictions.append((subject, list, read))
            case .putRequest(let request, let read): requests.append((request, read))
            case .eraseSubject(let subject, let keeping): erasures.append((subject, keeping))
            case .eraseRecords(let subject, let categories, let records): partErasures.append((subject, categories, records))
            case .journalErasure(let record): journal.append(record)
            case .scheduleErasure(let subject, let category, let record, let schedule): schedules.append((subject, category, record, schedule))
            }
        }
    }

    /// Adds the identifiers to the global index, after ``apply(on:created:logger:)``: a blind
    /// index taken by another subject fails here, on its key. Of all that a commit creating new
    /// people writes, only these rows can be another transaction's too, which is why a commit
    /// that waits for its predecessor (``PostgresVaultStore/commit(_:audit:after:)``) writes them
    /// after the wait: an index entry it held would make the predecessor wait for it in turn.
    func indexIdentifiers(on connection: PostgresConnection, logger: Logger) async throws {
        guard !identifiers.isEmpty else { return }
        try await connection.query("""
            INSERT INTO identifier_index (kind, blind_index, subject_id, tag)
            SELECT * FROM UNNEST(\(identifiers.map(\.kind.rawValue)), \(identifiers.map { ByteBuffer(bytes: $0.blindIndex) }),
                                 \(identifiers.map(\.subject.rawValue)), \(identifiers.map { ByteBuffer(bytes: $0.tag) }))
            """, logger: logger)
    }

    /// Applies the batch but its identifiers' index entries, in dependency order: subjects
    /// before what belongs to them, erasures (which free index entries) before
    /// ``indexIdentifiers(on:logger:)``. The records of people in `created`, made by this
    /// commit, replace no mentions: nothing of theirs was stored before, and each record is
    /// written once.
    func apply(on connection: PostgresConnection, created: Set<SubjectID>, logger: Logger) async throws {
        if !subjects.isEmpty {
            try await connection.query("""
                INSERT INTO subjects (subject_id, created_at)
                SELECT * FROM UNNEST(\(subjects.map(\.0.rawValue)), \(subjects.map(\.1.timeIntervalSince1970)))
                """, logger: logger)
        }
        if !identifiers.isEmpty {
            try await connection.query("""
                INSERT INTO identifiers (subject_id, kind, blind_index, sealed, tag)
                SELECT * FROM UNNEST(\(identifiers.map(\.subject.rawValue)), \(identifiers.map(\.kind.rawValue)),
                                     \(identifiers.map { ByteBuffer(bytes: $0.blindIndex) }), \(identifiers.map { ByteBuffer(bytes: $0.sealed) }),
                                     \(identifiers.map { ByteBuffer(bytes: $0.tag) }))
                """, logger: logger)
        }
        if !dataKeys.isEmpty {
            // A category shredded by an erasure gets a new key only once its old records are gone
            // (one statement: the probe of the shredded marks, nearly always empty, costs nothing).
            try await connection.query("""
                WITH k AS (
                    SELECT * FROM UNNEST(\(dataKeys.map(\.subject.rawValue)), \(dataKeys.map(\.category)),
                                         \(dataKeys.map { ByteBuffer(bytes: $0.wrapped) }), \(dataKeys.map(\.rootKeyID))) AS u (s, c, w, r)
                ), revived AS (
                    DELETE FROM shredded x USING k WHERE x.subject_id = k.s AND x.category = k.c RETURNING x.subject_id, x.category
                ), purged AS (
                    DELETE FROM records r USING revived v WHERE r.subject_id = v.subject_id AND r.category = v.category
                )
                INSERT INTO data_keys (subject_id, category, wrapped, root_key_id) SELECT s, c, w, r FROM k
                """, logger: logger)
        }
        try await checkExpectedKeys(on: connection, logger: logger)
        if !records.isEmpty {
            let records = recordOrder.compactMap { self.records[$0] }
            try await connection.query("""
                INSERT INTO records (subject_id, category, record_id, fields, created_at, updated_at, erase_by, erase_action, erase_purpose, collected_for)
                SELECT s, c, r, f, ca, ua, NULLIF(e, 'Infinity'), NULLIF(a, ''), NULLIF(p, ''), NULLIF(cf, '')
                FROM UNNEST(\(records.map(\.subject.rawValue)), \(records.map(\.category)), \(records.map(\.id.rawValue)),
                            \(records.map { ByteBuffer(bytes: $0.encodedFields) }),
                            \(records.map(\.createdAt.timeIntervalSince1970)), \(records.map(\.updatedAt.timeIntervalSince1970)),
                            \(records.map { Self.eraseBy($0.schedule?.eraseBy) }), \(records.map { $0.schedule?.action.rawValue ?? "" }),
                            \(records.map { $0.schedule?.purpose ?? "" }), \(records.map { $0.collectedFor ?? "" }))
                     AS u (s, c, r, f, ca, ua, e, a, p, cf)
                ON CONFLICT (subject_id, category, record_id) DO UPDATE SET fields = excluded.fields, updated_at = excluded.updated_at,
                    erase_by = excluded.erase_by, erase_action = excluded.erase_action, erase_purpose = excluded.erase_purpose
                """, logger: logger)
            // A record's mentions are replaced with it.
            let replacing = records.filter { !created.contains($0.subject) }
            if !replacing.isEmpty {
                try await connection.query("""
                    DELETE FROM mentions m USING UNNEST(\(replacing.map(\.subject.rawValue)), \(replacing.map(\.category)), \(replacing.map(\.id.rawValue)))
                         AS u (s, c, r)
                    WHERE m.subject_id = u.s AND m.category = u.c AND m.record_id = u.r
                    """, logger: logger)
            }
            let mentioning = records.flatMap { record in record.mentions.map { (record, $0) } }
            if !mentioning.isEmpty {
                try await connection.query("""
                    INSERT INTO mentions (subject_id, category, record_id, mention)
                    SELECT * FROM UNNEST(\(mentioning.map(\.0.subject.rawValue)), \(mentioning.map(\.0.category)),
                                         \(mentioning.map(\.0.id.rawValue)), \(mentioning.map { ByteBuffer(bytes: $0.1) }))
                    ON CONFLICT DO NOTHING
                    """, logger: logger)
            }
        }
        if !schedules.isEmpty {
            try await connection.query("""
                UPDATE records r SET erase_by = NULLIF(s.erase_by, 'Infinity'), erase_action = s.erase_action,
                                     erase_purpose = NULLIF(s.erase_purpose, '')
                FROM UNNEST(\(schedules.map(\.0.rawValue)), \(schedules.map(\.1)), \(schedules.map(\.2.rawValue)),
                            \(schedules.map { Self.eraseBy($0.3.eraseBy) }), \(schedules.map(\.3.action.rawValue)),
                            \(schedules.map { $0.3.purpose ?? "" }))
                     AS s (subject_id, category, record_id, erase_by, erase_action, erase_purpose)
                WHERE r.subject_id = s.subject_id AND r.category = s.category AND r.record_id = s.record_id
                """, logger: logger)
        }
        if !events.isEmpty {
            let events = eventOrder.compactMap { self.events[$0] }
            try await connection.query("""
                INSERT INTO events (subject_id, name, at)
                SELECT * FROM UNNEST(\(events.map(\.0.rawValue)), \(events.map(\.1)), \(events.map(\.2.timeIntervalSince1970)))
                ON CONFLICT (subject_id, name) DO UPDATE SET at = excluded.at
                """, logger: logger)
        }
        if !consents.isEmpty {
            // In the order given, so the identity column numbers them as they happened.
            try await connection.query("""
                INSERT INTO consent_events (subject_id, purpose, kind, purpose_hash, at, body)
                SELECT s, p, k, h, a, b FROM UNNEST(\(consents.map(\.0.rawValue)), \(consents.map(\.1.purpose)),
                                                   \(consents.map(\.1.kind.rawValue)), \(consents.map(\.1.purposeHash)),
                                                   \(consents.map(\.1.time.timeIntervalSince1970)),
                                                   \(consents.map { ByteBuffer(bytes: $0.1.encoded()) }))
                    WITH ORDINALITY AS u (s, p, k, h, a, b, n) ORDER BY n
                """, logger: logger)
        }
        for choice in cookieChoices {
            try await connection.query("""
                INSERT INTO cookie_choices (visitor_id, subject_id, at, body)
                VALUES (\(choice.visitor.rawValue), \(choice.subject?.rawValue), \(choice.time.timeIntervalSince1970), \(choice.encoded()))
                """, logger: logger)
        }
        for (subject, keeping) in erasures {
            try await Self.erase(subject, keeping: keeping, on: connection, logger: logger)
        }
        for (subject, categories, records) in partErasures {
            try await Self.erase(categories: categories, records: records, of: subject, on: connection, logger: logger)
        }
        // A value replaced whole is read `FOR UPDATE` and compared with what the change was
        // prepared on: a commit replacing it at the same moment waits for this one and then reads
        // what it stored. Where nothing was stored, a plain `INSERT` makes the second of two
        // commits fail on the primary key (mapped to `store.conflict`).
        for (subject, list, read) in restrictions {
            let stored = try await Self.lockedBody(
                "SELECT body FROM restrictions WHERE subject_id = \(subject.rawValue) FOR UPDATE", on: connection, logger: logger)
            guard (stored.map(Restriction.decode) ?? []) == read else {
                throw VaultError.changedMeanwhile("the restrictions of subject \(subject)")
            }
            switch (stored, list.isEmpty) {
            case (nil, true):
                break
            case (nil, false):
                try await connection.query("INSERT INTO restrictions (subject_id, body) VALUES (\(subject.rawValue), \(Restriction.encode(list)))",
                                           logger: logger)
            case (_?, true):
                try await connection.query("DELETE FROM restrictions WHERE subject_id = \(subject.rawValue)", logger: logger)
            case (_?, false):
                try await connection.query("UPDATE restrictions SET body = \(Restriction.encode(list)) WHERE subject_id = \(subject.rawValue)",
                                           logger: logger)
            }
        }
        for (request, read) in requests {
            try await Self.replace(read, "request \(request.id)", decode: DataSubjectRequest.decode,
                                   locking: "SELECT body FROM requests WHERE id = \(request.id.rawValue) FOR UPDATE", insert: """
                INSERT INTO requests (id, subject_id, type, state, is_open, received_at, closed_at, body)
                VALUES (\(request.id.rawValue), \(request.subject?.rawValue), \(request.type.rawValue), \(request.state.rawValue),
                        \(!request.state.isFinal), \(request.receivedAt.timeIntervalSince1970),
                        \(request.closedAt?.timeIntervalSince1970), \(request.encoded()))
                """, update: """
                UPDATE requests SET subject_id = \(request.subject?.rawValue), state = \(request.state.rawValue),
                                    is_open = \(!request.state.isFinal), closed_at = \(request.closedAt?.timeIntervalSince1970),
                                    body = \(request.encoded())
                WHERE id = \(request.id.rawValue)
                """, on: connection, logger: logger)
        }
        for record in journal {
            try await connection.query("""
                INSERT INTO erasures (subject_id, at, body)
                VALUES (\(record.subject.rawValue), \(record.erasedAt.timeIntervalSince1970), \(record.encoded()))
                """, logger: logger)
        }
        for key in apiKeys {
            try await connection.query("""
                INSERT INTO api_keys (id, secret_hash, name, purposes, break_glass, admin, vouches_for_sessions, created_at, expires_at)
                VALUES (\(key.id), \(key.secretHash), \(key.name), \(key.purposes.joined(separator: ",")),
                        \(key.mayBreakGlass), \(key.isAdmin), \(key.mayVouchForSessions), \(key.createdAt.timeIntervalSince1970),
                        \(key.expiresAt?.timeIntervalSince1970))
                """, logger: logger)
        }
        for (id, at) in revokedKeys {
            try await connection.query("""
                UPDATE api_keys SET revoked_at = COALESCE(revoked_at, \(at.timeIntervalSince1970)) WHERE id = \(id)
                """, logger: logger)
        }
        for (breach, read) in breaches {
            let body = ByteBuffer(bytes: breach.encoded())
            try await Self.replace(read, "breach \(breach.id)", decode: Breach.decode,
                                   locking: "SELECT body FROM breaches WHERE id = \(breach.id) FOR UPDATE",
                                   insert: "INSERT INTO breaches (id, aware_at, body) VALUES (\(breach.id), \(breach.timeline.awareAt.timeIntervalSince1970), \(body))",
                                   update: "UPDATE breaches SET aware_at = \(breach.timeline.awareAt.timeIntervalSince1970), body = \(body) WHERE id = \(breach.id)",
                                   on: connection, logger: logger)
        }
        if !breachNotices.isEmpty {
            try await connection.query("""
                INSERT INTO breach_notices (subject_id, breach_id, told_at, language)
                SELECT * FROM UNNEST(\(breachNotices.map(\.subject.rawValue)), \(breachNotices.map(\.breach)),
                                     \(breachNotices.map(\.toldAt.timeIntervalSince1970)), \(breachNotices.map(\.language.rawValue)))
                ON CONFLICT (subject_id, breach_id) DO UPDATE SET told_at = excluded.told_at, language = excluded.language
                """, logger: logger)
        }
        for (subject, language) in languages {
            try await connection.query("UPDATE subjects SET language = \(language.rawValue) WHERE subject_id = \(subject.rawValue)", logger: logger)
        }
        // In order of id: a change that expects another account unchanged (an owner kept, see
        // StaffService) locks both, and two such commits must not wait for each other in a circle.
        for (member, read) in staff.sorted(by: { $0.0.id < $1.0.id }) {
            let body = ByteBuffer(bytes: member.encoded())
            try await Self.replace(read, "staff account \(member.id)", decode: StaffMember.decode,
                                   locking: "SELECT body FROM staff_members WHERE id = \(member.id) FOR UPDATE",
                                   insert: "INSERT INTO staff_members (id, email, name, body) VALUES (\(member.id), \(member.email), \(member.name), \(body))",
                                   update: "UPDATE staff_members SET email = \(member.email), name = \(member.name), body = \(body) WHERE id = \(member.id)",
                                   on: connection, logger: logger)
        }
    }

    /// Fails the commit unless every expected data key is still the subject's, and keeps each
    /// so until the commit (`FOR SHARE`): a sweep or erasure locks a key `FOR UPDATE` before it
    /// looks for records left under it, so it either sees this commit's records or has removed
    /// the key before this statement reads it (under READ COMMITTED a row deleted meanwhile is
    /// not returned) and the commit fails.
    private func checkExpectedKeys(on connection: PostgresConnection, logger: Logger) async throws {
        guard !expectedKeys.isEmpty else { return }
        let keys = Array(expectedKeys)
        let held = try await connection.query("""
            SELECT 1 FROM data_keys k
            JOIN UNNEST(\(keys.map(\.subject.rawValue)), \(keys.map(\.category)), \(keys.map { ByteBuffer(bytes: $0.wrapped) })) AS u (s, c, w)
                 ON k.subject_id = u.s AND k.category = u.c AND k.wrapped = u.w
            ORDER BY k.subject_id, k.category FOR SHARE OF k
            """, logger: logger).all().count
        guard held == keys.count else { throw VaultError.keyChanged }
    }

    /// An erase-by date as an array element: arrays hold no NULL here, so "no date yet" travels
    /// as infinity and is stored as NULL.
    static func eraseBy(_ date: Date?) -> Double {
        date?.timeIntervalSince1970 ?? .infinity
    }

    /// Shreds the records of `categories` with their keys, and deletes the `records` named; a
    /// key with no record of its category left goes with its last record.
    static func erase(categories: [String], records: [RecordID], of subject: SubjectID,
                      on connection: PostgresConnection, logger: Logger) async throws {
        let id = subject.rawValue
        try await lockKeys(of: subject, on: connection, logger: logger)
        if !categories.isEmpty {
            try await shred(subject, keysWhere: "category = ANY($2)", categories, on: connection, logger: logger)
        }
        guard !records.isEmpty else { return }
        try await connection.query("""
            WITH gone AS (DELETE FROM records WHERE subject_id = \(id) AND record_id = ANY(\(records.map(\.rawValue))) RETURNING category)
            DELETE FROM data_keys k WHERE k.subject_id = \(id) AND k.category IN (SELECT category FROM gone)
                AND NOT EXISTS (SELECT 1 FROM records r WHERE r.subject_id = k.subject_id AND r.category = k.category
                                AND NOT r.record_id = ANY(\(records.map(\.rawValue))))
            """, logger: logger)
    }

    /// Destroys a subject's keys but those of the categories kept, shredding their records, and
    /// deletes its identifiers (with their entries in the global index), consents, sign-ins and
    /// sessions. Erased whole, the subject also loses its events, restriction, breach notices
    /// and language, and is marked erased until the purge has deleted its records; with no
    /// record to purge it goes at once.
    static func erase(_ subject: SubjectID, keeping: [String], on connection: PostgresConnection, logger: Logger) async throws {
        let id = subject.rawValue
        try await lockKeys(of: subject, on: connection, logger: logger)
        try await connection.query("""
            DELETE FROM identifier_index WHERE (kind, blind_index) IN
                (SELECT kind, blind_index FROM identifiers WHERE subject_id = \(id))
            """, logger: logger)
        try await connection.query("UPDATE cookie_choices SET subject_id = NULL WHERE subject_id = \(id)", logger: logger)
        let shredded = try await shred(subject, keysWhere: "NOT (category = ANY($2))", keeping, on: connection, logger: logger)
        try await delete(from: ["identifiers", "consent_events", "sign_ins", "web_sessions"], of: id, on: connection, logger: logger)
        guard keeping.isEmpty else { return }
        guard shredded > 0 else {
            try await connection.query("DELETE FROM subjects WHERE subject_id = \(id)", logger: logger)
            return
        }
        try await delete(from: ["events", "restrictions", "breach_notices"], of: id, on: connection, logger: logger)
        try await connection.query("UPDATE subjects SET erased = true, language = NULL WHERE subject_id = \(id)", logger: logger)
    }

    /// Locks the subject's data keys before an erasure looks for the records under them: a
    /// write holds the key it sealed under `FOR SHARE` until it commits, so the erasure's next
    /// statements see its records (and shred them), or the write finds its key gone and fails.
    private static func lockKeys(of subject: SubjectID, on connection: PostgresConnection, logger: Logger) async throws {
        try await connection.query("SELECT 1 FROM data_keys WHERE subject_id = \(subject.rawValue) ORDER BY category FOR UPDATE", logger: logger)
    }

    /// Destroys the subject's data keys that `condition` (SQL on `category`, with `categories`
    /// as `$2`) selects, and marks their categories that still hold records as shredded for the
    /// purge. Returns the number of categories shredded.
    @discardableResult
    static func shred(_ subject: SubjectID, keysWhere condition: String, _ categories: [String],
                      on connection: PostgresConnection, logger: Logger) async throws -> Int {
        var bindings = binds(subject.rawValue)
        bindings.append(categories)
        let rows = try await connection.query(PostgresQuery(unsafeSQL: """
            WITH destroyed AS (DELETE FROM data_keys WHERE subject_id = $1 AND \(condition) RETURNING subject_id, category),
                 marked AS (
                    INSERT INTO shredded (subject_id, category)
                    SELECT d.subject_id, d.category FROM destroyed d
                    WHERE EXISTS (SELECT 1 FROM records r WHERE r.subject_id = d.subject_id AND r.category = d.category)
                    ON CONFLICT DO NOTHING RETURNING 1)
            SELECT count(*) FROM marked
            """, binds: bindings), logger: logger)
        return Int(try await rows.decode(Int64.self).all().first ?? 0)
    }

    /// Deletes a subject's rows from each of `tables` (names from this file, never from input).
    private static func delete(from tables: [String], of id: String, on connection: PostgresConnection, logger: Logger) async throws {
        for table in tables {
            try await connection.query(PostgresQuery(unsafeSQL: "DELETE FROM \(table) WHERE subject_id = $1", binds: binds(id)), logger: logger)
        }
    }

    /// Bindings that start with a subject id as `$1`.
    private static func binds(_ id: String) -> PostgresBindings {
        var bindings = PostgresBindings()
        bindings.append(id)
        return bindings
    }
}
