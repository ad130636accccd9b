import Foundation
import HTTPTypes
import Hummingbird
import KluisCore
import Logging

/// The composition root of the HTTP application: `kluis serve` and the tests build the same
/// application here.
public enum KluisApplication {
    /// Builds the router with every route of the API.
    public static func router(vault: Vault, configuration: HTTPConfiguration = HTTPConfiguration(),
                              metrics: HTTPMetrics = HTTPMetrics()) -> (router: Router<APIRequestContext>, routes: RouteTable) {
        let router = Router(context: APIRequestContext.self)
        router.add(middleware: MetricsMiddleware(metrics: metrics))
        router.add(middleware: ProblemMiddleware())
        var table = RouteTable(vault: vault)
        VaultRoutes(vault: vault, configuration: configuration, metrics: metrics).register(on: router, table: &table)
        ConsentRoutes(vault: vault, configuration: configuration).register(on: router, table: &table)
        RequestRoutes(vault: vault, configuration: configuration).register(on: router, table: &table)
        RetentionRoutes(vault: vault, configuration: configuration).register(on: router, table: &table)
        return (router, table)
    }

    /// The application serving `vault` on `configuration.host:port`, with `background` tasks
    /// running beside it and stopped with it.
    public static func build(vault: Vault, configuration: HTTPConfiguration, logger: Logger,
                             background: [PeriodicTask] = [],
                             onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }) -> some ApplicationProtocol {
        let (router, _) = router(vault: vault, configuration: configuration)
        return Application(
            router: router,
            configuration: ApplicationConfiguration(address: .hostname(configuration.host, port: configuration.port),
                                                    serverName: "kluis"),
            services: background.isEmpty ? [] : [BackgroundWorker(tasks: background, logger: logger)],
            onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? configuration.port) },
            logger: logger
        )
    }
}
