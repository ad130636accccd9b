import ArgumentParser

/// A command that runs against a ``CommandContext`` instead of the process's own streams.
public protocol ContextualCommand: AsyncParsableCommand {
    /// Does the work; returns the exit code (0 on success).
    func run(in context: CommandContext) async throws -> Int32
}

extension ContextualCommand {
    public mutating func run() async throws {
        let code = try await run(in: .standard)
        if code != 0 { throw ExitCode(code) }
    }
}
