import Hummingbird
import KluisCore
import Logging
import Prometheus
import Synchronization

/// Request counts and durations in Prometheus format. Labels are the route template, method and
/// status only: never a raw path, so no id or value ever becomes a label.
public final class HTTPMetrics: Sendable {
    public let registry = PrometheusCollectorRegistry()

    /// The labels of one kind of request: routes are templates and statuses few, so the set of
    /// kinds stays small.
    private struct Labels: Hashable {
        var route: String
        var method: String
        var status: Int
    }

    /// A kind of request's counter and histogram, kept once found: asking the registry on every
    /// request builds the metric's name and sorts its labels again (measured by `kluis bench`).
    private let instruments = Mutex<[Labels: (requests: Counter, duration: DurationHistogram)]>([:])

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
        let key = Labels(route: route, method: method, status: status)
        let instruments = self.instruments.withLock { $0[key] } ?? makeInstruments(key)
        instruments.requests.increment()
        instruments.duration.record(duration)
    }

    private func makeInstruments(_ key: Labels) -> (requests: Counter, duration: DurationHistogram) {
        let made = (
            requests: registry.makeCounter(descriptor: Self.requests,
                                           labels: [("route", key.route), ("method", key.method), ("status", String(key.status))]),
            duration: registry.makeDurationHistogram(
                descriptor: Self.duration,
                labels: [("route", key.route), ("method", key.method)],
                buckets: [.milliseconds(1), .milliseconds(2), .milliseconds(5), .milliseconds(10), .milliseconds(20),
                          .milliseconds(50), .milliseconds(100), .milliseconds(500), .seconds(1)]
            )
        )
        instruments.withLock { $0[key] = made }
        return made
    }

    /// The exposition text for `/metrics`.
    func render() -> String {
        var buffer: [UInt8] = []
        registry.emit(into: &buffer)
        return String(decoding: buffer, as: UTF8.self)
    }
}
