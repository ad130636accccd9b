import Foundation
import GRDB
import KluisCore

/// A subject's rows in one statement, in ``SubjectSnapshotAssembler``'s layout: the read path of
/// every request. One statement instead of one per table saves, per read, seven statement
/// look-ups, bindings and resets and the arrays of rows they returned; columns are read by
/// position from a cursor, without copying a row.
extension SQLiteVaultStore {
    /// The statement's text, with `records` added to the conditions on records and mentions;
    /// without the branches of identifiers and mentions when `isForRead`. Every branch is a
    /// lookup of the subject id in a primary key or index.
    private static func snapshotQuery(records filter: String = "", isForRead: Bool = false) -> String {
        let identifiers = isForRead ? "" : """

            UNION ALL SELECT 1, kind, NULL, blind_index, sealed, NULL, NULL, NULL, NULL, NULL, NULL FROM identifiers WHERE subject_id = ?1
            """
        let mentions = isForRead ? "" : """

            UNION ALL SELECT 7, category, record_id, mention, NULL, NULL, NULL, NULL, NULL, NULL, NULL FROM mentions WHERE subject_id = ?1\(filter)
            """
        return """
        SELECT 0, language, NULL, NULL, NULL, created_at, CASE WHEN erased THEN 1.0 END, revision, NULL, NULL, NULL
            FROM subjects WHERE id = ?1\(identifiers)
        UNION ALL SELECT 2, category, root_key_id, wrapped, NULL, NULL, NULL, NULL, NULL, NULL, NULL FROM data_keys WHERE subject_id = ?1
        UNION ALL SELECT 3, category, record_id, fields, NULL, created_at, updated_at, erase_by, erase_action, erase_purpose, collected_for
            FROM records WHERE subject_id = ?1\(filter)
        UNION ALL SELECT 4, name, NULL, NULL, NULL, at, NULL, NULL, NULL, NULL, NULL FROM events WHERE subject_id = ?1
        UNION ALL SELECT 5, NULL, NULL, body, NULL, seq, NULL, NULL, NULL, NULL, NULL FROM consent_events WHERE subject_id = ?1
        UNION ALL SELECT 6, NULL, NULL, body, NULL, NULL, NULL, NULL, NULL, NULL, NULL FROM restrictions WHERE subject_id = ?1\(mentions)
        """
    }

    private static let wholeSnapshotQuery = snapshotQuery()
    private static let readSnapshotQuery = snapshotQuery(isForRead: true)

    /// People's reads in turns: a turn takes a reader connection and reads what waits, one
    /// after another, then what came meanwhile, until nothing is. A read handed to a reader on
    /// its own costs two jumps between threads to get there (a reader from the pool, then its
    /// queue) and one back; under many requests at once those jumps, not the statements, were
    /// much of a read's time. A turn per core, leaving a reader for everything else; a read
    /// alone takes a turn at once.
    static func snapshotTurns(on pool: DatabasePool, maximum: Int) -> Turns<SnapshotRequest, SubjectSnapshot?> {
        Turns(maximum: maximum) { turns in
            pool.asyncUnsafeRead { connection in
                while case let reads = turns.next(), !reads.isEmpty {
                    for read in reads {
                        read.answer(Result {
                            try snapshot(read.request, in: try connection.get())
                        })
                    }
                }
            }
        }
    }

    /// One subject as `request` asks for them; `nil` when there is none, or it is erased.
    static func snapshot(_ request: SnapshotRequest, in db: Database) throws -> SubjectSnapshot? {
        let statement: Statement
        var arguments: StatementArguments = [request.subject.rawValue]
        if let categories = request.categories {
            // Numbered from 2: ?1 is the subject id. An empty set reads no record at all.
            let filter = categories.isEmpty ? " AND 0" : " AND category IN (\((2...categories.count + 1).map { "?\($0)" }.joined(separator: ", ")))"
            statement = try db.cachedStatement(sql: snapshotQuery(records: filter, isForRead: request.isForRead))
            arguments += StatementArguments(categories.sorted())
        } else {
            statement = try db.cachedStatement(sql: request.isForRead ? readSnapshotQuery : wholeSnapshotQuery)
        }
        var assembler = SubjectSnapshotAssembler(subject: request.subject)
        let rows = try Row.fetchCursor(statement, arguments: arguments)
        while let row = try rows.next() {
            guard let part = SubjectSnapshotAssembler.Row.Part(rawValue: row[0]) else { continue }
            assembler.add(SubjectSnapshotAssembler.Row(part: part, text1: row[1], text2: row[2], blob1: row[3], blob2: row[4],
                                                       number1: row[5], number2: row[6], number3: row[7],
                                                       text3: row[8], text4: row[9], text5: row[10]))
        }
        return assembler.snapshot()
    }
}
