import Foundation
import KluisCore
import KluisPostgres
import Synchronization

/// The PostgreSQL server the tests use: `KLUIS_TEST_POSTGRES_URL` (started by
/// `scripts/start-postgres`). Without it the PostgreSQL tests are skipped — except under CI
/// (`CI=true`), where they run and fail, so that a missing server can never pass as green.
public enum PostgresTestServer {
    public static let url = ProcessInfo.processInfo.environment["KLUIS_TEST_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 }

    /// Whether the PostgreSQL tests run.
    public static let isEnabled = url != nil || ProcessInfo.processInfo.environment["CI"] == "true"

    /// A location in a new, empty schema of the test database: every test gets its own.
    public static func freshLocation() throws -> PostgresLocation {
        guard let url else {
            throw VaultError(.storeFailure, "KLUIS_TEST_POSTGRES_URL is not set: start a server with scripts/start-postgres and export the URL it prints")
        }
        var location = try PostgresLocation(url: url)
        location.schema = "t_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(20)
        return location
    }

    /// The URL of `location`, for commands and processes.
    public static func url(of location: PostgresLocation) -> String {
        "postgres://\(location.user):\(location.password ?? "")@\(location.host):\(location.port)/\(location.database)?sslmode=disable&schema=\(location.schema)"
    }
}

/// PostgreSQL stores opened by a test, with their connection pools running; ``shutdown()``
/// closes them all.
public final class RunningPostgresStores: Sendable {
    private let tasks = Mutex<[Task<Void, Never>]>([])

    public init() {}

    /// Opens a store on `location` and starts its pool.
    public func open(_ location: PostgresLocation) -> PostgresVaultStore {
        let store = PostgresVaultStore(location: location, maximumConnections: 8)
        let task = Task { await store.run() }
        tasks.withLock { $0.append(task) }
        return store
    }

    public func shutdown() {
        tasks.withLock { tasks in
            for task in tasks { task.cancel() }
            tasks = []
        }
    }

    deinit { shutdown() }
}
