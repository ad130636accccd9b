import HTTPTypes
import Hummingbird

/// Over HTTPS every answer tells browsers to come back over HTTPS only, for a year
/// (`Strict-Transport-Security`), so that a sign-in to the privacy center or the console is never
/// sent in the clear after the first visit. Over plain HTTP the header means nothing and is not
/// sent (RFC 6797 §7.2).
struct StrictTransportSecurity<Context: RequestContext>: RouterMiddleware {
    static var header: HTTPField.Name { HTTPField.Name("Strict-Transport-Security")! }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        response.headers[Self.header] = "max-age=31536000"
        return response
    }
}
