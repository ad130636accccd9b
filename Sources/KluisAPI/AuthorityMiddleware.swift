import Hummingbird

/// Binds ``RequestAuthority`` for the handler's task, on the operations browsers call.
struct AuthorityMiddleware: RouterMiddleware {
    typealias Context = APIRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        try await RequestAuthority.$current.withValue(request.head.authority) { try await next(request, context) }
    }
}
