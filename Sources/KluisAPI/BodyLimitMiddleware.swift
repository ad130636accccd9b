import Hummingbird

/// Reads a request's body before its handler, refusing more than `limit` bytes with 413. The
/// generated decoders read whatever they are given; the limit is the server's to keep.
struct BodyLimitMiddleware<Context: RequestContext>: RouterMiddleware {
    let limit: Int

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if let announced = request.headers[.contentLength].flatMap(Int.init), announced > limit {
            throw HTTPError(.contentTooLarge)
        }
        var request = request
        _ = try await request.collectBody(upTo: limit)
        return try await next(request, context)
    }
}
