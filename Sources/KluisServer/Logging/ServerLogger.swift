import Logging

/// The server's logger, in the format and at the level `kluis serve` was given. It is made by
/// hand rather than through `LoggingSystem.bootstrap`, which may run once per process: the tests
/// run many servers in one.
public enum ServerLogger {
    public static func make(format: LogFormat, level: Logger.Level, label: String = "kluis") -> Logger {
        var logger = switch format {
        case .json: Logger(label: label) { label in JSONLogHandler(label: label) }
        case .text: Logger(label: label) { label in StreamLogHandler.standardError(label: label) }
        }
        logger.logLevel = level
        return logger
    }
}
