import Foundation
import KluisCore
import PostgresNIO

/// One subject's rows in one prepared statement, in ``SubjectSnapshotAssembler``'s layout: a
/// single round trip and one consistent snapshot. Each branch is a primary-key range scan by
/// subject id, so the statement runs on the subject's shard alone when distributed. The read of
/// a person alone; reads that arrive together go through ``SnapshotsStatement``.
struct SnapshotStatement: PersonSnapshotStatement {
    static let sql = query()
    typealias Row = (Int32, String?, String?, Data?, Data?, Double?, Double?, Double?, String?, String?, String?)

    var subject: String

    /// The statement's text: each branch keeps the rows whose subject id `matches` (`= $1`, or
    /// `= ANY($1)` for several people), led by that id when `ledBySubject`; `records` is added to
    /// the conditions on records and mentions. A purpose-bound read's (`isForRead`) has no
    /// branch for identifiers or mentions.
    static func query(matching matches: String = "= $1", ledBySubject: Bool = false, records filter: String = "",
                      isForRead: Bool = false) -> String {
        let lead = ledBySubject ? "subject_id, " : ""
        let subject = "subject_id \(matches)"
        let identifiers = isForRead ? "" : """

            UNION ALL SELECT \(lead)1, kind, NULL, blind_index, sealed, NULL, NULL, NULL, NULL, NULL, NULL FROM identifiers WHERE \(subject)
            """
        let mentions = isForRead ? "" : """

            UNION ALL SELECT \(lead)7, category, record_id, mention, NULL, NULL, NULL, NULL, NULL, NULL, NULL FROM mentions WHERE \(subject)\(filter)
            """
        return """
            SELECT \(lead)0, language, NULL::text, NULL::bytea, NULL::bytea, created_at, CASE WHEN erased THEN 1::float8 END, revision::float8, NULL::text, NULL::text, NULL::text
                FROM subjects WHERE \(subject)\(identifiers)
            UNION ALL SELECT \(lead)2, category, root_key_id, wrapped, NULL, NULL, NULL, NULL, NULL, NULL, NULL FROM data_keys WHERE \(subject)
            UNION ALL SELECT \(lead)3, category, record_id, fields, NULL, created_at, updated_at, erase_by, erase_action, erase_purpose, collected_for
                FROM records WHERE \(subject)\(filter)
            UNION ALL SELECT \(lead)4, name, NULL, NULL, NULL, at, NULL, NULL, NULL, NULL, NULL FROM events WHERE \(subject)
            UNION ALL SELECT \(lead)5, NULL, NULL, body, NULL, seq::float8, NULL, NULL, NULL, NULL, NULL FROM consent_events WHERE \(subject)
            UNION ALL SELECT \(lead)6, NULL, NULL, body, NULL, NULL, NULL, NULL, NULL, NULL, NULL FROM restrictions WHERE \(subject)\(mentions)
            """
    }

    /// The columns of a person's row, from `cells` (after the subject's id in ``SnapshotsStatement``'s).
    static func decode(_ cells: inout PostgresRowCells) throws -> Row {
        (try cells.next(Int32.self), try cells.next(String?.self), try cells.next(String?.self),
         try cells.next(Data?.self), try cells.next(Data?.self),
         try cells.next(Double?.self), try cells.next(Double?.self), try cells.next(Double?.self),
         try cells.next(String?.self), try cells.next(String?.self), try cells.next(String?.self))
    }

    /// The row in the stores' common layout; `nil` for a part this version does not know.
    static func assemblerRow(_ row: Row) -> SubjectSnapshotAssembler.Row? {
        let (part, text1, text2, blob1, blob2, number1, number2, number3, text3, text4, text5) = row
        guard let part = SubjectSnapshotAssembler.Row.Part(rawValue: Int(part)) else { return nil }
        return SubjectSnapshotAssembler.Row(part: part, text1: text1, text2: text2, blob1: blob1, blob2: blob2,
                                            number1: number1, number2: number2, number3: number3,
                                            text3: text3, text4: text4, text5: text5)
    }
}

/// A purpose-bound read of a person alone: ``SnapshotStatement`` without the rows the read does
/// not use (``SubjectStore/readSnapshot(of:)``).
struct ReadSnapshotStatement: PersonSnapshotStatement {
    static let sql = SnapshotStatement.query(isForRead: true)
    var subject: String
}

/// A statement of one person's rows, bound to their id (and, where it says so, more).
protocol PersonSnapshotStatement: PostgresPreparedStatement where Row == SnapshotStatement.Row {
    var subject: String { get }
}

extension PersonSnapshotStatement {
    func makeBindings() throws -> PostgresBindings {
        var bindings = PostgresBindings()
        bindings.append(subject)
        return bindings
    }

    func decodeRow(_ row: PostgresRow) throws -> Row {
        var cells = PostgresRowCells(row)
        return try SnapshotStatement.decode(&cells)
    }
}

/// Several subjects' rows in one prepared statement, each row led by its subject's id: the read
/// of a turn (``PostgresVaultStore/snapshotTurns(client:logger:maximum:)``). One statement, so the
/// people of a turn are read in one consistent snapshot, each as ``SnapshotStatement`` reads them.
struct SnapshotsStatement: PeopleSnapshotStatement {
    static let sql = SnapshotStatement.query(matching: "= ANY($1)", ledBySubject: true)
    var subjects: [String]
}

/// The purpose-bound reads of a turn, each as ``ReadSnapshotStatement`` reads them.
struct ReadSnapshotsStatement: PeopleSnapshotStatement {
    static let sql = SnapshotStatement.query(matching: "= ANY($1)", ledBySubject: true, isForRead: true)
    var subjects: [String]
}

/// A statement of several people's rows, each row led by its subject's id.
protocol PeopleSnapshotStatement: PostgresPreparedStatement where Row == (subject: String, columns: SnapshotStatement.Row) {
    var subjects: [String] { get }
}

extension PeopleSnapshotStatement {
    func makeBindings() throws -> PostgresBindings {
        var bindings = PostgresBindings()
        bindings.append(subjects)
        return bindings
    }

    func decodeRow(_ row: PostgresRow) throws -> Row {
        var cells = PostgresRowCells(row)
        return (try cells.next(String.self), try SnapshotStatement.decode(&cells))
    }
}

/// A snapshot with only the records (and mentions) of some categories: the read of an erasure.
struct PartialSnapshotStatement: PersonSnapshotStatement {
    static let sql = SnapshotStatement.query(records: " AND category = ANY($2)")

    var subject: String
    var categories: [String]

    func makeBindings() throws -> PostgresBindings {
        var bindings = PostgresBindings()
        bindings.append(subject)
        bindings.append(categories)
        return bindings
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
