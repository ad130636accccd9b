/// One problem found in a policy file: where it is and what is wrong, in words a privacy officer
/// understands, with a stable code tools can match on.
public struct PolicyIssue: Sendable, Hashable, Codable, CustomStringConvertible {
    /// A stable identifier such as `basis.no_interest`; see docs/policy.md.
    public var code: String
    public var severity: Severity
    /// Where in the policy: `purposes[marketing].legal_basis`.
    public var path: String
    /// The 1-based line in the file, when known.
    public var line: Int?
    public var message: String
    /// The file, when the policy was read from one.
    public var file: String?

    public init(code: String, severity: Severity = .error, path: String, line: Int? = nil,
                message: String, file: String? = nil) {
        self.code = code
        self.severity = severity
        self.path = path
        self.line = line
        self.message = message
        self.file = file
    }

    /// Whether the problem makes the policy invalid, or only deserves attention.
    public enum Severity: String, Sendable, Hashable, Codable {
        case error
        case warning
    }

    /// `file:line: error: path: message [code]`, the form compilers and editors understand.
    public var description: String {
        var location = file ?? "<policy>"
        if let line { location += ":\(line)" }
        let place = path.isEmpty ? "" : "\(path): "
        return "\(location): \(severity.rawValue): \(place)\(message) [\(code)]"
    }
}
