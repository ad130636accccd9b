import Foundation

/// A sign-in to the privacy center that is under way: a code sent by e-mail and not yet typed
/// in, or a hand-off link not yet followed. Known by a keyed hash of the token the browser
/// holds, so that the table alone signs no one in.
public struct PendingSignIn: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, Codable {
        /// A one-time code sent to the address the person typed.
        case code
        /// A link the organisation's app asked for, for a person signed in to it.
        case handoff
    }

    /// The keyed hash of the token.
    public var id: Data
    public var kind: Kind
    /// Whom it signs in. `nil` for a code asked for an address the vault does not know: the
    /// person asking is answered as if it were known, and no code can ever match.
    public var subject: SubjectID?
    /// The code's keyed hash; `nil` for a hand-off.
    public var codeHash: Data?
    public var expiresAt: Date
    /// Wrong codes typed so far.
    public var failures: Int

    public init(id: Data, kind: Kind, subject: SubjectID?, codeHash: Data?, expiresAt: Date, failures: Int = 0) {
        self.id = id
        self.kind = kind
        self.subject = subject
        self.codeHash = codeHash
        self.expiresAt = expiresAt
        self.failures = failures
    }
}

/// The store's role for signing people in: pending sign-ins, each used at most once. The rows
/// name their subject, so that an erasure removes them with the person.
public protocol SignInStore: Sendable {
    /// Keeps a new pending sign-in.
    func putSignIn(_ signIn: PendingSignIn) async throws
    /// The pending sign-in with `id`, expired or not.
    func pendingSignIn(_ id: Data) async throws -> PendingSignIn?
    /// Counts one wrong code against `id`, atomically across nodes, and returns the count.
    func countFailedSignIn(_ id: Data) async throws -> Int
    /// Removes the pending sign-in and returns it, once: of two nodes taking the same one, one
    /// gets it.
    func takeSignIn(_ id: Data) async throws -> PendingSignIn?
    /// Forgets pending sign-ins that expired before `time`.
    func forgetSignIns(before time: Date) async throws
}
