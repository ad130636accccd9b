import Foundation
import HTTPTypes
import Hummingbird
import KluisAPI
import KluisCore
import KluisWeb
import Logging

/// The composition root of the server: `kluis serve` and the tests build the same application
/// here, from the API's routes, the web's, the server's own (metrics) and the background tasks.
/// Each audience has a request context of its own, made from the server's for its routes.
public enum KluisApplication {
    /// Builds the router with every route.
    public static func router(vault: Vault, configuration: HTTPConfiguration = HTTPConfiguration(),
                              metrics: HTTPMetrics = HTTPMetrics()) -> (router: Router<BasicRequestContext>, routes: RouteTable) {
        let router = Router()
        router.add(middleware: MetricsMiddleware(metrics: metrics))
        router.add(middleware: ProblemMiddleware())
        let api = router.group(context: APIRequestContext.self)
        var table = APIRoutes.register(on: api, vault: vault, configuration: configuration)
        for route in WebRoutes.register(on: router.group(context: WebRequestContext.self), vault: vault) {
            table.record(route.method, route.path, .public)
        }
        table.add(.get, "/metrics", .public, on: api) { _, _ in
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
