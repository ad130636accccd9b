import Foundation

/// Where a command reads its input and writes its output, so that tests run commands in-process
/// and read what they printed.
public struct CommandContext: Sendable {
    /// Writes to standard output.
    public var write: @Sendable (String) -> Void
    /// Writes to standard error.
    public var writeError: @Sendable (String) -> Void
    /// The directory relative paths are resolved against.
    public var workingDirectory: URL
    /// The environment variables the commands read (`KLUIS_ROOT_KEY`).
    public var environment: [String: String]
    /// The configuration file and the `KLUIS_` environment, read once before the command runs.
    public var settings: Settings = .none
    /// Where a configuration file is looked for when neither `--config` nor `KLUIS_CONFIG` names
    /// one (relative paths against the working directory).
    public var configurationFiles = Settings.defaultFiles

    public init(write: @escaping @Sendable (String) -> Void,
                writeError: @escaping @Sendable (String) -> Void,
                workingDirectory: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath),
                environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.write = write
        self.writeError = writeError
        self.workingDirectory = workingDirectory
        self.environment = environment
    }

    /// The process's own standard output and error.
    public static var standard: CommandContext {
        CommandContext(
            write: { FileHandle.standardOutput.write(Data($0.utf8)) },
            writeError: { FileHandle.standardError.write(Data($0.utf8)) }
        )
    }

    /// The URL of `path`, resolved against the working directory when relative.
    public func url(for path: String) -> URL {
        path.hasPrefix("/") ? URL(fileURLWithPath: path) : workingDirectory.appendingPathComponent(path)
    }

    /// The text of the file at `path`, or a readable error.
    public func readText(_ path: String) throws(CommandFailure) -> String {
        do {
            return try String(contentsOf: url(for: path), encoding: .utf8)
        } catch {
            throw CommandFailure("cannot read \(path): \(Self.reason(error))")
        }
    }

    /// Writes `text` to the file at `path`, replacing it.
    public func writeText(_ text: String, to path: String) throws(CommandFailure) {
        do {
            try Data(text.utf8).write(to: url(for: path), options: .atomic)
        } catch {
            throw CommandFailure("cannot write \(path): \(Self.reason(error))")
        }
    }

    private static func reason(_ error: any Error) -> String {
        let nsError = error as NSError
        if nsError.domain == NSCocoaErrorDomain {
            switch nsError.code {
            case NSFileReadNoSuchFileError, NSFileNoSuchFileError: return "no such file"
            case NSFileReadNoPermissionError, NSFileWriteNoPermissionError: return "permission denied"
            case NSFileReadInapplicableStringEncodingError: return "the file is not UTF-8 text"
            default: break
            }
        }
        return "the file system refused (\(nsError.code))"
    }
}
