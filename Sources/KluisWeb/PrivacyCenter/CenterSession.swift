import Foundation
import KluisCore

/// What a browser's session with the privacy center holds: the token its forms must carry, a
/// sign-in under way, and, once signed in, whom and since when. No personal value: the e-mail
/// address typed is not kept, only the ticket that names the code sent.
struct CenterSession: Codable, Sendable, PersonSession {
    /// The anti-forgery token every form of the session carries.
    var csrf: String
    /// The sign-in code's ticket, between asking for a code and typing it in.
    var ticket: String?
    /// The person signed in.
    var subject: SubjectID?
    /// When they signed in: the session ends this long after, however active.
    var signedInAt: Date?
    /// How they signed in: a code to their registered address, or a hand-off from a signed-in
    /// session of the organisation's app. A request filed here is verified by it.
    var signedInBy: IdentityCheck?
    /// The receipt of the person's last consent decision, to download (a signed JWS that holds
    /// ids and purposes, no personal value).
    var receipt: String?
    /// The language chosen with `?lang=`.
    var language: Language?
    /// A one-time notice for the next page ("your change is saved"), by key of the texts.
    var notice: String?
    /// The day a notice names, such as the day a request is due.
    var noticeDate: CalendarDate?

    init(language: Language?) {
        csrf = RandomToken.make()
        self.language = language
    }
}
