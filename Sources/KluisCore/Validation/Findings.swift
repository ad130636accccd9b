/// The problems a validation has found so far, with the helpers that word them alike.
struct Findings {
    let policy: Policy
    let sourceMap: SourceMap
    let file: String?
    private(set) var issues: [PolicyIssue] = []

    init(policy: Policy, sourceMap: SourceMap, file: String?) {
        self.policy = policy
        self.sourceMap = sourceMap
        self.file = file
    }

    mutating func report(_ code: String, _ message: String, at path: String,
                         severity: PolicyIssue.Severity = .error) {
        issues.append(PolicyIssue(code: code, severity: severity, path: path,
                                  line: sourceMap.line(of: path), message: message, file: file))
    }

    /// A reference to an id no entry of `section` has.
    mutating func undefined(_ id: String, what: String, section: String, known: [String],
                            at path: String) {
        let hint = Spelling.nearest(to: id, among: known).map { " (did you mean '\($0)'?)" } ?? ""
        report("reference.undefined", "there is no \(what) '\(id)' in '\(section)'\(hint)", at: path)
    }

    /// Reports every id of `ids` that appeared before.
    mutating func duplicates(_ ids: [String], in listPath: String, what: String) {
        var seen: Set<String> = []
        for (index, id) in ids.enumerated() where !seen.insert(id).inserted {
            report("id.duplicate", "the \(what) id '\(id)' is used twice; ids must be unique",
                   at: path(listPath, ids, index))
        }
    }

    /// The path of entry `index` of a list, the way the parser names it: `[id]` for the first
    /// entry with an id, `[n]` for later ones.
    func path(_ list: String, _ ids: [String], _ index: Int) -> String {
        let id = ids[index]
        let isFirst = ids.firstIndex(of: id) == index
        return "\(list)[\(isFirst && Identifier.isValid(id) ? id : String(index))]"
    }
}
