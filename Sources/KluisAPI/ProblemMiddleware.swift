import Hummingbird
import Logging

/// Turns every error a route throws into a problem response, and logs server-side failures with
/// the route template only.
public struct ProblemMiddleware<Context: RequestContext>: RouterMiddleware {
    public init() {}

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            let problem = Problem(from: error)
            if problem.status.code >= 500 {
                context.logger.error("request.failed", metadata: [
                    "kluis.route": "\(context.endpointPath ?? "unmatched")",
                    "kluis.code": "\(problem.code)",
                    "kluis.error_type": "\(type(of: error))",
                ])
            }
            throw problem
        }
    }
}
