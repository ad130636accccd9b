import Foundation
import KluisCore
import KluisTesting
import Testing

/// What an erasure leaves in the files of a SQLite store: right after the call returns, no
/// wrapped key, sealed identifier or blind index of what was erased may be in the database, its
/// WAL or its shared-memory file, so what the keys sealed is unreadable; once the purge has run,
/// no sealed value either.
@Suite struct ErasureResidueTests {
    static let admin = VaultFixture.admin

    @Test func aWholeErasureLeavesNoSealedByteInAnyFile() async throws {
        let fixture = try await VaultFixture(policy: .withRequests())
        defer { fixture.directory.remove() }
        let vault = fixture.vault
        let bystander = try await fixture.makeSubject(email: "omstander@voorbeeld.example")
        let person = try await vault.createSubject(NewSubject(
            identifiers: [try SubjectIdentifier(kind: .email, value: "wisbare.wim@voorbeeld.example"),
                          try SubjectIdentifier(kind: .phone, value: "06 9876 5432")],
            records: [NewRecord(category: "contact", fields: ["email": "wisbare.wim@voorbeeld.example", "phone": "06 9876 5432"], purpose: "service")]),
            by: Self.admin)
        var erased = try await Self.sealedBytes(of: person, in: vault)
        // Corrections leave the earlier seals in freed cells and older WAL frames: those go too.
        for number in 1...3 {
            _ = try await vault.write(NewRecord(category: "contact", fields: ["email": "wim\(number)@voorbeeld.example", "phone": "06 9876 543\(number)"]),
                                      for: person, by: Self.admin)
            erased.formUnion(try await Self.sealedBytes(of: person, in: vault))
        }
        let kept = try await Self.sealedBytes(of: bystander, in: vault)
        try Self.expectFound(try await Self.sealedBytes(of: person, in: vault), in: fixture, "before the erasure")
        let keys = try await Self.keyBytes(of: person, in: vault)

        let submitted = try await vault.requests.submit(RequestSubmission(type: .erasure, subject: person, channel: .email), by: Self.admin)
        _ = try await vault.requests.verifyIdentity(submitted.request.id, method: .idCopyShielded, by: Self.admin)
        let fulfilment = try await vault.requests.fulfil(submitted.request.id, by: Self.admin)
        #expect(fulfilment.erasure?.kept.isEmpty == true)
        #expect(try await vault.store.snapshot(of: person) == nil)
        try Self.expectAbsent(keys, in: fixture)

        #expect(try await vault.purgeShredded() == PurgeTally(records: 1, subjectsRemoved: 1))
        try Self.expectAbsent(erased, in: fixture)
        try Self.expectFound(kept, in: fixture, "the bystander's data stays")
    }

    @Test func partialErasuresLeaveNoSealedByteInAnyFile() async throws {
        let fixture = try await VaultFixture(policy: .withRequests())
        defer { fixture.directory.remove() }
        let vault = fixture.vault
        let person = try await fixture.makeSubject(email: "gedeeltelijk@voorbeeld.example")
        // Invoices from long ago: past their seven years, so nothing keeps them.
        var invoices: [RecordID] = []
        for number in 1...3 {
            invoices.append(try await vault.write(NewRecord(category: "invoices", fields: [
                "number": "F-2015-000\(number)", "amount": "12\(number),00", "invoice_date": "2015-0\(number)-15",
            ]), for: person, by: Self.admin))
        }
        let before = try #require(try await vault.store.snapshot(of: person))
        let first = try Self.sealedBytes(of: before.records.filter { $0.id == invoices[0] })

        // One record: its sealed values go, its category's key stays for the others.
        try await vault.delete("invoices", record: invoices[0], of: person, by: Self.admin)
        try Self.expectAbsent(first, in: fixture)

        // The whole category, with its data key.
        let middle = try #require(try await vault.store.snapshot(of: person))
        let rest = try Self.sealedBytes(of: middle.records.filter { $0.category == "invoices" })
            .union(middle.dataKeys.filter { $0.category == "invoices" }.map(\.wrapped))
        try await vault.delete("invoices", of: person, by: Self.admin)
        try Self.expectAbsent(Set(middle.dataKeys.filter { $0.category == "invoices" }.map(\.wrapped)), in: fixture)
        #expect(try await vault.purgeShredded().records == 2)
        try Self.expectAbsent(rest, in: fixture)
        // What was not erased is still there.
        let after = try #require(try await vault.store.snapshot(of: person))
        try Self.expectFound(Self.sealedBytes(of: after.records) .union(after.identifiers.map(\.sealed)), in: fixture, "the rest stays")
    }

    /// Every byte string the store holds for `subject`: sealed identifiers and their blind
    /// indexes, wrapped data keys, sealed field values. Each is at least 16 bytes long (a seal
    /// has a 12-byte nonce and a 16-byte tag; keys and indexes more), so none matches by chance.
    static func sealedBytes(of subject: SubjectID, in vault: Vault) async throws -> Set<Data> {
        let snapshot = try #require(try await vault.store.snapshot(of: subject))
        return try sealedBytes(of: snapshot.records)
            .union(snapshot.identifiers.flatMap { [$0.sealed, $0.blindIndex] })
            .union(snapshot.dataKeys.map(\.wrapped))
    }

    /// What the erasure's own commit removes: wrapped data keys, sealed identifiers, blind indexes.
    static func keyBytes(of subject: SubjectID, in vault: Vault) async throws -> Set<Data> {
        let snapshot = try #require(try await vault.store.snapshot(of: subject))
        #expect(!snapshot.dataKeys.isEmpty && !snapshot.identifiers.isEmpty)
        return Set(snapshot.dataKeys.map(\.wrapped) + snapshot.identifiers.flatMap { [$0.sealed, $0.blindIndex] })
    }

    static func sealedBytes(of records: [SealedRecord]) throws -> Set<Data> {
        let values = Set(records.flatMap(\.fields.values))
        #expect(!values.isEmpty)
        for value in values { #expect(value.count >= 16) }
        return values
    }

    /// The bytes of every file in the store's directory: the database, `-wal`, `-shm`.
    static func files(of fixture: VaultFixture) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: fixture.directory.url.path) {
            files[name] = try Data(contentsOf: fixture.directory.url.appendingPathComponent(name))
        }
        #expect(files.keys.contains("kluis.sqlite"))
        return files
    }

    static func expectAbsent(_ erased: Set<Data>, in fixture: VaultFixture, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let files = try files(of: fixture)
        for (name, bytes) in files.sorted(by: { $0.key < $1.key }) {
            let left = erased.filter { bytes.range(of: $0) != nil }
            #expect(left.isEmpty, "\(left.count) of \(erased.count) erased byte strings are still in \(name) (\(bytes.count) bytes)",
                    sourceLocation: sourceLocation)
        }
    }

    static func expectFound(_ present: Set<Data>, in fixture: VaultFixture, _ why: Comment, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let files = try files(of: fixture)
        for value in present {
            #expect(files.values.contains { $0.range(of: value) != nil }, why, sourceLocation: sourceLocation)
        }
    }
}
