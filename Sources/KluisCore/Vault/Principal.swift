/// Who is acting: an application or a person, authenticated by an API key, with the purposes it
/// is bound to.
public struct Principal: Sendable, Hashable {
    /// The API key id, or `cli` for the operator at the command line. Recorded in the audit log.
    public var id: String
    public var purposes: Set<String>
    public var mayBreakGlass: Bool
    public var isAdmin: Bool

    public init(id: String, purposes: Set<String>, mayBreakGlass: Bool = false, isAdmin: Bool = false) {
        self.id = id
        self.purposes = purposes
        self.mayBreakGlass = mayBreakGlass
        self.isAdmin = isAdmin
    }

    /// The operator at the command line, for imports and maintenance.
    public static func commandLine(purposes: Set<String>) -> Principal {
        Principal(id: "cli", purposes: purposes, isAdmin: true)
    }
}
