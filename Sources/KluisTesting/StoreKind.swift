import Testing

/// The stores a vault test runs on: SQLite always, PostgreSQL when its tests are enabled.
public enum StoreKind: String, Sendable, CaseIterable, CustomTestStringConvertible {
    case sqlite, postgres

    /// The stores to run on in this environment; use as `@Test(arguments: StoreKind.enabled)`.
    public static var enabled: [StoreKind] {
        PostgresTestServer.isEnabled ? [.sqlite, .postgres] : [.sqlite]
    }

    public var testDescription: String { rawValue }
}
