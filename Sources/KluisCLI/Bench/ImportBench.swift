import Foundation
import GRDB
import KluisCore
import KluisSQLite

/// Bulk import through the vault (sealed, blind-indexed, audited) against the same rows
/// inserted raw into SQLite in the same batches.
struct ImportBench {
    let people: [NewSubject]
    let batch: Int
    let directory: URL

    /// Imports through the vault; returns the vault, the ids, and fields per second.
    func runVault(policy: Policy) async throws -> (vault: Vault, ids: [SubjectID], fieldsPerSecond: Double) {
        let store = try SQLiteVaultStore(path: directory.appendingPathComponent("kluis.sqlite").path)
        let root = RootKey.generate()
        try await Vault.initialise(store: store, root: root)
        let vault = try await Vault.open(store: store, root: root, policy: policy)
        let principal = Principal.commandLine(purposes: ["service"])
        var ids: [SubjectID] = []
        ids.reserveCapacity(people.count)
        let start = ContinuousClock.now
        var index = 0
        while index < people.count {
            let slice = Array(people[index..<min(index + batch, people.count)])
            ids += try await vault.createSubjects(slice, by: principal)
            index += slice.count
        }
        let elapsed = (ContinuousClock.now - start).seconds
        return (vault, ids, Double(people.count * SyntheticPeople.fieldsPerPerson) / elapsed)
    }

    /// The same people as plain rows: a subject row, identifier rows and one row per record with
    /// its fields as JSON; no encryption, no blind index, no audit.
    func runRaw() async throws -> Double {
        var configuration = Configuration()
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = NORMAL; PRAGMA cache_size = -65536")
        }
        let pool = try DatabasePool(path: directory.appendingPathComponent("raw.sqlite").path, configuration: configuration)
        try await pool.write { db in
            try db.execute(sql: """
                CREATE TABLE subjects (id TEXT PRIMARY KEY, created_at REAL NOT NULL);
                CREATE TABLE identifiers (kind TEXT NOT NULL, value TEXT NOT NULL, subject_id TEXT NOT NULL, PRIMARY KEY (kind, value));
                CREATE TABLE records (subject_id TEXT NOT NULL, category TEXT NOT NULL, record_id TEXT NOT NULL, fields TEXT NOT NULL,
                                      created_at REAL NOT NULL, PRIMARY KEY (subject_id, category, record_id));
                """)
        }
        let encoder = JSONEncoder()
        let start = ContinuousClock.now
        var index = 0
        while index < people.count {
            let slice = Array(people[index..<min(index + batch, people.count)])
            let rows: [(String, [(String, String)], [(String, String)])] = try slice.map { person in
                (SubjectID.generate().rawValue,
                 person.identifiers.map { ($0.kind.rawValue, $0.normalized) },
                 try person.records.map { ($0.category, String(decoding: try encoder.encode($0.fields), as: UTF8.self)) })
            }
            try await pool.write { db in
                let now = Date().timeIntervalSince1970
                let subject = try db.makeStatement(sql: "INSERT INTO subjects (id, created_at) VALUES (?, ?)")
                let identifier = try db.makeStatement(sql: "INSERT INTO identifiers (kind, value, subject_id) VALUES (?, ?, ?)")
                let record = try db.makeStatement(sql: "INSERT INTO records (subject_id, category, record_id, fields, created_at) VALUES (?, ?, ?, ?, ?)")
                for (id, identifiers, records) in rows {
                    try subject.execute(arguments: [id, now])
                    for (kind, value) in identifiers { try identifier.execute(arguments: [kind, value, id]) }
                    for (category, fields) in records {
                        try record.execute(arguments: [id, category, RecordID.generate().rawValue, fields, now])
                    }
                }
            }
            index += slice.count
        }
        let elapsed = (ContinuousClock.now - start).seconds
        return Double(people.count * SyntheticPeople.fieldsPerPerson) / elapsed
    }
}
