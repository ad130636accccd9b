import Foundation
import Logging

/// A log handler that writes each message as one JSON object on one line, so that a collector
/// (journald, Loki, Elasticsearch) reads fields instead of parsing text. Metadata keys sit beside
/// `time`, `level`, `label` and `message`, which win a clash.
///
/// JSONSerialization does the escaping; each line goes out in one write, so lines of concurrent
/// requests do not interleave.
public struct JSONLogHandler: LogHandler {
    public var metadata: Logger.Metadata = [:]
    public var logLevel: Logger.Level = .info
    private let label: String
    private let write: @Sendable (Data) -> Void

    /// A handler writing to standard error.
    public init(label: String) {
        self.init(label: label) { line in FileHandle.standardError.write(line) }
    }

    /// A handler handing each line, newline included, to `write`.
    public init(label: String, write: @escaping @Sendable (Data) -> Void) {
        self.label = label
        self.write = write
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var object: [String: Any] = [:]
        for (key, value) in metadata.merging(event.metadata ?? [:], uniquingKeysWith: { $1 }) {
            object[key] = Self.json(value)
        }
        object["time"] = Self.timeStyle.format(Date.now)
        object["level"] = event.level.rawValue
        object["label"] = label
        object["message"] = event.message.description
        // Strings, arrays and dictionaries of strings only: serialising them cannot fail.
        guard var line = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]) else { return }
        line.append(UInt8(ascii: "\n"))
        write(line)
    }

    /// `2026-12-04T16:40:00.123Z`: UTC, to the millisecond.
    private static let timeStyle = Date.ISO8601FormatStyle(includingFractionalSeconds: true)

    private static func json(_ value: Logger.Metadata.Value) -> Any {
        switch value {
        case .string(let text): text
        // Numbers stay numbers, so that a collector can sum durations and count statuses.
        case .stringConvertible(let number as Int): number
        case .stringConvertible(let number as Double): number
        case .stringConvertible(let convertible): convertible.description
        case .array(let values): values.map(json)
        case .dictionary(let values): values.mapValues(json)
        }
    }
}
