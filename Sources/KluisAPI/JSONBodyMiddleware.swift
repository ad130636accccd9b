import Hummingbird

/// Reads a request's body before its handler: more than `limit` bytes is refused with 413 (from
/// the announced `Content-Length` before the body is read), an object naming a key twice with
/// 400. The generated decoders read whatever they are given, and Foundation's keeps one of two
/// equal keys where other parsers keep the other: a body that means different things to
/// different readers is refused.
struct JSONBodyMiddleware<Context: RequestContext>: RouterMiddleware {
    let limit: Int

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if let announced = request.headers[.contentLength].flatMap(Int.init), announced > limit {
            throw HTTPError(.contentTooLarge)
        }
        var request = request
        let body = try await request.collectBody(upTo: limit)
        if let key = JSONDuplicateKeys.first(in: Array(body.readableBytesView)) {
            throw Problem(.badRequest, code: "request.invalid", detail: "the body names '\(key)' twice in one object")
        }
        return try await next(request, context)
    }
}
