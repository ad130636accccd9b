import Foundation
import GRDB
import KluisCore

/// The erasure's commit on SQLite: keys destroyed and their categories shredded, for the purge
/// to delete after (``SQLiteVaultStore/purgeShredded(limit:)``).
extension SQLiteVaultStore {
    /// Destroys a subject's keys but those of the categories kept, shredding their records, and
    /// deletes its identifiers, consents, sign-ins and sessions. Erased whole, the subject also
    /// loses its events, restriction, breach notices and language, and is marked erased until the
    /// purge has deleted its records; with no record to purge it goes at once.
    static func erase(_ subject: SubjectID, keeping: [String], in db: Database) throws {
        let id = subject.rawValue
        try db.execute(sql: "UPDATE cookie_choices SET subject_id = NULL WHERE subject_id = ?", arguments: [id])
        let shredded = try shred(subject, keysWhere: "category NOT IN (\(databaseQuestionMarks(count: keeping.count)))", keeping, in: db)
        for table in ["identifiers", "consent_events", "sign_ins", "web_sessions"] {
            try db.execute(sql: "DELETE FROM \(table) WHERE subject_id = ?", arguments: [id])
        }
        guard keeping.isEmpty else { return }
        guard shredded > 0 else {
            try db.execute(sql: "DELETE FROM subjects WHERE id = ?", arguments: [id])
            return
        }
        for table in ["events", "restrictions", "breach_notices"] {
            try db.execute(sql: "DELETE FROM \(table) WHERE subject_id = ?", arguments: [id])
        }
        try db.execute(sql: "UPDATE subjects SET erased = 1, language = NULL WHERE id = ?", arguments: [id])
    }

    /// Destroys the subject's data keys that `condition` (SQL on `category`, with `arguments`)
    /// selects, and marks their categories that still hold records as shredded for the purge.
    /// Returns the number of categories shredded.
    @discardableResult
    private static func shred(_ subject: SubjectID, keysWhere condition: String, _ arguments: [String], in db: Database) throws -> Int {
        let id = subject.rawValue
        try db.execute(sql: """
            INSERT OR IGNORE INTO shredded (subject_id, category)
            SELECT subject_id, category FROM data_keys k WHERE subject_id = ? AND \(condition)
              AND EXISTS (SELECT 1 FROM records r WHERE r.subject_id = k.subject_id AND r.category = k.category)
            """, arguments: StatementArguments([id] + arguments))
        let shredded = db.changesCount
        try db.execute(sql: "DELETE FROM data_keys WHERE subject_id = ? AND \(condition)", arguments: StatementArguments([id] + arguments))
        return shredded
    }

    /// Shreds the records of `categories` with their keys, and deletes the `records` named; a
    /// key with no record of its category left goes with its last record.
    static func erase(categories: [String], records: [RecordID], of subject: SubjectID, in db: Database) throws {
        let id = subject.rawValue
        if !categories.isEmpty {
            try shred(subject, keysWhere: "category IN (\(databaseQuestionMarks(count: categories.count)))", categories, in: db)
        }
        let recordIDs = records.map(\.rawValue)
        let named = databaseQuestionMarks(count: recordIDs.count)
        let touched = recordIDs.isEmpty ? [] : try String.fetchAll(db, sql: "SELECT DISTINCT category FROM records WHERE subject_id = ? AND record_id IN (\(named))",
                                                                    arguments: StatementArguments([id] + recordIDs))
        guard !touched.isEmpty else { return }
        try db.execute(sql: "DELETE FROM records WHERE subject_id = ? AND record_id IN (\(named))", arguments: StatementArguments([id] + recordIDs))
        try db.execute(sql: """
            DELETE FROM data_keys WHERE subject_id = ? AND category IN (\(databaseQuestionMarks(count: touched.count)))
                AND NOT EXISTS (SELECT 1 FROM records r WHERE r.subject_id = data_keys.subject_id AND r.category = data_keys.category)
            """, arguments: StatementArguments([id] + touched))
    }
}
