import Foundation
import KluisCore

/// Who mail comes from: the organisation's name and the address people may answer, as
/// `"Koersvast Coaching" <privacy@koersvast.example>`.
public struct MailSender: Sendable, Hashable {
    public var name: String?
    public var address: String

    public init(name: String? = nil, address: String) {
        self.name = name
        self.address = address
    }

    /// The `From:` header's value: the name as a quoted string when it is plain ASCII, else as
    /// RFC 2047 encoded words, then the address in angle brackets.
    var header: String {
        guard let name, !name.isEmpty else { return "<\(address)>" }
        if name.allSatisfy({ $0.isASCII && !$0.isNewline }) {
            let quoted = name.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            return "\"\(quoted)\" <\(address)>"
        }
        return "\(MailText.encodedWords(name)) <\(address)>"
    }

    /// The part after `@`, for the `Message-ID:`.
    var domain: String {
        address.split(separator: "@").last.map(String.init) ?? "localhost"
    }
}
