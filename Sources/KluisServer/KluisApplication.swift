import Foundation
import HTTPTypes
import Hummingbird
import KluisAPI
import KluisCore
import Logging

/// The composition root of the server: `kluis serve` and the tests build the same application
/// here, from the API's routes, the server's own (metrics) and the background tasks.
public enum KluisApplication {
    /// Builds the router with every route.
    public static func router(vault: Vault, configuration: HTTPConfiguration = HTTPConfiguration(),
                              metrics: HTTPMetrics = HTTPMetrics()) -> (router: Router<APIRequestContext>, routes: RouteTable) {
        let router = Router(context: APIRequestContext.self)
        router.add(middleware: MetricsMiddleware(metrics: metrics))
        var table = APIRoutes.register(on: router, vault: vault, configuration: configuration)
        table.add(.get, "/metrics", .public, on: router) { _, _ in
            var headers = HTTPFields()
            headers[.contentType] = "text/plain; version=0.0.4"
            return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: metrics.render())))
        }
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
