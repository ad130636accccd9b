import Hummingbird
import KluisCore
import Logging
import Prometheus

/// Request counts and durations in Prometheus format. Labels are the route template, method and
/// status only: never a raw path, so no id or value ever becomes a label.
public final class HTTPMetrics: Sendable {
    public let registry = PrometheusCollectorRegistry()

    public init() {
        // Prometheus' convention for what runs: a gauge of 1 whose labels name the build.
        registry.makeGauge(descriptor: Self.buildInfo, labels: [("version", KluisBuild.version), ("commit", KluisBuild.commit)]).set(to: 1)
    }

    static var buildInfo: MetricNameDescriptor { MetricNameDescriptor(namespace: "kluis", metricName: "build", unitName: "info",
                                                helpText: "The Kluis release and commit this server runs; always 1.") }
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
