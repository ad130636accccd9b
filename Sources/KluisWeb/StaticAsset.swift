import Crypto
import Foundation
import HTTPTypes
import Hummingbird

/// A file compiled into the binary and served as it is, with an entity tag so that a browser
/// that has it asks only whether it changed.
struct StaticAsset: Sendable {
    let bytes: [UInt8]
    let contentType: String
    /// A strong tag: the first 16 bytes of the content's SHA-256, the same on every node.
    let etag: String

    init(_ bytes: [UInt8], contentType: String) {
        self.bytes = bytes
        self.contentType = contentType
        etag = "\"" + SHA256.hash(data: bytes).prefix(16).map { String(format: "%02x", $0) }.joined() + "\""
    }

    /// The asset, or `304 Not Modified` when the request already holds this version.
    func response(to request: Request) -> Response {
        var headers = HTTPFields()
        headers[.eTag] = etag
        // Five minutes fresh, then revalidated with the tag: a new version reaches sites soon.
        headers[.cacheControl] = "public, max-age=300"
        if let held = request.headers[.ifNoneMatch], held.split(separator: ",").contains(where: { $0.trimmingCharacters(in: .whitespaces) == etag }) {
            return Response(status: .notModified, headers: headers)
        }
        headers[.contentType] = contentType
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}
