/// What a parse collects while it walks the YAML tree: the problems found, the line of every path,
/// and the languages every text must be given in.
///
/// A class because every cursor of one parse writes to the same collection; it never leaves the
/// synchronous parse that owns it.
final class ParseContext {
    var issues: [PolicyIssue] = []
    var sourceMap = SourceMap()
    var languages: [Language] = Language.allCases
    let file: String?

    init(file: String?) {
        self.file = file
    }

    func report(_ code: String, _ message: String, path: String, line: Int?,
                severity: PolicyIssue.Severity = .error) {
        issues.append(PolicyIssue(code: code, severity: severity, path: path, line: line,
                                  message: message, file: file))
    }
}
