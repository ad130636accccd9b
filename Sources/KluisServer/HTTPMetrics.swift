import Hummingbird
import Logging
import Prometheus

/// Request counts and durations in Prometheus format. Labels are the route template, method and
/// status only: never a raw path, so no id or value ever becomes a label.
public final class HTTPMetrics: Sendable {
    public let registry = PrometheusCollectorRegistry()

    public init() {}

    static var requests: MetricNameDescriptor { MetricNameDescriptor(namespace: "kluis", subsystem: "http", metricName: "requests", unitName: "total",
                                               helpText: "HTTP requests by route template, method and status.") }
    static var duration: MetricNameDescriptor { MetricNameDescriptor(namespace: "kluis", subsystem: "http", metricName: "request_duration", unitName: "seconds",
                                               helpText: "HTTP request duration by route template and method.") }

    func record(route: String, method: String, status: Int, duration: Duration) {
        let labels = [("route", route), ("method", method), ("status", String(status))]
        registry.makeCounter(descriptor: Self.requests, labels: labels).increment()
        registry.makeDurationHistogram(
            descriptor: Self.duration,
            labels: [("route", route), ("method", method)],
            buckets: [.milliseconds(1), .milliseconds(2), .milliseconds(5), .milliseconds(10), .milliseconds(20),
                      .milliseconds(50), .milliseconds(100), .milliseconds(500), .seconds(1)]
        ).record(duration)
    }

    /// The exposition text for `/metrics`.
    func render() -> String {
        var buffer: [UInt8] = []
        registry.emit(into: &buffer)
        return String(decoding: buffer, as: UTF8.self)
    }
}

/// Records every request in ``HTTPMetrics`` and, at debug level, in the log: with the route
/// template, never the raw path or query.
struct MetricsMiddleware<Context: RequestContext>: RouterMiddleware {
    let metrics: HTTPMetrics

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        let status: Int
        do {
            let response = try await next(request, context)
            status = response.status.code
            observe(request, context, status: status, duration: ContinuousClock.now - start)
            return response
        } catch {
            status = (error as? any HTTPResponseError)?.status.code ?? 500
            observe(request, context, status: status, duration: ContinuousClock.now - start)
            throw error
        }
    }

    private func observe(_ request: Request, _ context: Context, status: Int, duration: Duration) {
        let route = context.endpointPath ?? "unmatched"
        metrics.record(route: route, method: request.method.rawValue, status: status, duration: duration)
        context.logger.debug("request.completed", metadata: [
            "kluis.route": "\(route)", "kluis.method": "\(request.method.rawValue)", "kluis.status": "\(status)",
        ])
    }
}
