import Foundation
import KluisCore
@testable import KluisServer
import Testing

extension MailSender {
    /// The sender of the fixture policy's mail in tests.
    static let example = MailSender(name: "Voorbeeld B.V.", address: "privacy@voorbeeld.example")
}

/// Issue 22: mail is a correct Internet message (RFC 5322, MIME). The SMTP delivery itself is
/// tested end to end in `MailDeliveryTests`.
@Suite struct MailTextTests {
    let message = OutboxMessage(to: "jan@voorbeeld.example", subject: "Uw code voor één aanvraag bij Voorbeeld B.V., geldig tot morgen",
                                body: "Beste Jan,\n\nUw code is: 123456\n\nMet vriendelijke groet")

    @Test func theHeadersAreThoseOfAnInternetMessage() throws {
        let date = try Date("2026-12-04T16:22:42Z", strategy: .iso8601)
        let text = try MailText.compose(message, from: .example, date: date, messageID: "6f1c")
        let head = try #require(text.components(separatedBy: "\r\n\r\n").first).components(separatedBy: "\r\n")
        #expect(head.first == #"From: "Voorbeeld B.V." <privacy@voorbeeld.example>"#)
        #expect(head.contains("To: jan@voorbeeld.example"))
        #expect(head.contains("Date: Fri, 04 Dec 2026 16:22:42 +0000"))
        #expect(head.contains("Message-ID: <6f1c@voorbeeld.example>"))
        #expect(head.contains("MIME-Version: 1.0"))
        #expect(head.contains("Content-Type: text/plain; charset=utf-8"))
        #expect(head.contains("Content-Transfer-Encoding: 8bit"))
        #expect(text.hasSuffix("Met vriendelijke groet\r\n"))
        // Every line ends in CRLF: no bare LF.
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
    }

    @Test func theSubjectIsFoldedEncodedWordsThatDecodeToIt() throws {
        let text = try MailText.compose(message, from: .example)
        let subject = try #require(text.components(separatedBy: "\r\nDate:").first?.components(separatedBy: "Subject: ").last)
        let words = subject.components(separatedBy: "\r\n ")
        #expect(words.count > 1, "a long subject is folded: \(subject)")
        var decoded = Data()
        for word in words {
            #expect(word.count <= 75, "\(word)")
            let match = try #require(word.wholeMatch(of: /=\?UTF-8\?B\?([A-Za-z0-9+\/=]+)\?=/), "\(word)")
            decoded.append(try #require(Data(base64Encoded: String(match.output.1))))
        }
        #expect(String(decoding: decoded, as: UTF8.self) == message.subject)
    }

    @Test func aNameBeyondASCIIIsEncodedAndALongLineGoesAsBase64() throws {
        let sender = MailSender(name: "Café Ümit", address: "info@cafe.example")
        var long = message
        long.body = String(repeating: "één ", count: 400)
        let text = try MailText.compose(long, from: sender)
        #expect(text.hasPrefix("From: =?UTF-8?B?\(Data("Café Ümit".utf8).base64EncodedString())?= <info@cafe.example>\r\n"), "\(text.prefix(80))")
        #expect(text.contains("Content-Transfer-Encoding: base64\r\n"))
        let body = try #require(text.components(separatedBy: "\r\n\r\n").last)
        #expect(body.components(separatedBy: "\r\n").allSatisfy { $0.count <= 76 })
        #expect(Data(base64Encoded: body, options: .ignoreUnknownCharacters).map { String(decoding: $0, as: UTF8.self) } == long.body)
    }

    @Test func aLineBreakInAHeaderValueIsRefused() {
        var injected = message
        injected.to = "jan@voorbeeld.example\r\nBcc: iedereen@voorbeeld.example"
        #expect(throws: VaultError.self) { try MailText.compose(injected, from: .example) }
        #expect(throws: VaultError.self) { try MailText.compose(message, from: MailSender(name: "X\nBcc: y", address: "a@b.example")) }
    }
}
