import Foundation
import GRDB
import KluisCore

/// The SQLite baseline: the same rows inserted with prepared statements, a batch per transaction.
struct SQLiteRawImport {
    let path: String

    func run(_ people: [NewSubject], batch: Int) async throws -> Double {
        var configuration = Configuration()
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = NORMAL; PRAGMA cache_size = -65536")
        }
        let pool = try DatabasePool(path: path, configuration: configuration)
        try await pool.write { db in
            try db.execute(sql: """
                CREATE TABLE subjects (id TEXT PRIMARY KEY, created_at REAL NOT NULL);
                CREATE TABLE identifiers (kind TEXT NOT NULL, value TEXT NOT NULL, subject_id TEXT NOT NULL, PRIMARY KEY (kind, value));
                CREATE TABLE records (subject_id TEXT NOT NULL, category TEXT NOT NULL, record_id TEXT NOT NULL, fields TEXT NOT NULL,
                                      created_at REAL NOT NULL, PRIMARY KEY (subject_id, category, record_id));
                """)
        }
        let start = ContinuousClock.now
        var index = 0
        while index < people.count {
            let rows = try RawRows(people[index..<min(index + batch, people.count)])
            try await pool.write { db in
                let now = Date().timeIntervalSince1970
                let subject = try db.makeStatement(sql: "INSERT INTO subjects (id, created_at) VALUES (?, ?)")
                let identifier = try db.makeStatement(sql: "INSERT INTO identifiers (kind, value, subject_id) VALUES (?, ?, ?)")
                let record = try db.makeStatement(sql: "INSERT INTO records (subject_id, category, record_id, fields, created_at) VALUES (?, ?, ?, ?, ?)")
                for id in rows.subjects { try subject.execute(arguments: [id, now]) }
                for i in rows.identifierSubjects.indices {
                    try identifier.execute(arguments: [rows.identifierKinds[i], rows.identifierValues[i], rows.identifierSubjects[i]])
                }
                for i in rows.recordSubjects.indices {
                    try record.execute(arguments: [rows.recordSubjects[i], rows.recordCategories[i], rows.recordIDs[i], rows.recordFields[i], now])
                }
            }
            index += rows.subjects.count
        }
        return Double(people.count * SyntheticPeople.fieldsPerPerson) / (ContinuousClock.now - start).seconds
    }
}
