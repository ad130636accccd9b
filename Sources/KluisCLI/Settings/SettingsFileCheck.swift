import Foundation
import Yams

/// Checks a configuration file before it is used: every key one Kluis knows, every value of its
/// kind, so that a typo (`serve.prot`) fails at start naming the key instead of being ignored.
enum SettingsFileCheck {
    static func check(_ file: URL) throws(CommandFailure) {
        let node: Node?
        do {
            node = try Yams.compose(yaml: try String(contentsOf: file, encoding: .utf8))
        } catch {
            throw CommandFailure("the configuration file \(file.path) is not valid YAML: \(error)")
        }
        guard let node else { return }
        guard node.mapping != nil else { throw CommandFailure("the configuration file \(file.path) must be a mapping of keys to values") }
        try check(node, at: "", in: file)
    }

    private static func check(_ node: Node, at prefix: String, in file: URL) throws(CommandFailure) {
        guard let mapping = node.mapping else { return }
        for (keyNode, value) in mapping {
            let path = prefix + (keyNode.string ?? "\(keyNode)")
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
