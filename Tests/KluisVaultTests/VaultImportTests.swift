import Foundation
import KluisCore
import KluisTesting
import Testing

/// `Vault.importSubjects`: batches written in order, each one transaction, the next sealed and
/// written while one commits; the first batch that fails stops the import and is named, and
/// nothing after it is written, even the batches that were being sealed or written.
@Suite struct VaultImportTests {
    static func person(_ number: Int, category: String = "contact") throws -> NewSubject {
        let email = "persoon\(number)@voorbeeld.example"
        return NewSubject(identifiers: [try SubjectIdentifier(kind: .email, value: email)],
                          records: [NewRecord(category: category, fields: ["email": email], purpose: "service")])
    }

    /// The subject with `number`'s e-mail address, or `nil`.
    static func found(_ number: Int, in fixture: VaultFixture) async throws -> SubjectID? {
        do {
            return try await fixture.vault.lookup(try SubjectIdentifier(kind: .email, value: "persoon\(number)@voorbeeld.example"),
                                                  by: VaultFixture.admin)
        } catch let error as VaultError where error.code == .subjectNotFound {
            return nil
        }
    }

    /// How importing `people` two at a time failed, or `nil` when it did not.
    static func failure(importing people: [NewSubject], into fixture: VaultFixture) async throws -> ImportFailure? {
        do {
            _ = try await fixture.vault.importSubjects(people, batchSize: 2, by: VaultFixture.admin)
            return nil
        } catch let failure as ImportFailure {
            return failure
        }
    }

    @Test(arguments: StoreKind.enabled) func everyBatchIsWrittenInOrder(store: StoreKind) async throws {
        let fixture = try await VaultFixture(store: store)
        defer { fixture.directory.remove() }
        let ids = try await fixture.vault.importSubjects(try (0..<7).map { try Self.person($0) }, batchSize: 3, by: VaultFixture.admin)
        #expect(ids.count == 7)
        for number in 0..<7 {
            #expect(try await Self.found(number, in: fixture) == ids[number], "person \(number)")
        }
        let created = try await fixture.vault.auditEvents(limit: 1000).filter { $0.entry.action == .createSubject }
        #expect(created.compactMap(\.entry.subject) == ids, "one audit event a person, in the input's order")
    }

    /// A person stored already makes the third batch's commit fail in the store: the two batches
    /// before stay, the third and the fourth (sealed meanwhile) are not written.
    @Test(arguments: StoreKind.enabled) func aBatchTheStoreRefusesStopsTheImport(store: StoreKind) async throws {
        let fixture = try await VaultFixture(store: store)
        defer { fixture.directory.remove() }
        _ = try await fixture.vault.createSubject(try Self.person(5), by: VaultFixture.admin)
        let people = try (0..<8).map { try Self.person($0 == 5 ? 5 : $0 + 100) }
        let failure = try #require(try await Self.failure(importing: people, into: fixture))
        #expect(failure.batch == 4..<6)
        #expect(failure.written == 4)
        #expect((failure.underlying as? VaultError)?.code == .identifierInUse)
        for number in [100, 101, 102, 103] { #expect(try await Self.found(number, in: fixture) != nil, "person \(number)") }
        for number in [104, 106, 107] { #expect(try await Self.found(number, in: fixture) == nil, "person \(number)") }
    }

    /// The same person in two batches written at once, the later of which is written while the
    /// earlier commits: the import stops at the later batch, on the identifier, as it would
    /// have one batch after the other (StoreContract.aCommitAfterAnotherWithTheSameIdentifierFailsOnIt
    /// shows that the two do not wait for each other).
    @Test(arguments: StoreKind.enabled) func aPersonInTwoBatchesStopsTheImportAtTheLater(store: StoreKind) async throws {
        let fixture = try await VaultFixture(store: store)
        defer { fixture.directory.remove() }
        let people = try [0, 1, 2, 3, 3, 5, 6, 7].map { try Self.person($0) }
        let failure = try #require(try await Self.failure(importing: people, into: fixture))
        #expect(failure.batch == 4..<6)
        #expect(failure.written == 4)
        #expect((failure.underlying as? VaultError)?.code == .identifierInUse)
        for number in [0, 1, 2, 3] { #expect(try await Self.found(number, in: fixture) != nil, "person \(number)") }
        for number in [5, 6, 7] { #expect(try await Self.found(number, in: fixture) == nil, "person \(number)") }
    }

    /// A person the vault cannot seal (a category the policy does not have) stops the import at
    /// their batch, after the batch before it is written.
    @Test func aBatchThatCannotBeSealedStopsTheImport() async throws {
        let fixture = try await VaultFixture()
        defer { fixture.directory.remove() }
        let people = try (0..<6).map { try Self.person($0, category: $0 == 3 ? "horoscope" : "contact") }
        let failure = try #require(try await Self.failure(importing: people, into: fixture))
        #expect(failure.batch == 2..<4)
        #expect(failure.written == 2)
        #expect((failure.underlying as? VaultError)?.code == .categoryUnknown)
        for number in [0, 1] { #expect(try await Self.found(number, in: fixture) != nil, "person \(number)") }
        for number in [2, 4, 5] { #expect(try await Self.found(number, in: fixture) == nil, "person \(number)") }
    }
}
