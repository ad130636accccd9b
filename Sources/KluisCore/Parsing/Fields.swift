/// The fields of one YAML mapping, read by key.
struct Fields {
    let owner: NodeCursor
    let entries: [String: NodeCursor]
    /// Known keys that an unknown key of this mapping was probably meant to be. Reporting them
    /// as missing too would make one typo look like two problems.
    let misspelled: Set<String>

    /// The field `key`, reporting it as missing when absent.
    func required(_ key: String) -> NodeCursor? {
        guard let entry = entries[key] else {
            if misspelled.contains(key) { return nil }
            let path = owner.path.isEmpty ? key : "\(owner.path).\(key)"
            owner.context.report("field.missing", "'\(key)' is required here", path: path,
                                 line: owner.line)
            return nil
        }
        return entry
    }

    /// The field `key`, if present.
    func optional(_ key: String) -> NodeCursor? {
        entries[key]
    }

    func has(_ key: String) -> Bool {
        entries[key] != nil
    }
}
