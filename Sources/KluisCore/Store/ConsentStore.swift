import Foundation

/// Consent: who must be asked again after a purpose changed, and a visitor's cookie choices.
public protocol ConsentStore: Sendable {
    /// Subjects whose latest consent decision about `purpose` is a consent given (or renewed)
    /// for another description of it than `purposeHash`, and who have not objected to it: the
    /// people to ask again (someone who objected to marketing is not asked). Ordered by
    /// subject id, after `after`, at most `limit`.
    func subjectsWithStaleConsent(purpose: String, purposeHash: String, after: SubjectID?, limit: Int) async throws -> [SubjectID]

    /// A visitor's cookie choices, oldest first.
    func cookieChoices(of visitor: VisitorID) async throws -> [CookieChoice]
}
