import HTTPTypes
import Hummingbird
import NIOCore
import NIOHTTPTypes

/// Closes connections whose client is too slow, so that clients trickling a header, stalling in
/// a body or holding an idle connection cannot use up the server's file descriptors.
///
/// The deadlines are in the pipeline after the HTTP decoder, so they run on whole parts, not on
/// bytes: a client trickling a header one byte at a time does not move its deadline, which runs
/// from the moment the server waits for a request (the connection opened, or the previous answer
/// was written) to the moment the whole head has arrived. A body must arrive within
/// `body` plus the time it takes at `minimumBodyRate`, so a large upload on a slow line is
/// allowed and a body that stops is not. The server's own time to answer is not limited here.
///
/// An answer written before its request's body has arrived (a 413 from the announced
/// `Content-Length`, a 401) closes the connection after it: the rest of the body is not read.
final class ConnectionDeadlines: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    private let headerTimeout: TimeAmount
    private let bodyTimeout: TimeAmount
    private let minimumBodyRate: Int64
    /// Requests whose head arrived and whose answer is not yet written.
    private var unanswered = 0
    /// The body being received: when its head arrived, and how many bytes came since.
    private var body: (started: NIODeadline, bytes: Int)?
    /// Whether the answer being written goes out before its request's body was read.
    private var closesAfterAnswer = false
    private var timer: Scheduled<Void>?

    init(headerTimeout: TimeAmount, bodyTimeout: TimeAmount, minimumBodyRate: Int) {
        self.headerTimeout = headerTimeout
        self.bodyTimeout = bodyTimeout
        self.minimumBodyRate = Int64(max(1, minimumBodyRate))
    }

    func handlerAdded(context: ChannelHandlerContext) {
        if context.channel.isActive { awaitRequest(context) }
    }

    func channelActive(context: ChannelHandlerContext) {
        awaitRequest(context)
        context.fireChannelActive()
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        cancelTimer()
    }

    func channelInactive(context: ChannelHandlerContext) {
        cancelTimer()
        context.fireChannelInactive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head:
            unanswered += 1
            body = (.now(), 0)
            schedule(in: bodyTimeout, context) { [unowned self] context in checkBody(context) }
        case .body(let buffer):
            body?.bytes += buffer.readableBytes
        case .end:
            body = nil
            cancelTimer()
            // The answer went out before this body ended; nothing more is read.
            if closesAfterAnswer { context.close(promise: nil) }
        }
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        switch unwrapOutboundIn(data) {
        case .head(var head) where body != nil && head.status.kind != .informational:
            closesAfterAnswer = true
            head.headerFields[.connection] = "close"
            context.write(wrapOutboundOut(.head(head)), promise: promise)
        case .end:
            unanswered = max(0, unanswered - 1)
            if closesAfterAnswer {
                // Half-close: the client reads the whole answer; what it still sends within the
                // body's timeout is drained, and then the connection closes.
                context.writeAndFlush(data, promise: promise)
                context.close(mode: .output, promise: nil)
                schedule(in: bodyTimeout, context) { context in context.close(promise: nil) }
            } else {
                context.write(data, promise: promise)
                if unanswered == 0, body == nil { awaitRequest(context) }
            }
        default:
            context.write(data, promise: promise)
        }
    }

    /// Starts the header deadline: the next request's head must arrive in time.
    private func awaitRequest(_ context: ChannelHandlerContext) {
        schedule(in: headerTimeout, context) { context in context.close(promise: nil) }
    }

    private func checkBody(_ context: ChannelHandlerContext) {
        guard let body else { return }
        let allowed = body.started + bodyTimeout + .nanoseconds(Int64(Double(body.bytes) / Double(minimumBodyRate) * 1e9))
        if NIODeadline.now() < allowed {
            schedule(in: allowed - .now(), context) { [unowned self] context in checkBody(context) }
        } else {
            // Into the body's stream, so that a handler waiting for it stops with a 408.
            context.fireErrorCaught(HTTPError(.requestTimeout))
            context.close(promise: nil)
        }
    }

    private func schedule(in delay: TimeAmount, _ context: ChannelHandlerContext,
                          _ action: @escaping (ChannelHandlerContext) -> Void) {
        cancelTimer()
        let loop = context.eventLoop.assumeIsolated()
        timer = loop.scheduleTask(in: delay) { [context] in action(context) }
    }

    private func cancelTimer() {
        timer?.cancel()
        timer = nil
    }
}
