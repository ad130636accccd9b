import ArgumentParser
import Foundation
import KluisCore

/// `kluis breaches list [--format json]`: the register at a glance, with each breach's clock.
struct BreachesListCommand: ContextualCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "Every breach, latest awareness first: state, aware at, deadline, time left, late by or when the authority was told, people told."
    )

    @OptionGroup var vault: VaultOptions
    @Option(help: "Output format: text or json.") var format: ListFormat = .text

    enum ListFormat: String, ExpressibleByArgument, CaseIterable {
        case text
        case json
    }

    /// One breach in the JSON list.
    struct Row: Encodable {
        var id: String
        var state: Breach.State
        var summary: String
        var awareAt: Date
        var deadline: Date
        var notifiedAt: Date?
        var late: Bool
        /// Seconds until the deadline (negative when late) while the authority has yet to be told.
        var secondsLeft: Int?
        var clock: String
        var peopleTold: Int
    }

    func run(in context: CommandContext) async throws -> Int32 {
        let (register, clock) = try await vault.withVault(in: context) { opened in
            (BreachRegister(breaches: try await opened.breaches.all(), policy: opened.policy, clock: opened.breaches.clock, now: opened.now()),
             opened.breaches.clock)
        }
        let now = register.exportedAt
        let rows = register.breaches.map { entry in
            let breach = entry.breach
            let waiting = entry.notifiedAt == nil && breach.needsNotification
            return Row(id: breach.id, state: breach.state, summary: breach.summary, awareAt: breach.timeline.awareAt, deadline: entry.deadline,
                       notifiedAt: entry.notifiedAt, late: entry.late,
                       secondsLeft: waiting ? Int(clock.timeLeft(of: breach, at: now).rounded(.down)) : nil,
                       clock: BreachesCommand.clock(of: breach, clock: clock, now: now), peopleTold: entry.peopleTold)
        }
        switch format {
        case .text:
            var text = "breach\tstate\taware at\tdeadline\tclock\tpeople told\n"
            for row in rows {
                text += [row.id, row.state.rawValue, BreachesCommand.time(row.awareAt), BreachesCommand.time(row.deadline), row.clock,
                         String(row.peopleTold)].joined(separator: "\t") + "\n"
            }
            context.write(text)
        case .json:
            context.write(try BreachesCommand.json(rows))
        }
        return 0
    }
}
