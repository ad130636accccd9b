import Foundation
import KluisCore
import Testing

/// What every ``VaultStore`` must do, checked the same way for SQLite and PostgreSQL: each test
/// target calls these with a factory for fresh, empty databases.
public struct StoreContract: Sendable {
    /// Opens a new handle on one database; several handles stand for several processes.
    public typealias Opener = @Sendable () async throws -> any VaultStore

    /// Makes a fresh, empty database and returns its opener.
    public let makeDatabase: @Sendable () async throws -> Opener

    public init(makeDatabase: @escaping @Sendable () async throws -> Opener) {
        self.makeDatabase = makeDatabase
    }

    static let t0 = Date(timeIntervalSince1970: 1_800_000_000)

    func prepared() async throws -> any VaultStore {
        let store = try await makeDatabase()()
        try await store.prepare()
        try await store.prepare() // twice: preparing is idempotent
        return store
    }

    static func subject(_ id: SubjectID, identifierIndex: UInt8) -> [StoreChange] {
        [
            .createSubject(id, createdAt: t0),
            .addIdentifier(StoredIdentifier(subject: id, kind: .email, blindIndex: Data([identifierIndex]), sealed: Data([1, 2, 3]),
                                            tag: tag(identifierIndex))),
            .addDataKey(StoredDataKey(subject: id, category: "contact", wrapped: Data([9, 9]), rootKeyID: "root-a")),
            .putRecord(SealedRecord(subject: id, category: "contact", id: RecordID.generate(),
                                    fields: ["email": Data([4, 5]), "phone": Data([6])], createdAt: t0, updatedAt: t0)),
            .recordEvent(subject: id, name: "contract_end", at: t0.addingTimeInterval(60)),
        ]
    }

    /// A data key for `category`: a record is part of a read only while its category has one.
    static func key(_ subject: SubjectID, _ category: String, wrapped: Data = Data([9, 9])) -> StoreChange {
        .addDataKey(StoredDataKey(subject: subject, category: category, wrapped: wrapped, rootKeyID: "root-a"))
    }

    /// A stand-in for the keyed tag the vault computes: stores keep it as given.
    static func tag(_ identifierIndex: UInt8) -> Data {
        Data([0x7A, identifierIndex])
    }

    static func entry(_ subject: SubjectID?, _ action: AuditAction = .read) -> AuditEntry {
        AuditEntry(time: t0, actor: "key_test", action: action, subject: subject, categories: ["contact"], purpose: "service")
    }
}
