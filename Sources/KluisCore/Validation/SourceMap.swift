/// The line of every path of a policy file, so problems found after parsing can point at the line
/// that causes them.
public struct SourceMap: Sendable, Hashable {
    private var lines: [String: Int] = [:]

    public init() {}

    /// Records that `path` starts at `line`.
    public mutating func record(_ path: String, line: Int) {
        if lines[path] == nil { lines[path] = line }
    }

    /// The line of `path`, or of its nearest recorded parent.
    public func line(of path: String) -> Int? {
        var path = Substring(path)
        while !path.isEmpty {
            if let line = lines[String(path)] { return line }
            guard let cut = path.lastIndex(where: { $0 == "." || $0 == "[" }) else { break }
            path = path[..<cut]
        }
        return lines[""]
    }
}
