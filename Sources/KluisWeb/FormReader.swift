import Foundation
import HTTPTypes
import Hummingbird
import KluisCore

/// Reads a form posted by a page of this site: it must come from the same origin
/// (`Sec-Fetch-Site`, where the browser sends it), be URL-encoded, small, and carry the
/// session's anti-forgery token, compared in constant time. Shared by the privacy center's and
/// the console's guards, which refuse anything else before a handler sees it.
enum FormReader {
    /// Forms are small: an e-mail address, a code, a corrected field, a reason.
    static let largestForm = 64 * 1024

    /// The form's fields, or `nil` when it is not a form of this site for this session, or is
    /// larger than `limit` bytes.
    static func fields(of request: inout Request, csrf: String?, limit: Int = largestForm) async -> [String: String]? {
        let site = request.headers[HTTPField.Name("Sec-Fetch-Site")!]
        let contentType = request.headers[.contentType]?.lowercased() ?? ""
        guard site == nil || site == "same-origin" || site == "none",
              contentType.hasPrefix("application/x-www-form-urlencoded"),
              let body = try? await request.collectBody(upTo: limit),
              let form = try? URLEncodedFormDecoder().decode([String: String].self, from: String(buffer: body)),
              let csrf, let token = form["csrf"], ConstantTime.equals(Array(token.utf8), Array(csrf.utf8)) else {
            return nil
        }
        return form
    }
}
