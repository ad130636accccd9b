import Hummingbird
import KluisCore
import Logging

/// Records every request in ``HTTPMetrics`` and writes the request log: one line per request at
/// info level, with the method, the route template, the status, the duration and the request id
/// (the logger's `hb.request.id`). Never the raw path or query, which may hold ids or values.
struct RequestLogMiddleware<Context: RequestContext>: RouterMiddleware {
    let metrics: HTTPMetrics

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        do {
            let response = try await next(request, context)
            observe(request, context, status: response.status.code, duration: ContinuousClock.now - start)
            return response
        } catch {
            observe(request, context, status: (error as? any HTTPResponseError)?.status.code ?? 500, duration: ContinuousClock.now - start)
            throw error
        }
    }

    private func observe(_ request: Request, _ context: Context, status: Int, duration: Duration) {
        let route = context.endpointPath ?? "unmatched"
        metrics.record(route: route, method: request.method.rawValue, status: status, duration: duration)
        context.logger.info("request.completed", metadata: [
            "kluis.method": "\(request.method.rawValue)", "kluis.route": "\(route)", "kluis.status": .stringConvertible(status),
            "kluis.duration_ms": .stringConvertible(Self.milliseconds(duration)),
        ])
    }

    /// To the microsecond: enough for a request, short in a log line.
    static func milliseconds(_ duration: Duration) -> Double {
        (duration.milliseconds * 1000).rounded(.down) / 1000
    }
}
