import Foundation
import GRDB
import KluisCore
import KluisSQLite
import KluisTesting
import Testing

@Suite struct AuditAndKeyTests {
    @Test(arguments: StoreKind.enabled) func everyOperationIsAuditedInAnIntactChain(store kind: StoreKind) async throws {
        let fixture = try await VaultFixture(store: kind)
        defer { fixture.directory.remove() }
        let subject = try await fixture.makeSubject()
        try await fixture.vault.recordEvent("last_contact", at: nil, for: subject, by: VaultFixture.admin)
        _ = try await fixture.vault.read(subject, for: "service", by: VaultFixture.serviceApp)
        _ = try? await fixture.vault.read(subject, for: "bookkeeping", by: VaultFixture.serviceApp)
        let actions = try await fixture.vault.auditEvents(subject: subject).map(\.entry.action)
        #expect(actions == [.createSubject, .event, .read, .read])
        let verification = try await fixture.vault.verifyAudit()
        #expect(verification.isIntact)
        #expect(verification.checked == 5) // initialise + 4
    }

    /// The audit entry of a new person names each category once, however many records it has:
    /// an entry that grew with the records would make every later look at the person's history
    /// (an erasure's notices among them) grow too.
    @Test func aNewPersonsAuditEntryNamesEachCategoryOnce() async throws {
        let fixture = try await VaultFixture()
        defer { fixture.directory.remove() }
        let invoices = (1...3).map { NewRecord(category: "invoices", fields: ["number": "F-\($0)", "amount": "10.00", "invoice_date": "2026-11-0\($0)"],
                                               purpose: "bookkeeping") }
        let subject = try await fixture.vault.createSubject(
            NewSubject(identifiers: [SubjectIdentifier(kind: .email, value: "jan@voorbeeld.example")],
                       records: invoices + [NewRecord(category: "contact", fields: ["email": "jan@voorbeeld.example"], purpose: "service")]),
            by: VaultFixture.admin)
        let created = try #require(try await fixture.vault.auditEvents(subject: subject).first { $0.entry.action == .createSubject })
        #expect(created.entry.categories == ["invoices", "contact"])
        #expect(try await fixture.store.snapshot(of: subject)?.records.count == 4, "every record is kept")
    }

    @Test(arguments: StoreKind.enabled) func concurrentReadsShareCommitsAndKeepTheChain(store kind: StoreKind) async throws {
        let fixture = try await VaultFixture(store: kind)
        defer { fixture.directory.remove() }
        let subject = try await fixture.makeSubject()
        let vault = fixture.vault
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<200 {
                group.addTask { _ = try await vault.read(subject, for: "service", by: VaultFixture.serviceApp) }
            }
            try await group.waitForAll()
        }
        let verification = try await vault.verifyAudit()
        #expect(verification.isIntact)
        #expect(verification.checked == 202)
    }

    @Test func auditVerifyNamesTheFirstChangedEvent() async throws {
        let fixture = try await VaultFixture()
        defer { fixture.directory.remove() }
        let subject = try await fixture.makeSubject()
        for _ in 0..<3 { _ = try await fixture.vault.read(subject, for: "service", by: VaultFixture.serviceApp) }
        let pool = try DatabasePool(path: fixture.databasePath)
        try await pool.write { db in try db.execute(sql: "UPDATE audit SET purpose = 'bookkeeping' WHERE seq = 4") }
        let verification = try await fixture.vault.verifyAudit()
        #expect(verification.firstBroken?.sequence == 4)
        #expect(verification.firstBroken?.problem.contains("changed") == true)
        try await pool.write { db in
            try db.execute(sql: "UPDATE audit SET purpose = 'service' WHERE seq = 4")
            try db.execute(sql: "DELETE FROM audit WHERE seq = 3")
        }
        #expect(try await fixture.vault.verifyAudit().firstBroken?.sequence == 4)
    }

    @Test func anAuditCheckpointRevealsRemovedEvents() async throws {
        let fixture = try await VaultFixture()
        defer { fixture.directory.remove() }
        let subject = try await fixture.makeSubject()
        for _ in 0..<3 { _ = try await fixture.vault.read(subject, for: "service", by: VaultFixture.serviceApp) }
        // init, create, 3 reads
        guard case .added(let first, let events) = try await fixture.vault.checkpointAudit() else {
            Issue.record("no checkpoint was added")
            return
        }
        #expect(first.sequence == 5 && first.previousSequence == 0 && events == 5)
        #expect(try await fixture.vault.checkpointAudit() == .upToDate)
        _ = try await fixture.vault.read(subject, for: "service", by: VaultFixture.serviceApp)
        guard case .added(let second, let more) = try await fixture.vault.checkpointAudit() else {
            Issue.record("no second checkpoint was added")
            return
        }
        #expect(second.sequence == 6 && second.previousSequence == 5 && more == 1)
        #expect(try await fixture.vault.verifyAudit().isIntact)

        // Removing the newest events, which the chain alone cannot notice, the checkpoint does.
        let pool = try DatabasePool(path: fixture.databasePath)
        try await pool.write { db in try db.execute(sql: "DELETE FROM audit WHERE seq >= 5") }
        let truncated = try await fixture.vault.verifyAudit()
        #expect(truncated.firstBroken?.sequence == 5)
        #expect(truncated.firstBroken?.problem.contains("events were removed") == true)
        #expect(truncated.checked == 4)

        // A checkpoint that disagrees with the chain shows the chain was rewritten.
        try await pool.write { db in try db.execute(sql: "UPDATE audit_checkpoints SET seq = 3, previous_seq = -1 WHERE seq = 5") }
        let rewritten = try await fixture.vault.verifyAudit()
        #expect(rewritten.firstBroken?.sequence == 3)
        #expect(rewritten.firstBroken?.problem.contains("rewritten") == true)
    }

    @Test func aCheckpointRoundReportsABrokenChain() async throws {
        let fixture = try await VaultFixture()
        defer { fixture.directory.remove() }
        _ = try await fixture.makeSubject()
        let pool = try DatabasePool(path: fixture.databasePath)
        try await pool.write { db in try db.execute(sql: "UPDATE audit SET actor = 'someone' WHERE seq = 2") }
        guard case .broken(let broken) = try await fixture.vault.checkpointAudit() else {
            Issue.record("a broken chain was checkpointed")
            return
        }
        #expect(broken.sequence == 2)
        #expect(try await fixture.vault.store.latestAuditCheckpoint() == nil)
    }

    @Test(arguments: StoreKind.enabled) func rotationRewrapsKeysWithoutTouchingValues(store kind: StoreKind) async throws {
        let fixture = try await VaultFixture(store: kind)
        defer { fixture.directory.remove() }
        var subjects: [SubjectID] = []
        for index in 0..<5 { subjects.append(try await fixture.makeSubject(email: "p\(index)@voorbeeld.example")) }
        let store = fixture.vault.store
        let valuesBefore = try await store.snapshot(of: subjects[0])?.records.first?.fields
        let newRoot = RootKey.generate()
        let rewrapped = try await Vault.rotateRootKey(store: store, from: fixture.root, to: newRoot, clock: fixture.clock, batchSize: 2)
        #expect(rewrapped == 10) // identity and contact key per subject
        #expect(try await store.snapshot(of: subjects[0])?.records.first?.fields == valuesBefore)
        await #expect(throws: VaultError.self) {
            _ = try await Vault.open(store: store, root: fixture.root, policy: fixture.policy)
        }
        let reopened = try await Vault.open(store: store, root: newRoot, policy: fixture.policy, clock: fixture.clock)
        // The receipt signing key is rewrapped, not replaced: receipts issued before still verify.
        #expect(reopened.receiptSigner.keyID == fixture.vault.receiptSigner.keyID)
        let read = try await reopened.read(subjects[3], for: "service", by: VaultFixture.serviceApp)
        #expect(read.records.first?.fields["email"] == "p3@voorbeeld.example")
        #expect(try await reopened.lookup(SubjectIdentifier(kind: .email, value: "p4@voorbeeld.example"), by: VaultFixture.serviceApp) == subjects[4])
        #expect(try await reopened.verifyAudit().isIntact)
    }

    @Test(arguments: StoreKind.enabled) func anInterruptedRotationIsResumed(store kind: StoreKind) async throws {
        let fixture = try await VaultFixture(store: kind)
        defer { fixture.directory.remove() }
        for index in 0..<3 { _ = try await fixture.makeSubject(email: "q\(index)@voorbeeld.example") }
        let store = fixture.vault.store
        let newRoot = RootKey.generate()
        // Simulate a crash after the first batch: rewrap two keys the way rotation does, and
        // leave the rotation marked as started.
        try await store.setMetadata(["rotation_target": Data(newRoot.id.utf8)])
        let ring = fixture.vault.keys
        let root = fixture.root
        let firstBatch = try await store.rewrapDataKeys(notWrappedBy: newRoot.id, limit: 2) { stored in
            let key = try ring.unwrap(stored.wrapped, with: root, subject: stored.subject, category: stored.category)
            return StoredDataKey(subject: stored.subject, category: stored.category,
                                 wrapped: ring.wrap(key, under: newRoot, subject: stored.subject, category: stored.category),
                                 rootKeyID: newRoot.id)
        }
        #expect(firstBatch == 2)
        // Another new key is refused while that rotation is unfinished.
        await #expect(throws: VaultError.self) {
            _ = try await Vault.rotateRootKey(store: store, from: fixture.root, to: RootKey.generate())
        }
        let resumed = try await Vault.rotateRootKey(store: store, from: fixture.root, to: newRoot)
        #expect(resumed == 4)
        let reopened = try await Vault.open(store: store, root: newRoot, policy: fixture.policy, clock: fixture.clock)
        let found = try await reopened.lookup(SubjectIdentifier(kind: .email, value: "q0@voorbeeld.example"), by: VaultFixture.serviceApp)
        #expect(try await reopened.read(found, for: "service", by: VaultFixture.serviceApp).records.first?.fields["email"] == "q0@voorbeeld.example")
    }

    @Test(arguments: StoreKind.enabled) func apiKeysAuthenticateOnlyWithTheirExactSecret(store kind: StoreKind) async throws {
        let fixture = try await VaultFixture(store: kind)
        defer { fixture.directory.remove() }
        let (id, token) = try await fixture.vault.createAPIKey(name: "shop", purposes: ["service"], by: VaultFixture.admin)
        let principal = try #require(try await fixture.vault.authenticate(token: token))
        #expect(principal.id == id)
        #expect(principal.purposes == ["service"])
        var wrong = Array(token)
        wrong[wrong.count - 1] = wrong.last == "0" ? "1" : "0"
        #expect(try await fixture.vault.authenticate(token: String(wrong)) == nil)
        #expect(try await fixture.vault.authenticate(token: "kluis_key_nothing_here") == nil)
        #expect(try await fixture.vault.authenticate(token: "") == nil)
        await #expect(throws: VaultError.self) {
            _ = try await fixture.vault.createAPIKey(name: "x", purposes: ["no_such_purpose"], by: VaultFixture.admin)
        }
    }
}
