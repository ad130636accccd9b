import HTTPTypes
import Hummingbird
@testable import KluisAPI
import NIOCore
import OpenAPIRuntime
import Synchronization
import Testing

/// How an answer of the generated code becomes Hummingbird's: whole, so that the head, the body
/// and the end go to the channel in one write, unless it is long or of unknown length.
@Suite struct ContractAnswerTests {
    /// The buffers a body hands its writer, in order, and whether it finished.
    final class Recording: Sendable {
        let buffers = Mutex<[ByteBuffer]>([])
        let finished = Mutex(false)
    }

    struct RecordingWriter: ResponseBodyWriter {
        let recording: Recording

        mutating func write(_ buffer: ByteBuffer) async throws { recording.buffers.withLock { $0.append(buffer) } }

        consuming func finish(_ trailingHeaders: HTTPFields?) async throws { recording.finished.withLock { $0 = true } }
    }

    /// What `body` writes: its content length and its buffers.
    static func written(_ body: ResponseBody) async throws -> (length: Int?, buffers: [ByteBuffer]) {
        let length = body.contentLength
        let recording = Recording()
        try await body.write(RecordingWriter(recording: recording))
        #expect(recording.finished.withLock { $0 }, "the body never finished")
        return (length, recording.buffers.withLock { $0 })
    }

    /// A body of the given chunks, of a known length or of none.
    static func body(_ chunks: [String], lengthKnown: Bool) -> HTTPBody {
        let bytes = chunks.map { ArraySlice(Array($0.utf8)) }
        let length = lengthKnown ? HTTPBody.Length.known(Int64(bytes.map(\.count).reduce(0, +))) : .unknown
        return HTTPBody(AsyncStream { continuation in
            for chunk in bytes { continuation.yield(chunk) }
            continuation.finish()
        }, length: length)
    }

    @Test func anAnswerOfKnownLengthIsOneBuffer() async throws {
        let (length, buffers) = try await Self.written(ResponseBody(contract: Self.body([#"{"id":"#, #""s-1"}"#], lengthKnown: true)))
        #expect(length == 12)
        #expect(buffers.map { String(buffer: $0) } == [#"{"id":"s-1"}"#])
    }

    @Test func anAnswerLongerThanTheLimitStreamsWithItsLength() async throws {
        let half = String(repeating: "x", count: ResponseBody.wholeAnswerLimit / 2 + 1)
        let (length, buffers) = try await Self.written(ResponseBody(contract: Self.body([half, half], lengthKnown: true)))
        #expect(length == 2 * half.utf8.count)
        #expect(buffers.map(\.readableBytes) == [half.utf8.count, half.utf8.count])
    }

    @Test func anAnswerOfUnknownLengthStreamsWithoutOne() async throws {
        let (length, buffers) = try await Self.written(ResponseBody(contract: Self.body(["a", "b"], lengthKnown: false)))
        #expect(length == nil)
        #expect(buffers.map { String(buffer: $0) } == ["a", "b"])
    }

    @Test func noAnswerIsAnEmptyBody() async throws {
        let (length, buffers) = try await Self.written(ResponseBody(contract: nil))
        #expect(length == 0)
        #expect(buffers.isEmpty)
    }
}
