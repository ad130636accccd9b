import Foundation
import KluisCore

/// An ``OutboxMessage`` as an Internet message (RFC 5322) with MIME (RFC 2045-2047): the headers a
/// mail server and a mail program expect (`From:`, `To:`, `Date:` in RFC 5322's form,
/// `Message-ID:`, `Subject:` as encoded words), and the body as UTF-8 text, so that Dutch
/// (`één`, `ü`) arrives intact.
enum MailText {
    /// The message as it goes to sendmail or into an `.eml` file, lines ending in CRLF. A header
    /// value with a line break in it is refused: it would add headers of its own.
    static func compose(_ message: OutboxMessage, from sender: MailSender, date: Date = Date(),
                        messageID: String = UUID().uuidString.lowercased()) throws -> String {
        for value in [message.to, sender.address, sender.name ?? ""] where value.contains(where: \.isNewline) {
            throw VaultError(.inputInvalid, "a mail header holds a line break")
        }
        let body = message.body.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false)
        // 8bit keeps the text readable as it is; RFC 5322 allows lines of at most 998 octets, so
        // a body with a longer line goes as base64 instead.
        let eightBit = body.allSatisfy { $0.utf8.count <= 998 }
        let encodedBody = eightBit
            ? body.joined(separator: "\r\n")
            : Data(message.body.utf8).base64EncodedString(options: [.lineLength76Characters, .endLineWithCarriageReturn, .endLineWithLineFeed])
        return [
            "From: \(sender.header)",
            "To: \(message.to)",
            "Subject: \(encodedWords(message.subject))",
            "Date: \(rfc5322Date(date))",
            "Message-ID: <\(messageID)@\(sender.domain)>",
            "MIME-Version: 1.0",
            "Content-Type: text/plain; charset=utf-8",
            "Content-Transfer-Encoding: \(eightBit ? "8bit" : "base64")",
            "",
            encodedBody,
            "",
        ].joined(separator: "\r\n")
    }

    /// `Fri, 04 Dec 2026 16:22:42 +0000`: RFC 5322 §3.3, in UTC, with English names whatever the
    /// machine's locale.
    static func rfc5322Date(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss Z"
        return formatter.string(from: date)
    }

    /// `text` as RFC 2047 encoded words (`=?UTF-8?B?…?=`), each at most 75 characters, folded
    /// onto lines of their own: a header stays within its line length however long the text.
    static func encodedWords(_ text: String) -> String {
        var words: [String] = []
        var chunk = ""
        for character in text {
            // 45 octets make 60 characters of base64, 72 with the word's frame.
            if chunk.utf8.count + String(character).utf8.count > 45 {
                words.append(chunk)
                chunk = ""
            }
            chunk.append(character)
        }
        if !chunk.isEmpty || words.isEmpty { words.append(chunk) }
        return words.map { "=?UTF-8?B?\(Data($0.utf8).base64EncodedString())?=" }.joined(separator: "\r\n ")
    }
}
