import Foundation
import Yams

/// Checks a configuration file before it is used: every key one Kluis knows, every value of its
/// kind, so that a typo (`serve.prot`) fails at start naming the key instead of being ignored.
enum SettingsFileCheck {
    /// Checks `file` and returns the names of the webhook endpoints it declares.
    static func check(_ file: URL) throws(CommandFailure) -> [String] {
        let node: Node?
        do {
            node = try Yams.compose(yaml: try String(contentsOf: file, encoding: .utf8))
        } catch {
            throw CommandFailure("the configuration file \(file.path) is not valid YAML: \(error)")
        }
        guard let node else { return [] }
        guard let mapping = node.mapping else { throw CommandFailure("the configuration file \(file.path) must be a mapping of keys to values") }
        var rest = mapping
        var webhooks: [String] = []
        if let declared = mapping["webhooks"], declared.mapping != nil {
            rest["webhooks"] = nil
            webhooks = try checkWebhooks(declared, in: file)
        }
        try check(Node.mapping(rest), at: "", in: file)
        return webhooks
    }

    /// `webhooks:` holds endpoints by name, each with `url`, `secret` and optionally `events`.
    private static func checkWebhooks(_ node: Node, in file: URL) throws(CommandFailure) -> [String] {
        guard let endpoints = node.mapping else { throw CommandFailure("\(file.path): webhooks must map endpoint names to their url, secret and events") }
        var names: [String] = []
        for (nameNode, endpoint) in endpoints {
            let name = nameNode.string ?? ""
            guard name.range(of: "^[a-z0-9]{1,40}$", options: .regularExpression) != nil else {
                throw CommandFailure("\(file.path): webhooks.\(name): name an endpoint with 1 to 40 lower-case letters and digits")
            }
            guard let fields = endpoint.mapping else { throw CommandFailure("\(file.path): webhooks.\(name) must have url and secret") }
            for (keyNode, value) in fields {
                let key = keyNode.string ?? ""
                switch key {
                case "url", "secret":
                    guard let text = value.scalar?.string, !text.isEmpty else { throw CommandFailure("\(file.path): webhooks.\(name).\(key) must be text") }
                case "events":
                    guard let list = value.sequence, list.allSatisfy({ $0.scalar != nil }) else {
                        throw CommandFailure("\(file.path): webhooks.\(name).events must be a list of event types")
                    }
                default:
                    throw CommandFailure("\(file.path): unknown key webhooks.\(name).\(key); an endpoint has url, secret and events")
                }
            }
            names.append(name)
        }
        return names
    }

    private static func check(_ node: Node, at prefix: String, in file: URL) throws(CommandFailure) {
        guard let mapping = node.mapping else { return }
        for (keyNode, value) in mapping {
            let path = prefix + (keyNode.string ?? "\(keyNode)")
            // `mail:` with every key under it commented out: a known key or section left empty.
            if value.null != nil || value.scalar?.string == "" {
                guard SettingKey(rawValue: path) != nil || SettingKey.allCases.contains(where: { $0.rawValue.hasPrefix(path + ".") }) else {
                    throw CommandFailure("\(file.path): unknown key \(path); the keys are \(SettingKey.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                continue
            }
            if value.mapping != nil {
                guard SettingKey.allCases.contains(where: { $0.rawValue.hasPrefix(path + ".") }) else {
                    throw CommandFailure("\(file.path): unknown key \(path)")
                }
                try check(value, at: path + ".", in: file)
                continue
            }
            guard let key = SettingKey(rawValue: path) else {
                throw CommandFailure("\(file.path): unknown key \(path); the keys are \(SettingKey.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            guard let scalar = value.scalar else { throw CommandFailure("\(file.path): \(path) must be a single value") }
            switch key.kind {
            case .wholeNumber where Int(scalar.string) == nil:
                throw CommandFailure("\(file.path): \(path) must be a whole number")
            case .number where Double(scalar.string) == nil:
                throw CommandFailure("\(file.path): \(path) must be a number")
            case .text where scalar.string.isEmpty, .path where scalar.string.isEmpty:
                throw CommandFailure("\(file.path): \(path) must not be empty")
            default: break
            }
        }
    }
}
