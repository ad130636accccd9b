import Foundation
import KluisCore

/// What a browser's session with the console holds: the anti-forgery token, an enrolment under
/// way, and, once signed in, which account and since when. Never a password or a secret.
struct ConsoleSession: Codable, Sendable {
    var csrf: String
    /// The account between choosing a password and confirming the authenticator.
    var enrolling: String?
    /// The account signed in.
    var staff: String?
    var signedInAt: Date?
    var language: Language?
    /// A one-time notice for the next page, by key of the texts, with its values.
    var notice: String?
    var noticeValues: [String: String]?

    init(language: Language?) {
        csrf = RandomToken.make()
        self.language = language
    }
}
