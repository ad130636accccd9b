/// Who is acting: an application or a person, authenticated by an API key, with the purposes it
/// is bound to.
public struct Principal: Sendable, Hashable {
    /// The API key id, or `cli` for the operator at the command line. Recorded in the audit log.
    public var id: String
    public var purposes: Set<String>
    public var mayBreakGlass: Bool
    public var isAdmin: Bool
    /// Whether it may vouch that a person is signed in to its application (`signed_in_session`),
    /// which verifies their identity for a request. An admin may.
    public var mayVouchForSessions: Bool

    public init(id: String, purposes: Set<String>, mayBreakGlass: Bool = false, isAdmin: Bool = false,
                mayVouchForSessions: Bool = false) {
        self.mayVouchForSessions = mayVouchForSessions || isAdmin
        self.id = id
        self.purposes = purposes
        self.mayBreakGlass = mayBreakGlass
        self.isAdmin = isAdmin
    }

    /// The operator at the command line, for imports and maintenance.
    public static func commandLine(purposes: Set<String>) -> Principal {
        Principal(id: "cli", purposes: purposes, isAdmin: true)
    }

    /// A person acting on their own data, signed in to the privacy center: recorded in the
    /// audit log by their subject id, bound to no purpose.
    public static func person(_ subject: SubjectID) -> Principal {
        Principal(id: subject.rawValue, purposes: [])
    }

    /// Whether this is `subject` acting on their own data.
    public func isPerson(_ subject: SubjectID) -> Bool {
        id == subject.rawValue
    }
}
