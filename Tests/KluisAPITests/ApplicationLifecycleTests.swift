import Foundation
import Hummingbird
import KluisAPI
import KluisServer
import KluisTesting
import Logging
import ServiceLifecycle
import Synchronization
import Testing
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The composition root's service group: the store's pool runs before the server answers and
/// closes only after the server has stopped, so no request finds its store gone.
@Suite struct ApplicationLifecycleTests {
    /// Stands in for a connection pool: records what the server answered when the pool started
    /// and when it was told to stop.
    final class RecordingStore: Service {
        let port = Mutex<Int?>(nil)
        let events = Mutex<[String]>([])

        func run() async throws {
            events.withLock { $0.append("store started") }
            try? await gracefulShutdown()
            let answered = await healthz()
            events.withLock { $0.append(answered ? "store stopping, server still answering" : "store stopping, server gone") }
        }

        /// Whether the server answers `/healthz` now.
        func healthz() async -> Bool {
            guard let port = port.withLock({ $0 }), let url = URL(string: "http://127.0.0.1:\(port)/healthz") else { return false }
            let session = URLSession(configuration: .ephemeral)
            defer { session.invalidateAndCancel() }
            let response = try? await session.data(for: URLRequest(url: url, timeoutInterval: 2)).1
            return (response as? HTTPURLResponse)?.statusCode == 200
        }
    }

    @Test func theStoreStartsFirstAndStopsAfterTheServer() async throws {
        let fixture = try await VaultFixture()
        defer { fixture.directory.remove() }
        let store = RecordingStore()
        let (running, runningContinuation) = AsyncStream.makeStream(of: Int.self)
        let application = KluisApplication.buildApplication(
            vault: fixture.vault, http: HTTPConfiguration(host: "127.0.0.1", port: 0),
            schedule: BackgroundSchedule(auditCheckpoints: .seconds(3600)), storeService: store, logger: LogCapture().logger(),
            onServerRunning: { port in
                store.port.withLock { $0 = port }
                store.events.withLock { $0.append("server running") }
                runningContinuation.yield(port)
            })
        let group = ServiceGroup(configuration: .init(services: [application], logger: Logger(label: "test")))
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            var ports = running.makeAsyncIterator()
            _ = try #require(await ports.next(), "the server did not start")
            #expect(await store.healthz(), "the server does not answer while running")
            await group.triggerGracefulShutdown()
            try await tasks.waitForAll()
        }
        #expect(store.events.withLock { $0 } == ["store started", "server running", "store stopping, server gone"])
    }
}
