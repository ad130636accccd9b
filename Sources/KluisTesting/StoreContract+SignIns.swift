import Foundation
import KluisCore
import Testing

/// Pending sign-ins and sessions: taken once, counted atomically, gone with their subject.
extension StoreContract {
    public func signInsAreTakenOnce() async throws {
        let store = try await prepared()
        let person = SubjectID.generate()
        _ = try await store.commit(Self.subject(person, identifierIndex: 1), audit: [])
        let id = Data("sign-in".utf8)
        try await store.putSignIn(PendingSignIn(id: id, kind: .code, subject: person, codeHash: Data([7]), expiresAt: Self.t0 + 600))
        #expect(try await store.pendingSignIn(id) == PendingSignIn(id: id, kind: .code, subject: person, codeHash: Data([7]), expiresAt: Self.t0 + 600))
        // Failures counted at once by many: none is lost.
        let counts = try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<20 { group.addTask { try await store.countFailedSignIn(id) } }
            return try await group.reduce(into: [Int]()) { $0.append($1) }
        }
        #expect(Set(counts) == Set(1...20))
        // Taken by many at once: one gets it.
        let taken = try await withThrowingTaskGroup(of: PendingSignIn?.self) { group in
            for _ in 0..<10 { group.addTask { try await store.takeSignIn(id) } }
            return try await group.reduce(into: [PendingSignIn]()) { if let found = $1 { $0.append(found) } }
        }
        #expect(taken.count == 1)
        #expect(taken.first?.failures == 20)
        #expect(try await store.pendingSignIn(id) == nil)
        #expect(try await store.countFailedSignIn(id) == 0)
        // An address no one has: no subject, no code.
        let decoy = Data("decoy".utf8)
        try await store.putSignIn(PendingSignIn(id: decoy, kind: .code, subject: nil, codeHash: nil, expiresAt: Self.t0 + 600))
        #expect(try await store.pendingSignIn(decoy)?.subject == nil)
        try await store.forgetSignIns(before: Self.t0 + 601)
        #expect(try await store.pendingSignIn(decoy) == nil)
    }

    public func sessionsExpireAndReplace() async throws {
        let store = try await prepared()
        let person = SubjectID.generate()
        _ = try await store.commit(Self.subject(person, identifierIndex: 2), audit: [])
        let key = Data("session".utf8)
        #expect(try await store.putSession(StoredSession(key: key, subject: nil, value: Data("a".utf8), expiresAt: Self.t0 + 60), onlyIfNew: true))
        #expect(try await !store.putSession(StoredSession(key: key, subject: nil, value: Data("b".utf8), expiresAt: Self.t0 + 60), onlyIfNew: true))
        #expect(try await store.session(key, at: Self.t0)?.value == Data("a".utf8))
        #expect(try await store.putSession(StoredSession(key: key, subject: person, value: Data("c".utf8), expiresAt: Self.t0 + 120), onlyIfNew: false))
        let stored = try await store.session(key, at: Self.t0 + 61)
        #expect(stored?.value == Data("c".utf8) && stored?.subject == person && stored?.expiresAt == Self.t0 + 120)
        #expect(try await store.session(key, at: Self.t0 + 120) == nil, "an expired session was given back")
        try await store.removeSession(key)
        #expect(try await store.session(key, at: Self.t0) == nil)
        let old = Data("old".utf8)
        _ = try await store.putSession(StoredSession(key: old, subject: nil, value: Data(), expiresAt: Self.t0), onlyIfNew: true)
        try await store.forgetSessions(before: Self.t0 + 1)
        #expect(try await store.session(old, at: Self.t0 - 10) == nil)
    }

    /// An erasure ends the person's sessions and pending sign-ins, whole or keeping categories.
    public func erasureEndsSessionsAndSignIns() async throws {
        let store = try await prepared()
        for (index, keeping) in [[String](), ["contact"]].enumerated() {
            let person = SubjectID.generate()
            _ = try await store.commit(Self.subject(person, identifierIndex: UInt8(10 + index)), audit: [])
            let key = Data("session-\(index)".utf8), signIn = Data("sign-in-\(index)".utf8)
            _ = try await store.putSession(StoredSession(key: key, subject: person, value: Data(), expiresAt: Self.t0 + 60), onlyIfNew: true)
            try await store.putSignIn(PendingSignIn(id: signIn, kind: .handoff, subject: person, codeHash: nil, expiresAt: Self.t0 + 60))
            _ = try await store.commit([.eraseSubject(person, keeping: keeping)], audit: [])
            #expect(try await store.session(key, at: Self.t0) == nil, "a session outlived its person's erasure")
            #expect(try await store.pendingSignIn(signIn) == nil, "a sign-in outlived its person's erasure")
        }
    }
}
