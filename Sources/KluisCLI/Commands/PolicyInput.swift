import KluisCore

/// Reads a valid policy for a command that renders it, or fails with every error of the file.
enum PolicyInput {
    static func load(_ file: String, in context: CommandContext) throws(CommandFailure) -> Policy {
        let document = PolicyDocument(text: try context.readText(file), file: file)
        do {
            return try document.validPolicy()
        } catch {
            let listing = error.issues.map(\.description).joined(separator: "\n")
            throw CommandFailure("\(file) is not a valid policy; run 'kluis policy check \(file)' for details\n\(listing)")
        }
    }

    /// The language asked for, or the policy's first; the policy must be written in it.
    static func language(_ requested: Language?, of policy: Policy, file: String) throws(CommandFailure) -> Language {
        let language = requested ?? policy.info.languages[0]
        guard policy.info.languages.contains(language) else {
            let written = policy.info.languages.map(\.rawValue).joined(separator: ", ")
            throw CommandFailure("\(file) is written in \(written), not in \(language.rawValue)")
        }
        return language
    }
}
