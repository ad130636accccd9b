import Yams

/// A position in the YAML tree of a policy: a node and its path. Every reader reports what is
/// wrong with the node it reads, with the node's line, and returns `nil` instead of a value.
struct NodeCursor {
    let node: Node
    let path: String
    let context: ParseContext

    init(node: Node, path: String, context: ParseContext) {
        self.node = node
        self.path = path
        self.context = context
        if let line = node.mark?.line { context.sourceMap.record(path, line: line) }
    }

    var line: Int? { node.mark?.line }

    /// Whether the node is YAML's null: an empty value or `~`.
    var isNull: Bool {
        guard case .scalar(let scalar) = node, scalar.style == .plain else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }

    func report(_ code: String, _ message: String, severity: PolicyIssue.Severity = .error) {
        context.report(code, message, path: path, line: line, severity: severity)
    }

    // MARK: Scalars

    /// The node's text, when it is a scalar; reports a type error otherwise.
    func scalar(expecting what: String = "a single value") -> String? {
        guard case .scalar(let scalar) = node else {
            report("field.type", "expected \(what), found \(kindDescription)")
            return nil
        }
        return scalar.string
    }

    /// A non-empty text.
    func string() -> String? {
        guard let text = scalar(expecting: "a text") else { return nil }
        let trimmed = text.trimmingWhitespace
        guard !trimmed.isEmpty else {
            report("field.missing", "this value is empty")
            return nil
        }
        return trimmed
    }

    /// A policy id: lower-case `snake_case`.
    func id() -> String? {
        guard let text = string() else { return nil }
        guard Identifier.isValid(text) else {
            report("value.invalid", "'\(text)' is not a valid id: use lower-case letters, digits and _, starting with a letter")
            return nil
        }
        return text
    }

    /// `true` or `false`.
    func bool() -> Bool? {
        guard let text = scalar(expecting: "true or false") else { return nil }
        switch text.lowercased() {
        case "true", "yes": return true
        case "false", "no": return false
        default:
            report("field.type", "expected true or false, found '\(text)'")
            return nil
        }
    }

    /// A whole number.
    func int() -> Int? {
        guard let text = scalar(expecting: "a number") else { return nil }
        guard let value = Int(text) else {
            report("field.type", "expected a whole number, found '\(text)'")
            return nil
        }
        return value
    }

    /// A `YYYY-MM-DD` date.
    func date() -> CalendarDate? {
        guard let text = string() else { return nil }
        guard let date = CalendarDate(text) else {
            report("value.invalid", "'\(text)' is not a date: write YYYY-MM-DD, e.g. 2026-11-01")
            return nil
        }
        return date
    }

    /// An ISO 8601 duration.
    func duration() -> ISODuration? {
        guard let text = string() else { return nil }
        guard let duration = ISODuration(text) else {
            report("value.invalid", "'\(text)' is not an ISO 8601 duration: write e.g. P2Y (2 years), P6M, P4W, P30D or PT72H")
            return nil
        }
        return duration
    }

    /// One of the values an enumeration allows; suggests the nearest when misspelled.
    func choice<Value: RawRepresentable & CaseIterable>(_: Value.Type) -> Value?
    where Value.RawValue == String {
        guard let text = string() else { return nil }
        if let value = Value(rawValue: text) { return value }
        let allowed = Value.allCases.map(\.rawValue)
        report("value.invalid", "'\(text)' is not allowed here\(Self.hint(for: text, among: allowed)); allowed: \(allowed.joined(separator: ", "))")
        return nil
    }

    // MARK: Collections

    /// The entries of a sequence, each with its path: `[id]` when the entry has an id, else `[n]`.
    func sequence() -> [NodeCursor]? {
        guard case .sequence(let sequence) = node else {
            if isNull { return [] }
            report("field.type", "expected a list, found \(kindDescription)")
            return nil
        }
        var seen: Set<String> = []
        return sequence.enumerated().map { index, item in
            var segment = "\(index)"
            if case .mapping(let mapping) = item, let id = mapping["id"]?.string,
               Identifier.isValid(id), seen.insert(id).inserted {
                segment = id
            }
            return NodeCursor(node: item, path: "\(path)[\(segment)]", context: context)
        }
    }

    /// A list of values read by `read`; entries that fail are left out after being reported.
    func list<Value>(_ read: (NodeCursor) -> Value?) -> [Value]? {
        sequence()?.compactMap(read)
    }

    /// A list of ids, such as the categories of a purpose.
    func ids() -> [String]? {
        list { $0.id() }
    }

    /// The fields of a mapping, after reporting keys outside `allowed` with the nearest as a hint.
    func fields(_ allowed: [String]) -> Fields? {
        guard case .mapping(let mapping) = node else {
            report("field.type", "expected a group of fields (key: value), found \(kindDescription)")
            return nil
        }
        var entries: [String: NodeCursor] = [:]
        var misspelled: Set<String> = []
        for (keyNode, valueNode) in mapping {
            let key = keyNode.string ?? ""
            let childPath = path.isEmpty ? key : "\(path).\(key)"
            let child = NodeCursor(node: valueNode, path: childPath, context: context)
            guard allowed.contains(key) else {
                // A colon inside an unquoted text makes YAML read a key; say so.
                let nearest = Spelling.nearest(to: key, among: allowed)
                if let nearest { misspelled.insert(nearest) }
                let hint = key.contains(" ")
                    ? " (a text containing ': ' must be put in quotes)"
                    : Self.hint(for: key, among: allowed)
                context.report("field.unknown", "unknown field '\(key)'\(hint)",
                               path: childPath, line: keyNode.mark?.line)
                continue
            }
            guard entries[key] == nil else {
                context.report("field.duplicate", "'\(key)' is given twice; keep one",
                               path: childPath, line: keyNode.mark?.line)
                continue
            }
            if !child.isNull { entries[key] = child }
        }
        return Fields(owner: self, entries: entries, misspelled: misspelled)
    }

    /// A text in every language of the policy: `{nl: ..., en: ...}`.
    func text() -> LocalizedText? {
        if case .scalar = node, !isNull {
            let languages = context.languages.map(\.rawValue).joined(separator: ", ")
            report("field.type", "give this text in each language of the policy (\(languages)), e.g. {nl: \"...\", en: \"...\"}")
            return nil
        }
        guard let fields = fields(Language.allCases.map(\.rawValue)) else { return nil }
        var translations: [Language: String] = [:]
        for language in Language.allCases {
            if let text = fields.optional(language.rawValue)?.string() { translations[language] = text }
        }
        let text = LocalizedText(translations)
        for language in text.missing(from: context.languages) {
            report("text.missing_translation", "the \(language.displayName) text is missing")
        }
        return text
    }

    /// A name: a plain text, the same in every language (a company's proper name), or a text
    /// per language (a group such as "accountants").
    func name() -> LocalizedText? {
        guard case .scalar = node else { return text() }
        guard let name = string() else { return nil }
        return LocalizedText(Dictionary(uniqueKeysWithValues: Language.allCases.map { ($0, name) }))
    }

    // MARK: Helpers

    private var kindDescription: String {
        switch node {
        case .scalar(let scalar): isNull ? "nothing" : "the value '\(scalar.string)'"
        case .mapping: "a group of fields"
        case .sequence: "a list"
        case .alias: "an alias"
        }
    }

    /// ": did you mean 'x'?" when a candidate is close to `word`, else nothing.
    static func hint(for word: String, among candidates: [String]) -> String {
        guard let nearest = Spelling.nearest(to: word, among: candidates) else { return "" }
        return " (did you mean '\(nearest)'?)"
    }
}

extension Language {
    /// The language's English name, for messages.
    var displayName: String {
        switch self {
        case .nl: "Dutch (nl)"
        case .en: "English (en)"
        }
    }
}

extension String {
    var trimmingWhitespace: String {
        String(drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }
}
