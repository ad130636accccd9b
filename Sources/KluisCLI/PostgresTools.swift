import Foundation
import KluisPostgres
import Subprocess
import SystemPackage

/// Runs PostgreSQL's own client programs (pg_dump, pg_restore) for backups: they know every
/// detail of the server's format, which Kluis does not re-implement.
enum PostgresTools {
    /// Runs `program` from the PATH. Subprocess rather than Foundation's Process, whose `run()` on
    /// Linux can crash a process that holds many descriptors; and it waits without blocking a thread.
    static func run(_ program: String, _ arguments: [String], password: String?) async throws(CommandFailure) {
        // The password goes through the environment, never the command line others can see.
        let environment: Environment = password.map { .inherit.updating(["PGPASSWORD": $0]) } ?? .inherit
        let result: ExecutionResult<Void, DiscardedOutput, StringOutput<UTF8>>
        do {
            // What it reports is kept whole, however many warnings: past the limit Subprocess
            // would stop the program.
            result = try await Subprocess.run(.name(program), arguments: Arguments(arguments), environment: environment,
                                              output: .discarded, error: .string(limit: 1 << 24))
        } catch let error as SubprocessError where error.code == .executableNotFound || error.code == .spawnFailed {
            throw CommandFailure("\(program) cannot be started: install PostgreSQL's client programs")
        } catch {
            throw CommandFailure("\(program) failed: \(error)")
        }
        let status = switch result.terminationStatus {
        case .exited(0): ""
        case .exited(let code): "exit status \(code)"
        case .signaled(let signal): "signal \(signal)"
        }
        guard status.isEmpty else {
            throw CommandFailure("\(program) failed (\(status)): \(result.standardError.split(separator: "\n").first ?? "")")
        }
    }
}

extension PostgresLocation {
    /// The location as a libpq URL without the password, for pg_dump and pg_restore.
    var libpqURL: String {
        let user = self.user.addingPercentEncoding(withAllowedCharacters: .urlUserAllowed) ?? self.user
        return "postgresql://\(user)@\(host):\(port)/\(database)?sslmode=\(tls.rawValue)"
    }
}
