import ArgumentParser
import Foundation
import KluisCore

/// `kluis webhooks list|log|replay`: the endpoints the configuration names and where their
/// deliveries stand, in the vault's store.
struct WebhooksCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "webhooks",
        abstract: "See and replay the webhook deliveries to the endpoints in the configuration file.",
        discussion: "Endpoints are named in the configuration file (webhooks:, see docs/operations.md); kluis serve delivers their events.",
        subcommands: [WebhooksListCommand.self, WebhooksLogCommand.self, WebhooksReplayCommand.self]
    )

    static func endpoint(_ name: String, in context: CommandContext) throws(CommandFailure) -> WebhookEndpoint {
        let endpoints = try context.settings.webhookEndpoints()
        guard let endpoint = endpoints.first(where: { $0.name == name }) else {
            throw CommandFailure("the configuration names no webhook '\(name)'\(endpoints.isEmpty ? "" : "; it names \(endpoints.map(\.name).joined(separator: ", "))")")
        }
        return endpoint
    }

    static func time(_ date: Date?) -> String {
        date.map { $0.formatted(Date.ISO8601FormatStyle()) } ?? "-"
    }
}

/// `kluis webhooks list`.
struct WebhooksListCommand: ContextualCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "Each endpoint: its URL, the last audit event delivered, failures and the next try.")

    @OptionGroup var vault: VaultOptions

    func run(in context: CommandContext) async throws -> Int32 {
        let endpoints = try context.settings.webhookEndpoints()
        guard !endpoints.isEmpty else {
            context.write("no webhook endpoints are configured (webhooks: in the configuration file)\n")
            return 0
        }
        let rows = try await vault.withVault(in: context) { vault in
            var rows: [String] = []
            for endpoint in endpoints {
                let state = try await vault.webhookState(of: endpoint.name)
                let kinds = endpoint.kinds.isEmpty ? "all events" : endpoint.kinds.map(\.rawValue).sorted().joined(separator: ",")
                rows.append("\(endpoint.name)\t\(endpoint.url.absoluteString)\t\(kinds)\t\(state.delivered)\t\(state.failures)\t\(WebhooksCommand.time(state.nextAttempt))")
            }
            return rows
        }
        context.write("name\turl\tevents\tdelivered through\tfailures\tnext try\n" + rows.joined(separator: "\n") + "\n")
        return 0
    }
}

/// `kluis webhooks log NAME`.
struct WebhooksLogCommand: ContextualCommand {
    static let configuration = CommandConfiguration(commandName: "log", abstract: "The endpoint's latest deliveries (at most 100), oldest first: event, answer or error, time taken.")

    @OptionGroup var vault: VaultOptions
    @Argument(help: "The endpoint's name.") var name: String
    @Flag(help: "Print the log as JSON.") var json = false

    func run(in context: CommandContext) async throws -> Int32 {
        let endpoint = try WebhooksCommand.endpoint(name, in: context)
        let state = try await vault.withVault(in: context) { try await $0.webhookState(of: endpoint.name) }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            encoder.dateEncodingStrategy = .iso8601
            encoder.keyEncodingStrategy = .convertToSnakeCase
            context.write(String(decoding: try encoder.encode(state.log), as: UTF8.self) + "\n")
            return 0
        }
        var text = "time\tevent\ttype\tattempt\tanswer\tms\n"
        for delivery in state.log {
            text += "\(WebhooksCommand.time(delivery.at))\t\(delivery.event)\t\(delivery.kind)\t\(delivery.attempt)\t\(delivery.status.map(String.init) ?? delivery.error ?? "-")\t\(delivery.milliseconds)\n"
        }
        context.write(text)
        return 0
    }
}

/// `kluis webhooks replay NAME --from SEQUENCE`.
struct WebhooksReplayCommand: ContextualCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Send an endpoint's events again from an audit event on, for a receiver that lost them.",
        discussion: "The running server sends them at its next round. Receivers see repeats by the event id. Audited."
    )

    @OptionGroup var vault: VaultOptions
    @Argument(help: "The endpoint's name.") var name: String
    @Option(help: "The audit event to start from (its sequence, as in 'kluis audit' and the events' audit_sequence).") var from: Int64

    func run(in context: CommandContext) async throws -> Int32 {
        guard from >= 1 else { throw CommandFailure("--from must be an audit sequence, 1 or more") }
        let endpoint = try WebhooksCommand.endpoint(name, in: context)
        try await vault.withVault(in: context) { try await $0.replayWebhooks(of: endpoint.name, from: from, by: .commandLine(purposes: [])) }
        context.write("\(endpoint.name): events from audit event \(from) on are sent again at the server's next round\n")
        return 0
    }
}
