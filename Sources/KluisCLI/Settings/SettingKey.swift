import Foundation

/// The keys of the configuration file, each with the kind of value it takes. The same keys come
/// from the environment as `KLUIS_` and the key in capitals with `_` for `.`
/// (`serve.port` is `KLUIS_SERVE_PORT`).
enum SettingKey: String, CaseIterable, Sendable {
    case data, databaseURL = "database_url", keyFile = "key_file", policy
    case serveHost = "serve.host", servePort = "serve.port", serveTLSCert = "serve.tls_cert", serveTLSKey = "serve.tls_key"
    case serveLogFormat = "serve.log_format", serveLogLevel = "serve.log_level"
    case serveHeaderTimeout = "serve.header_timeout", serveBodyTimeout = "serve.body_timeout"
    case serveCheckpointInterval = "serve.checkpoint_interval", serveSweepInterval = "serve.sweep_interval"
    case servePurgeInterval = "serve.purge_interval", serveBreachReminderInterval = "serve.breach_reminder_interval"
    case servePrivacyCenterPath = "serve.privacy_center_path", serveWebhookInterval = "serve.webhook_interval"
    case mailOutbox = "mail.outbox", mailSendmail = "mail.sendmail", mailFrom = "mail.from"

    enum Kind { case text, path, number, wholeNumber }

    var kind: Kind {
        switch self {
        case .data, .keyFile, .policy, .serveTLSCert, .serveTLSKey, .mailOutbox, .mailSendmail: .path
        case .servePort: .wholeNumber
        case .serveHeaderTimeout, .serveBodyTimeout, .serveCheckpointInterval, .serveSweepInterval, .servePurgeInterval,
             .serveBreachReminderInterval, .serveWebhookInterval: .number
        case .databaseURL, .serveHost, .serveLogFormat, .serveLogLevel, .servePrivacyCenterPath, .mailFrom: .text
        }
    }

    /// Values that must not be shown: the database URL holds its password.
    var isSecret: Bool { self == .databaseURL }

    /// `KLUIS_SERVE_PORT` for `serve.port`.
    var environmentName: String {
        "KLUIS_" + rawValue.uppercased().replacingOccurrences(of: ".", with: "_")
    }
}
