/// How the server writes its log lines to standard error.
public enum LogFormat: String, Sendable, CaseIterable {
    /// One JSON object per line, for a log collector: `time`, `level`, `label`, `message` and
    /// the metadata's keys beside them.
    case json
    /// swift-log's own lines, for a person reading a terminal.
    case text
}
