import HTTPTypes
import Hummingbird
import KluisCore
import KluisPages

/// A document (an access package, the text for the AP's form, the breach register) served as one
/// page to keep, print or mail: its styles inline, no script, sandboxed.
enum StandaloneDocument {
    static let contentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src https:; sandbox"

    static func response(_ document: Document, policy: Policy) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/html; charset=utf-8"
        headers[.contentSecurityPolicy] = contentSecurityPolicy
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: PageRenderer.render(document, policy: policy))))
    }
}
