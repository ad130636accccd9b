import Hummingbird
import OpenAPIRuntime

extension ResponseBody {
    /// The largest answer of the generated code held whole before it is sent; a longer one streams.
    static let wholeAnswerLimit = 1 << 20

    /// An answer of the generated code, whole when its length is known and at most
    /// ``wholeAnswerLimit``: Hummingbird then sends the head, the body and the end in one write
    /// to the channel, where a body streamed from an `HTTPBody` takes one for each
    /// (docs/benchmarks.md, "The answer in one write").
    init(contract body: HTTPBody?) async throws {
        guard let body else {
            self.init()
            return
        }
        switch body.length {
        case .known(let length) where length <= Self.wholeAnswerLimit:
            // Copied once, straight into the buffer that is sent.
            var whole = ByteBuffer()
            whole.reserveCapacity(Int(length))
            for try await chunk in body { whole.writeBytes(chunk) }
            self.init(byteBuffer: whole)
        case .known(let length):
            self.init(contentLength: Int(length)) { writer in
                for try await chunk in body { try await writer.write(ByteBuffer(bytes: chunk)) }
                try await writer.finish(nil)
            }
        case .unknown:
            self.init(asyncSequence: body.map { ByteBuffer(bytes: $0) })
        }
    }
}
