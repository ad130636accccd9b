import Foundation
import GRDB
import KluisCore
import KluisSQLite
import KluisTesting
import Testing

@Suite struct VaultSecurityTests {
    static let knownValues = ["Geheime Gerrit", "gerrit.geheim@voorbeeld.example", "0612345678", "NL91ABNA0417164300"]

    @Test func noKnownValueReachesTheDatabaseFileOrItsWAL() async throws {
        let fixture = try await VaultFixture()
        defer { fixture.directory.remove() }
        let subject = try await fixture.vault.createSubject(
            NewSubject(identifiers: [try SubjectIdentifier(kind: .email, value: Self.knownValues[1]),
                                     try SubjectIdentifier(kind: .phone, value: Self.knownValues[2])],
                       records: [NewRecord(category: "contact", fields: ["email": Self.knownValues[1], "phone": Self.knownValues[2]], purpose: "service")]),
            by: VaultFixture.admin)
        try await fixture.vault.write(NewRecord(category: "invoices", fields: ["number": Self.knownValues[0], "amount": Self.knownValues[3]]),
                                      for: subject, by: VaultFixture.admin)
        _ = try await fixture.vault.read(subject, for: "bookkeeping", by: VaultFixture.admin)
        var scanned = 0
        for file in try FileManager.default.contentsOfDirectory(atPath: fixture.directory.url.path) {
            let bytes = try Data(contentsOf: fixture.directory.url.appendingPathComponent(file))
            scanned += bytes.count
            for value in Self.knownValues {
                #expect(bytes.range(of: Data(value.utf8)) == nil, "\(value) found in \(file)")
                #expect(bytes.range(of: Data(value.lowercased().utf8)) == nil, "\(value) found in \(file)")
            }
            // The normalised phone number must not be there either.
            #expect(bytes.range(of: Data("+31612345678".utf8)) == nil)
        }
        #expect(scanned > 0)
        #expect(FileManager.default.fileExists(atPath: fixture.databasePath + "-wal"))
    }

    @Test(arguments: StoreKind.enabled) func aTamperedCiphertextDoesNotOpen(store kind: StoreKind) async throws {
        let fixture = try await VaultFixture(store: kind)
        defer { fixture.directory.remove() }
        let subject = try await fixture.makeSubject()
        var record = try #require(try await fixture.vault.store.snapshot(of: subject)?.records.first)
        var email = try #require(record.fields["email"])
        email[email.startIndex + 14] ^= 0x01
        record.fields["email"] = email
        try await fixture.vault.store.commit([.putRecord(record)], audit: [])
        do {
            _ = try await fixture.vault.read(subject, for: "service", by: VaultFixture.serviceApp)
            Issue.record("a tampered value was returned")
        } catch let error as VaultError {
            #expect(error.code == .ciphertextInvalid)
            #expect(error.message.contains("field 'email'"))
        }
    }

    @Test(arguments: StoreKind.enabled) func aCiphertextMovedToAnotherFieldDoesNotOpen(store kind: StoreKind) async throws {
        let fixture = try await VaultFixture(store: kind)
        defer { fixture.directory.remove() }
        let subject = try await fixture.makeSubject()
        var record = try #require(try await fixture.vault.store.snapshot(of: subject)?.records.first)
        record.fields["phone"] = record.fields["email"]
        try await fixture.vault.store.commit([.putRecord(record)], audit: [])
        await #expect(throws: VaultError.self) {
            _ = try await fixture.vault.read(subject, for: "service", by: VaultFixture.serviceApp)
        }
    }

    @Test(arguments: StoreKind.enabled) func aCiphertextMovedToAnotherPersonDoesNotOpen(store kind: StoreKind) async throws {
        let fixture = try await VaultFixture(store: kind)
        defer { fixture.directory.remove() }
        let victim = try await fixture.makeSubject(email: "a@voorbeeld.example")
        let other = try await fixture.makeSubject(email: "b@voorbeeld.example")
        let stolen = try #require(try await fixture.vault.store.snapshot(of: victim)?.records.first)
        var target = try #require(try await fixture.vault.store.snapshot(of: other)?.records.first)
        target.fields = stolen.fields
        try await fixture.vault.store.commit([.putRecord(target)], audit: [])
        await #expect(throws: VaultError.self) {
            _ = try await fixture.vault.read(other, for: "service", by: VaultFixture.serviceApp)
        }
    }

    @Test(arguments: StoreKind.enabled) func aWrongRootKeyIsRefusedAtOpen(store kind: StoreKind) async throws {
        let fixture = try await VaultFixture(store: kind)
        defer { fixture.directory.remove() }
        let store = fixture.vault.store
        do {
            _ = try await Vault.open(store: store, root: RootKey.generate(), policy: fixture.policy)
            Issue.record("opened with a wrong root key")
        } catch let error as VaultError {
            #expect(error.code == .rootKeyWrong)
            #expect(!error.message.contains(fixture.root.text))
        }
    }

    @Test func anUninitialisedDirectoryIsRefused() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try SQLiteVaultStore(path: directory.path("empty.sqlite"))
        let policy = try PolicyDocument(text: PolicyFixture().yaml).validPolicy()
        await #expect(throws: VaultError(.storeNotInitialised, "the store is not initialised: run 'kluis init' first")) {
            _ = try await Vault.open(store: store, root: RootKey.generate(), policy: policy)
        }
    }

    @Test func rootKeysAreReadFromHexAndMalformedOnesRefused() throws {
        let key = RootKey.generate()
        #expect(try RootKey(text: key.text + "\n").id == key.id)
        #expect(throws: VaultError.self) { try RootKey(text: "too short") }
        #expect(throws: VaultError.self) { try RootKey(text: String(repeating: "g", count: 64)) }
    }

    @Test func secretsCompareInConstantTimeShape() {
        #expect(ConstantTime.equals([1, 2, 3], [1, 2, 3]))
        #expect(!ConstantTime.equals([1, 2, 3], [1, 2, 4]))
        #expect(!ConstantTime.equals([1, 2, 3], [1, 2]))
    }
}
