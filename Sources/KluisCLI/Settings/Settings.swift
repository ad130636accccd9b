import Configuration
import Foundation
import SystemPackage
import Yams

/// What a command uses where no flag is given: the environment (`KLUIS_…`), then the
/// configuration file, read with swift-configuration. Flags win over both; `SettingKey` lists
/// the keys. The file is found by `--config FILE`, else `KLUIS_CONFIG`, else `./kluis.yaml`,
/// else `/etc/kluis/kluis.yaml`; a command runs without one.
public struct Settings: Sendable {
    /// The configuration file read, if any.
    public let file: URL?
    private let reader: ConfigReader?
    private let environment: [String: String]
    private let workingDirectory: URL

    /// No file and no environment: for contexts that ask for none.
    public static let none = Settings(file: nil, reader: nil, environment: [:], workingDirectory: URL(fileURLWithPath: "/"))

    private init(file: URL?, reader: ConfigReader?, environment: [String: String], workingDirectory: URL) {
        self.file = file
        self.reader = reader
        self.environment = environment
        self.workingDirectory = workingDirectory
    }

    /// The places looked at, in order, when neither `--config` nor `KLUIS_CONFIG` names a file.
    static let defaultFiles = ["kluis.yaml", "/etc/kluis/kluis.yaml"]

    /// Reads the configuration file `explicit` names, or the first that exists of the default
    /// places, and the environment's `KLUIS_` variables. A file named that does not exist, or
    /// one with an unknown key or a value of the wrong kind, fails naming it.
    static func load(explicit: String?, environment: [String: String], workingDirectory: URL) async throws(CommandFailure) -> Settings {
        func url(_ path: String) -> URL { path.hasPrefix("/") ? URL(fileURLWithPath: path) : workingDirectory.appendingPathComponent(path) }
        let named = explicit ?? environment["KLUIS_CONFIG"].flatMap { $0.isEmpty ? nil : $0 }
        let file: URL?
        if let named {
            file = url(named)
            guard FileManager.default.fileExists(atPath: file!.path) else { throw CommandFailure("the configuration file \(named) does not exist") }
        } else {
            file = defaultFiles.map(url).first { FileManager.default.fileExists(atPath: $0.path) }
        }
        // KLUIS_SERVE_PORT becomes SERVE_PORT, which swift-configuration reads as serve.port.
        let ours = Dictionary(uniqueKeysWithValues: SettingKey.allCases.compactMap { key in
            environment[key.environmentName].map { (String(key.environmentName.dropFirst("KLUIS_".count)), $0) }
        })
        var providers: [any ConfigProvider] = [
            EnvironmentVariablesProvider(environmentVariables: ours, secretsSpecifier: .specific(["DATABASE_URL"])),
        ]
        if let file {
            try SettingsFileCheck.check(file)
            do {
                providers.append(try await FileProvider<YAMLSnapshot>(
                    parsingOptions: YAMLSnapshot.ParsingOptions(secretsSpecifier: .specific(["database_url"])),
                    filePath: FilePath(file.path)))
            } catch {
                throw CommandFailure("the configuration file \(file.path) cannot be read: \(error)")
            }
        }
        return Settings(file: file, reader: ConfigReader(providers: providers), environment: environment, workingDirectory: workingDirectory)
    }

    /// Where a value came from, for messages: the variable or the file's key.
    private func origin(_ key: SettingKey) -> String {
        environment[key.environmentName] != nil ? key.environmentName : "\(key.rawValue) in \(file?.path ?? "the configuration file")"
    }

    func text(_ key: SettingKey) -> String? {
        reader?.string(forKey: ConfigKey(key.rawValue), isSecret: key.isSecret)
    }

    /// A path: from the environment as given (relative to the working directory), from the file
    /// relative to the file's directory, so that a file and what it names can move together.
    func path(_ key: SettingKey) -> String? {
        guard let value = text(key) else { return nil }
        if value.hasPrefix("/") || environment[key.environmentName] != nil { return value }
        return (file?.deletingLastPathComponent() ?? workingDirectory).appendingPathComponent(value).path
    }

    func number(_ key: SettingKey) throws(CommandFailure) -> Double? {
        let config = ConfigKey(key.rawValue)
        if let value = reader?.double(forKey: config) { return value }
        if let value = reader?.int(forKey: config) { return Double(value) }
        guard text(key) == nil else { throw CommandFailure("\(origin(key)) must be a number") }
        return nil
    }

    func wholeNumber(_ key: SettingKey) throws(CommandFailure) -> Int? {
        if let value = reader?.int(forKey: ConfigKey(key.rawValue)) { return value }
        guard text(key) == nil else { throw CommandFailure("\(origin(key)) must be a whole number") }
        return nil
    }
}
