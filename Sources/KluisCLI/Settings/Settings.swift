import Configuration
import Foundation
import KluisCore
import SystemPackage

/// What a command uses where no flag is given: the environment (`KLUIS_…`), then the
/// configuration file, read with swift-configuration. Flags win over both; `SettingKey` lists
/// the keys. The file is found by `--config FILE`, else `KLUIS_CONFIG`, else `./kluis.yaml`,
/// else `/etc/kluis/kluis.yaml`; a command runs without one.
public struct Settings: Sendable {
    /// The configuration file read, if any.
    public let file: URL?
    /// The webhook endpoints the file declares, by name.
    let webhookNames: [String]
    private let reader: ConfigReader?
    private let environment: [String: String]
    private let workingDirectory: URL

    /// No file and no environment: for contexts that ask for none.
    public static let none = Settings(file: nil, webhookNames: [], reader: nil, environment: [:], workingDirectory: URL(fileURLWithPath: "/"))

    private init(file: URL?, webhookNames: [String], reader: ConfigReader?, environment: [String: String], workingDirectory: URL) {
        self.file = file
        self.webhookNames = webhookNames
        self.reader = reader
        self.environment = environment
        self.workingDirectory = workingDirectory
    }

    /// The places looked at, in order, when neither `--config` nor `KLUIS_CONFIG` names a file.
    public static let defaultFiles = ["kluis.yaml", "/etc/kluis/kluis.yaml"]

    /// Reads the configuration file `explicit` names, or the first that exists of `defaultFiles`,
    /// and the environment's `KLUIS_` variables. A file named that does not exist, or one with an
    /// unknown key or a value of the wrong kind, fails naming it.
    static func load(explicit: String?, environment: [String: String], workingDirectory: URL,
                     defaultFiles: [String] = Settings.defaultFiles) async throws(CommandFailure) -> Settings {
        func url(_ path: String) -> URL { path.hasPrefix("/") ? URL(fileURLWithPath: path) : workingDirectory.appendingPathComponent(path) }
        let named = explicit ?? environment["KLUIS_CONFIG"].flatMap { $0.isEmpty ? nil : $0 }
        let file: URL?
        if let named {
            let given = url(named)
            guard FileManager.default.fileExists(atPath: given.path) else { throw CommandFailure("the configuration file \(named) does not exist") }
            file = given
        } else {
            file = defaultFiles.map(url).first { FileManager.default.fileExists(atPath: $0.path) }
        }
        // KLUIS_SERVE_PORT becomes SERVE_PORT, which swift-configuration reads as serve.port.
        var ours = Dictionary(uniqueKeysWithValues: SettingKey.allCases.compactMap { key in
            environment[key.environmentName].map { (String(key.environmentName.dropFirst("KLUIS_".count)), $0) }
        })
        // A webhook's secret (KLUIS_WEBHOOKS_CRM_SECRET) and url, for the endpoints the file names.
        for (name, value) in environment where name.hasPrefix("KLUIS_WEBHOOKS_") { ours[String(name.dropFirst("KLUIS_".count))] = value }
        var providers: [any ConfigProvider] = [
            EnvironmentVariablesProvider(environmentVariables: ours, secretsSpecifier: .dynamic { name, _ in
                name == "DATABASE_URL" || name.hasSuffix("_SECRET")
            }),
        ]
        var webhookNames: [String] = []
        if let file {
            webhookNames = try SettingsFileCheck.check(file)
            do {
                providers.append(try await FileProvider<YAMLSnapshot>(
                    parsingOptions: YAMLSnapshot.ParsingOptions(secretsSpecifier: .dynamic { key, _ in
                        key == "database_url" || key.hasSuffix(".secret")
                    }),
                    filePath: FilePath(file.path)))
            } catch {
                throw CommandFailure("the configuration file \(file.path) cannot be read: \(error)")
            }
        }
        return Settings(file: file, webhookNames: webhookNames, reader: ConfigReader(providers: providers), environment: environment,
                        workingDirectory: workingDirectory)
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

    /// The webhook endpoints: each name the file declares, with its url, secret and events from
    /// the environment (`KLUIS_WEBHOOKS_NAME_SECRET`) or the file.
    func webhookEndpoints() throws(CommandFailure) -> [WebhookEndpoint] {
        var endpoints: [WebhookEndpoint] = []
        for name in webhookNames {
            let prefix = "webhooks.\(name)."
            guard let url = reader?.string(forKey: ConfigKey(prefix + "url")) else { throw CommandFailure("webhooks.\(name).url is missing") }
            guard let secret = reader?.string(forKey: ConfigKey(prefix + "secret"), isSecret: true) else {
                throw CommandFailure("webhooks.\(name).secret is missing: set it in the file or in KLUIS_WEBHOOKS_\(name.uppercased())_SECRET")
            }
            let events = reader?.stringArray(forKey: ConfigKey(prefix + "events")) ?? []
            do {
                endpoints.append(try WebhookEndpoint(name: name, url: url, secret: secret, kinds: events))
            } catch {
                throw CommandFailure(error.message)
            }
        }
        return endpoints
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
