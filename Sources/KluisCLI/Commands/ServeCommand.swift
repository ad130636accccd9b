import ArgumentParser
import Foundation
import Hummingbird
import KluisCore
import KluisAPI
import KluisServer
import KluisWeb
import Logging

/// `kluis serve`: serves the vault over HTTP, on the embedded SQLite store or on PostgreSQL.
struct ServeCommand: ContextualCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the vault API, the privacy statement, the privacy center and the console over HTTP or HTTPS.",
        discussion: "Stops gracefully on SIGINT or SIGTERM: requests in flight are finished first. Any number of nodes may serve one PostgreSQL database; their background work is coordinated through it."
    )

    @OptionGroup var vault: VaultOptions

    @Option(help: "The address to listen on. Default: serve.host in the configuration, else 127.0.0.1.")
    var host: String?

    @Option(help: "The port to listen on; 0 picks a free one. Default: serve.port, else 8080.")
    var port: Int?

    @Flag(name: .customLong("init"), help: "Create the vault first when it does not exist (as 'kluis init').")
    var initialise = false

    @Option(help: "Seconds between audit checkpoints, which verify the events added since the last one; 0 turns them off. Default: serve.checkpoint_interval, else 60.")
    var checkpointInterval: Double?

    @Option(help: "Seconds between retention sweeps, which delete or anonymise what is past its retention; 0 turns them off. Default: serve.sweep_interval, else 3600.")
    var sweepInterval: Double?

    @Option(help: "Seconds between purges of what erasures left unreadable (records whose keys they destroyed); 0 turns them off, and retention sweeps still purge first. Default: serve.purge_interval, else 5.")
    var purgeInterval: Double?

    @Option(help: "Seconds between looks for breach reminders that are due (the policy's breaches.remind_at), sent through the outbox; 0 turns them off. Without an outbox there are none. Default: serve.breach_reminder_interval, else 300.")
    var breachReminderInterval: Double?

    @Option(help: "Seconds between rounds of webhook deliveries to the endpoints the configuration names (webhooks:); 0 turns them off. Default: serve.webhook_interval, else 2.")
    var webhookInterval: Double?

    @Option(help: "Where mail (one-time codes for identity checks, breach reminders) is written as .eml files. Default: mail.outbox in the configuration, else DATA/outbox.")
    var outbox: String?

    @Option(help: "Send that mail through this sendmail-compatible program (delivers over SMTP) instead. Default: mail.sendmail in the configuration.")
    var sendmail: String?

    @Option(help: "The sender of that mail with --sendmail. Default: mail.from in the configuration, else the policy's request contact.")
    var mailFrom: String?

    @Option(help: ArgumentHelp("Serve HTTPS with this certificate chain (PEM, leaf first), with --tls-key. TLS 1.2 and 1.3 only; every answer then carries Strict-Transport-Security. Default: serve.tls_cert in the configuration.",
                               valueName: "file"))
    var tlsCert: String?

    @Option(help: ArgumentHelp("The certificate's private key (PEM), with --tls-cert. Default: serve.tls_key in the configuration.", valueName: "file"))
    var tlsKey: String?

    @Option(help: "Seconds a client has to send a request's head (and the idle time of a kept-alive connection). Default: serve.header_timeout, else 10.")
    var headerTimeout: Double?

    @Option(help: "Seconds a request's body may take, plus the time it needs at 16 KiB/s. Default: serve.body_timeout, else 10.")
    var bodyTimeout: Double?

    @Option(help: "The path the privacy center is served under. Default: serve.privacy_center_path, else /privacy-center.")
    var privacyCenterPath: String?

    @Option(help: ArgumentHelp("How log lines are written to standard error: json (one object per line, for a collector) or text. Default: serve.log_format, else text.",
                               valueName: "json|text"))
    var logFormat: String?

    @Option(help: ArgumentHelp("The least important log lines written: trace, debug, info (a line per request), notice, warning, error or critical. Default: serve.log_level, else info.",
                               valueName: "level"))
    var logLevel: String?

    @Flag(help: "Send the session cookies of the privacy center and the console without 'Secure', so that they work over plain http: for development on a loopback address only.")
    var insecureCookies = false

    func run(in context: CommandContext) async throws -> Int32 {
        // Each setting: the flag, else the configuration (environment, then file), else the default.
        let settings = context.settings
        let host = host ?? settings.text(.serveHost) ?? "127.0.0.1"
        let port = try port ?? settings.wholeNumber(.servePort) ?? 8080
        let checkpointInterval = try checkpointInterval ?? settings.number(.serveCheckpointInterval) ?? 60
        let sweepInterval = try sweepInterval ?? settings.number(.serveSweepInterval) ?? 3600
        let purgeInterval = try purgeInterval ?? settings.number(.servePurgeInterval) ?? 5
        let breachReminderInterval = try breachReminderInterval ?? settings.number(.serveBreachReminderInterval) ?? 300
        let headerTimeout = try headerTimeout ?? settings.number(.serveHeaderTimeout) ?? 10
        let bodyTimeout = try bodyTimeout ?? settings.number(.serveBodyTimeout) ?? 10
        let privacyCenterPath = privacyCenterPath ?? settings.text(.servePrivacyCenterPath) ?? "/privacy-center"
        let webhookInterval = try webhookInterval ?? settings.number(.serveWebhookInterval) ?? 2
        let webhooks = try settings.webhookEndpoints()
        let (tlsCert, tlsKey) = tlsCert != nil || tlsKey != nil ? (tlsCert, tlsKey) : (settings.path(.serveTLSCert), settings.path(.serveTLSKey))
        guard (0...65535).contains(port) else { throw CommandFailure("--port (serve.port) must be 0 to 65535") }
        guard headerTimeout > 0, headerTimeout <= 3600 else { throw CommandFailure("--header-timeout (serve.header_timeout) must be more than 0 and at most 3600 seconds") }
        guard bodyTimeout > 0, bodyTimeout <= 3600 else { throw CommandFailure("--body-timeout (serve.body_timeout) must be more than 0 and at most 3600 seconds") }
        guard checkpointInterval >= 0, checkpointInterval.isFinite else { throw CommandFailure("--checkpoint-interval (serve.checkpoint_interval) must be 0 or more seconds") }
        guard sweepInterval >= 0, sweepInterval.isFinite else { throw CommandFailure("--sweep-interval (serve.sweep_interval) must be 0 or more seconds") }
        guard purgeInterval >= 0, purgeInterval.isFinite else { throw CommandFailure("--purge-interval (serve.purge_interval) must be 0 or more seconds") }
        guard breachReminderInterval >= 0, breachReminderInterval.isFinite else {
            throw CommandFailure("--breach-reminder-interval (serve.breach_reminder_interval) must be 0 or more seconds")
        }
        guard webhookInterval >= 0, webhookInterval.isFinite else { throw CommandFailure("--webhook-interval (serve.webhook_interval) must be 0 or more seconds") }
        guard let logFormat = LogFormat(rawValue: logFormat ?? settings.text(.serveLogFormat) ?? "text") else {
            throw CommandFailure("--log-format (serve.log_format) must be json or text")
        }
        guard let logLevel = Logger.Level(rawValue: logLevel ?? settings.text(.serveLogLevel) ?? "info") else {
            throw CommandFailure("--log-level (serve.log_level) must be one of \(Logger.Level.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let tls: ServerTLS?
        switch (tlsCert, tlsKey) {
        case (nil, nil): tls = nil
        case (let certificate?, let key?):
            do {
                tls = try ServerTLS(certificateFile: context.url(for: certificate).path, keyFile: context.url(for: key).path)
            } catch {
                throw CommandFailure("TLS: \(error.message)")
            }
        default: throw CommandFailure("--tls-cert and --tls-key (serve.tls_cert and serve.tls_key) go together: give both, or neither for plain HTTP")
        }
        let centerPath: String
        do {
            centerPath = try PrivacyCenterConfiguration.validated(path: privacyCenterPath)
        } catch {
            throw CommandFailure("--privacy-center-path (serve.privacy_center_path): \(error.message)")
        }
        guard !insecureCookies || ["127.0.0.1", "::1", "localhost"].contains(host) else {
            throw CommandFailure("--insecure-cookies is for development on a loopback address (127.0.0.1, ::1, localhost); elsewhere cookies must be Secure")
        }
        if initialise {
            try await InitCommand.initialise(try vault.store.location(in: context), keyFile: vault.keyFile(in: context), joining: true, in: context)
        }
        let logger = ServerLogger.make(format: logFormat, level: logLevel)
        let (opened, storeService) = try await vault.openForServing(in: context, webhooks: webhooks, logger: logger)
        // Without a data directory and without --outbox or --sendmail there is nowhere to send
        // codes: the server runs without an outbox. Anything given must be right.
        let mailGiven = outbox != nil || sendmail != nil || settings.path(.mailOutbox) != nil || settings.path(.mailSendmail) != nil
        let outbox: (any Outbox)? = !mailGiven && vault.store.dataDirectory(in: context) == nil
            ? nil
            : try OutboxOptions.outbox(directory: outbox, sendmail: sendmail, from: OutboxOptions.sender(mailFrom, policy: opened.policy, in: context),
                                       data: vault.store.dataDirectory(in: context), in: context)
        let schedule = BackgroundSchedule(auditCheckpoints: checkpointInterval > 0 ? .seconds(checkpointInterval) : nil,
                                          retentionSweeps: sweepInterval > 0 ? .seconds(sweepInterval) : nil,
                                          shreddedPurges: purgeInterval > 0 ? .seconds(purgeInterval) : nil,
                                          expiredSessions: .seconds(600),
                                          breachReminders: outbox != nil && breachReminderInterval > 0 ? .seconds(breachReminderInterval) : nil,
                                          webhookDeliveries: webhookInterval > 0 ? .seconds(webhookInterval) : nil)
        var http = HTTPConfiguration(host: host, port: port, outbox: outbox)
        http.headerTimeout = .seconds(headerTimeout)
        http.bodyTimeout = .seconds(bodyTimeout)
        let privacyCenter = PrivacyCenterConfiguration(path: centerPath, secureCookies: !insecureCookies, outbox: outbox)
        let console = ConsoleConfiguration(secureCookies: !insecureCookies, outbox: outbox, policyText: try? context.readText(vault.policyFile(in: context)))
        let app = KluisApplication.buildApplication(
            vault: opened, http: http, tls: tls, privacyCenter: privacyCenter, console: console, schedule: schedule, webhooks: webhooks,
            storeService: storeService, logger: logger,
            onServerRunning: { port in context.write("kluis: serving on \(tls == nil ? "http" : "https")://\(host):\(port)\n") }
        )
        try await app.runService()
        return 0
    }
}
