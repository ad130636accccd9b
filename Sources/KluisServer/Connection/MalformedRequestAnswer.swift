import HTTPTypes
import KluisAPI
import NIOCore
import NIOHTTP1
import NIOHTTPTypes

/// Gives the answer to a request that is not valid HTTP/1.1 a problem body, as every other
/// refusal has. Hummingbird answers a parse error itself, with a bare `400` and no body, outside
/// any route; this handler sees that answer go out when no request is waiting for one and writes
/// the problem instead. When the parse error came in the middle of a request (an invalid chunk
/// size in its body), that request's route has answered already (``Problem`` maps the parser's
/// error to a 400), so the framework's second answer is dropped and the connection closed.
final class MalformedRequestAnswer: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    /// Requests whose head arrived and whose answer has not begun.
    private var unanswered = 0
    /// Whether a request's head arrived and its end has not.
    private var inRequest = false
    /// The parse error, and whether it came while a request was being received.
    private var parseError: (error: HTTPParserError, duringRequest: Bool)?
    /// Whether the framework's own answer is being replaced or dropped.
    private var rewriting: Rewrite?

    private enum Rewrite { case problem, drop }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head:
            unanswered += 1
            inRequest = true
        case .body:
            break
        case .end:
            inRequest = false
        }
        context.fireChannelRead(data)
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        if let error = error as? HTTPParserError, parseError == nil {
            parseError = (error, inRequest)
        }
        context.fireErrorCaught(error)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        switch unwrapOutboundIn(data) {
        case .head(let head) where head.status.kind != .informational:
            if unanswered > 0 {
                unanswered -= 1
                context.write(data, promise: promise)
            } else if let parseError, !parseError.duringRequest {
                rewriting = .problem
                let body = Self.problem(for: parseError.error)
                var fields = head.headerFields
                fields[.contentType] = "application/problem+json"
                fields[.contentLength] = String(body.readableBytes)
                fields[.connection] = "close"
                context.write(wrapOutboundOut(.head(HTTPResponse(status: .badRequest, headerFields: fields))), promise: promise)
                context.write(wrapOutboundOut(.body(body)), promise: nil)
            } else {
                // An answer no request asked for: the framework's second answer to a request
                // that broke off in its body.
                rewriting = .drop
                promise?.succeed()
            }
        case .body where rewriting != nil:
            promise?.succeed()
        case .end where rewriting != nil:
            if rewriting == .problem {
                context.writeAndFlush(data, promise: promise)
            } else {
                promise?.succeed()
            }
            rewriting = nil
            context.close(promise: nil)
        default:
            context.write(data, promise: promise)
        }
    }

    /// The problem body, by the parser's name for what was wrong: never the request's bytes.
    static func problem(for error: HTTPParserError) -> ByteBuffer {
        ByteBuffer(bytes: Problem(.badRequest, code: "request.malformed",
                                  detail: "the request is not valid HTTP/1.1 (\(error)); the connection is closed").json)
    }
}
