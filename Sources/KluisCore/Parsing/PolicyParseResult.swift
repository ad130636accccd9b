/// What reading a policy file gives: the policy when its structure is complete, every problem
/// found, and the lines of its paths for later checks.
public struct PolicyParseResult: Sendable {
    /// The policy, or `nil` when a structural problem left it incomplete.
    public var policy: Policy?
    public var issues: [PolicyIssue]
    public var sourceMap: SourceMap

    public init(policy: Policy?, issues: [PolicyIssue], sourceMap: SourceMap) {
        self.policy = policy
        self.issues = issues
        self.sourceMap = sourceMap
    }
}
