import Foundation
import KluisPostgres

/// Runs PostgreSQL's own client programs (pg_dump, pg_restore) for backups: they know every
/// detail of the server's format, which Kluis does not re-implement.
enum PostgresTools {
    static func run(_ program: String, _ arguments: [String], password: String?) throws(CommandFailure) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [program] + arguments
        var environment = ProcessInfo.processInfo.environment
        // The password goes through the environment, never the command line others can see.
        if let password { environment["PGPASSWORD"] = password }
        process.environment = environment
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw CommandFailure("\(program) cannot be started: install PostgreSQL's client programs")
        }
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw CommandFailure("\(program) failed (status \(process.terminationStatus)): \(message.split(separator: "\n").first ?? "")")
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
