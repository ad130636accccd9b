/// A policy file read and checked: the parse, then, when the structure is sound, the validation.
///
/// This is what every command that takes a policy uses, so all of them agree on what is valid.
public struct PolicyDocument: Sendable {
    /// The policy, when it could be built; it may still have errors in `issues`.
    public let policy: Policy?
    /// Every problem found, in the order of the file.
    public let issues: [PolicyIssue]

    /// Reads and checks `text`; `file` labels the problems.
    public init(text: String, file: String? = nil) {
        let parsed = PolicyParser().parse(text, file: file)
        policy = parsed.policy
        if let policy = parsed.policy {
            issues = parsed.issues + PolicyValidator().validate(policy, sourceMap: parsed.sourceMap, file: file)
        } else {
            issues = parsed.issues
        }
    }

    /// The problems that make the policy invalid.
    public var errors: [PolicyIssue] { issues.filter { $0.severity == .error } }

    /// Whether the policy is valid: built, and without errors (warnings are allowed).
    public var isValid: Bool { policy != nil && errors.isEmpty }

    /// The policy, or an error listing every problem when it is not valid.
    public func validPolicy() throws(PolicyInvalid) -> Policy {
        guard let policy, errors.isEmpty else { throw PolicyInvalid(issues: errors) }
        return policy
    }
}

/// A policy that cannot be used because it has errors.
public struct PolicyInvalid: Error, Sendable, CustomStringConvertible {
    /// Stable code of this error.
    public let code = "policy.invalid"
    public let issues: [PolicyIssue]

    public var description: String {
        "the policy has \(issues.count) error\(issues.count == 1 ? "" : "s"):\n"
            + issues.map(\.description).joined(separator: "\n")
    }
}
