import Foundation
import KluisCore
import PostgresNIO

/// One subject's rows in one prepared statement: a single round trip and one consistent
/// snapshot for the read path of every request. Each branch is a primary-key range scan by
/// subject id, so the statement runs on the subject's shard alone when distributed.
struct SnapshotStatement: PostgresPreparedStatement {
    static let sql = query(records: "")
    typealias Row = (Int32, String?, String?, Data?, Data?, Double?, Double?, Double?, String?, String?, String?)

    var subject: String

    /// The statement's text, with `records` added to the conditions on records and mentions.
    static func query(records filter: String) -> String {
        """
        SELECT 0, language, NULL::text, NULL::bytea, NULL::bytea, created_at, CASE WHEN erased THEN 1::float8 END, NULL::float8, NULL::text, NULL::text, NULL::text
            FROM subjects WHERE subject_id = $1
        UNION ALL SELECT 1, kind, NULL, blind_index, sealed, NULL, NULL, NULL, NULL, NULL, NULL FROM identifiers WHERE subject_id = $1
        UNION ALL SELECT 2, category, root_key_id, wrapped, NULL, NULL, NULL, NULL, NULL, NULL, NULL FROM data_keys WHERE subject_id = $1
        UNION ALL SELECT 3, category, record_id, fields, NULL, created_at, updated_at, erase_by, erase_action, erase_purpose, collected_for
            FROM records WHERE subject_id = $1\(filter)
        UNION ALL SELECT 4, name, NULL, NULL, NULL, at, NULL, NULL, NULL, NULL, NULL FROM events WHERE subject_id = $1
        UNION ALL SELECT 5, NULL, NULL, body, NULL, seq::float8, NULL, NULL, NULL, NULL, NULL FROM consent_events WHERE subject_id = $1
        UNION ALL SELECT 6, NULL, NULL, body, NULL, NULL, NULL, NULL, NULL, NULL, NULL FROM restrictions WHERE subject_id = $1
        UNION ALL SELECT 7, category, record_id, mention, NULL, NULL, NULL, NULL, NULL, NULL, NULL FROM mentions WHERE subject_id = $1\(filter)
        """
    }

    func makeBindings() throws -> PostgresBindings {
        var bindings = PostgresBindings()
        bindings.append(subject)
        return bindings
    }

    func decodeRow(_ row: PostgresRow) throws -> Row {
        try row.decode(Row.self)
    }

    /// Assembles the rows; `nil` when there is no subject row.
    static func snapshot(of subject: SubjectID, from rows: [Row]) -> SubjectSnapshot? {
        var createdAt: Date?
        var erased = false
        var language: Language?
        var identifiers: [StoredIdentifier] = []
        var keys: [StoredDataKey] = []
        var records: [SealedRecord] = []
        var events: [String: Date] = [:]
        var consents: [(sequence: Double, event: ConsentEvent)] = []
        var restrictions: [Restriction] = []
        var mentions: [String: [Data]] = [:]
        for (part, a, b, c, d, t1, t2, eraseBy, action, purpose, collectedFor) in rows {
            switch part {
            case 0:
                createdAt = t1.map(Date.init(timeIntervalSince1970:))
                erased = t2 != nil
                language = a.flatMap(Language.init(rawValue:))
            case 1:
                guard let kind = a.flatMap(SubjectIdentifier.Kind.init(rawValue:)), let blindIndex = c, let sealed = d else { continue }
                identifiers.append(StoredIdentifier(subject: subject, kind: kind, blindIndex: blindIndex, sealed: sealed))
            case 2:
                guard let category = a, let root = b, let wrapped = c else { continue }
                keys.append(StoredDataKey(subject: subject, category: category, wrapped: wrapped, rootKeyID: root))
            case 3:
                guard let category = a, let id = b.flatMap(RecordID.init(rawValue:)), let blob = c,
                      let fields = SealedRecord.decodeFields(blob), let created = t1, let updated = t2 else { continue }
                records.append(SealedRecord(subject: subject, category: category, id: id, fields: fields,
                                            createdAt: Date(timeIntervalSince1970: created), updatedAt: Date(timeIntervalSince1970: updated),
                                            schedule: ErasureSchedule(stored: eraseBy, action: action, purpose: purpose),
                                            collectedFor: collectedFor))
            case 4:
                guard let name = a, let at = t1 else { continue }
                events[name] = Date(timeIntervalSince1970: at)
            case 5:
                guard let body = c, let sequence = t1, let event = ConsentEvent.decode(body) else { continue }
                consents.append((sequence, event))
            case 6:
                restrictions = c.map(Restriction.decode) ?? []
            default:
                guard let category = a, let id = b, let mention = c else { continue }
                mentions["\(category)\0\(id)", default: []].append(mention)
            }
        }
        guard let createdAt, !erased else { return nil }
        // Records whose category lost its key to an erasure are shredded: never part of a read.
        let readable = Set(keys.map(\.category))
        records.removeAll { !readable.contains($0.category) }
        if !mentions.isEmpty {
            for index in records.indices {
                records[index].mentions = mentions["\(records[index].category)\0\(records[index].id.rawValue)"] ?? []
            }
        }
        return SubjectSnapshot(subject: subject, createdAt: createdAt, identifiers: identifiers, dataKeys: keys,
                               records: records, events: events,
                               consents: consents.sorted { $0.sequence < $1.sequence }.map(\.event), restrictions: restrictions,
                               language: language)
    }
}

/// A snapshot with only the records (and mentions) of some categories: the read of an erasure.
struct PartialSnapshotStatement: PostgresPreparedStatement {
    static let sql = SnapshotStatement.query(records: " AND category = ANY($2)")
    typealias Row = SnapshotStatement.Row

    var subject: String
    var categories: [String]

    func makeBindings() throws -> PostgresBindings {
        var bindings = PostgresBindings()
        bindings.append(subject)
        bindings.append(categories)
        return bindings
    }

    func decodeRow(_ row: PostgresRow) throws -> Row {
        try row.decode(Row.self)
    }
}

/// The subject an identifier's blind index belongs to, with the tag that binds them.
struct LookupStatement: PostgresPreparedStatement {
    static let sql = "SELECT subject_id, tag FROM identifier_index WHERE kind = $1 AND blind_index = $2"
    typealias Row = (String, Data?)

    var kind: String
    var blindIndex: Data

    func makeBindings() throws -> PostgresBindings {
        var bindings = PostgresBindings()
        bindings.append(kind)
        try bindings.append(blindIndex)
        return bindings
    }

    func decodeRow(_ row: PostgresRow) throws -> Row {
        try row.decode((String, Data?).self)
    }
}
