import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdCore
import HummingbirdTLS
import KluisAPI
import KluisCore
import KluisHTTP
import KluisWeb
import Logging
import NIOCore
import ServiceLifecycle

/// The composition root of the server: `kluis serve`, the tests and the bench build the same
/// application here, from the API's routes, the web's, the server's own (metrics), the store's
/// connection pool and the background tasks. Each audience has a request context of its own,
/// made from the server's for its routes.
public enum KluisApplication {
    /// Builds the router with every route.
    public static func router(vault: Vault, configuration: HTTPConfiguration = HTTPConfiguration(),
                              privacyCenter: PrivacyCenterConfiguration = PrivacyCenterConfiguration(),
                              console: ConsoleConfiguration = ConsoleConfiguration(),
                              metrics: HTTPMetrics = HTTPMetrics(),
                              overTLS: Bool = false) -> (router: Router<ServerRequestContext>, routes: RouteTable) {
        let router = Router(context: ServerRequestContext.self)
        router.add(middleware: RequestLogMiddleware(metrics: metrics))
        if overTLS { router.add(middleware: StrictTransportSecurity()) }
        router.add(middleware: ProblemMiddleware())
        let api = router.group(context: APIRequestContext.self)
        var configuration = configuration
        configuration.privacyCenterPath = privacyCenter.path
        var table = APIRoutes.register(on: api, vault: vault, configuration: configuration)
        for route in WebRoutes.register(on: router.group(context: WebRequestContext.self), vault: vault, privacyCenter: privacyCenter,
                                             console: console) {
            table.record(route.method, route.path, .public)
        }
        table.add(.get, "/metrics", .public, on: api) { _, _ in
            var headers = HTTPFields()
            headers[.contentType] = "text/plain; version=0.0.4"
            return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: metrics.render())))
        }
        return (router, table)
    }

    /// The application serving `vault` on `http.host:port`. Its services run in one service
    /// group, started in dependency order and stopped in reverse: the store's connection pool
    /// (`storeService`, when the store has one), the background tasks of `schedule`, then the
    /// server. On shutdown the server finishes its requests first, the background work stops
    /// next, and the pool closes last. With `tls` it speaks HTTPS only.
    public static func buildApplication(vault: Vault, http: HTTPConfiguration, tls: ServerTLS? = nil,
                                        privacyCenter: PrivacyCenterConfiguration = PrivacyCenterConfiguration(),
                                        console: ConsoleConfiguration = ConsoleConfiguration(),
                                        schedule: BackgroundSchedule = .off, webhooks: [WebhookEndpoint] = [],
                                        storeService: (any Service)? = nil, logger: Logger,
                                        onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }) -> some ApplicationProtocol {
        let (router, _) = router(vault: vault, configuration: http, privacyCenter: privacyCenter, console: console, overTLS: tls != nil)
        var services: [any Service] = storeService.map { [$0] } ?? []
        let tasks = backgroundTasks(of: vault, schedule: schedule, outbox: http.outbox, webhooks: webhooks, logger: logger)
        if !tasks.isEmpty { services.append(BackgroundWorker(tasks: tasks, logger: logger)) }
        return Application(
            router: router,
            server: server(http: http, tls: tls),
            configuration: ApplicationConfiguration(address: .hostname(http.host, port: http.port), serverName: "kluis"),
            services: services,
            onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? http.port) },
            logger: logger
        )
    }

    /// HTTP/1.1 with the server's answers to malformed requests and its deadlines, inside TLS
    /// when `tls` is given.
    private static func server(http: HTTPConfiguration, tls: ServerTLS?) -> HTTPServerBuilder {
        let configuration = HTTP1Channel.Configuration(additionalChannelHandlers: [
            MalformedRequestAnswer(),
            ConnectionDeadlines(headerTimeout: TimeAmount(http.headerTimeout), bodyTimeout: TimeAmount(http.bodyTimeout),
                                minimumBodyRate: http.minimumBodyRate),
        ])
        guard let tls else { return .http1(configuration: configuration) }
        return HTTPServerBuilder { responder in
            try TLSChannel(HTTP1Channel(responder: responder, configuration: configuration), tlsConfiguration: tls.configuration)
        }
    }

    private static func backgroundTasks(of vault: Vault, schedule: BackgroundSchedule, outbox: (any Outbox)?,
                                        webhooks: [WebhookEndpoint], logger: Logger) -> [PeriodicTask] {
        var tasks: [PeriodicTask] = []
        if let interval = schedule.auditCheckpoints { tasks.append(.auditCheckpoints(of: vault, interval: interval, logger: logger)) }
        if let interval = schedule.retentionSweeps { tasks.append(.retentionSweeps(of: vault, interval: interval)) }
        if let interval = schedule.shreddedPurges { tasks.append(.shreddedPurges(of: vault, interval: interval)) }
        if let interval = schedule.expiredSessions { tasks.append(.expiredSessions(of: vault, interval: interval)) }
        // Reminders are mail: with no outbox to send them through, there are none.
        if let interval = schedule.breachReminders, let outbox {
            tasks.append(.breachReminders(of: vault, outbox: outbox, interval: interval))
        }
        if let interval = schedule.webhookDeliveries, !webhooks.isEmpty {
            tasks.append(.webhookDeliveries(by: WebhookDispatcher(vault: vault, endpoints: webhooks), interval: interval))
        }
        return tasks
    }
}
