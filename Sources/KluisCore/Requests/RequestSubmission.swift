import Foundation

/// A request as it comes in: what is asked, about whom, how and when it arrived.
public struct RequestSubmission: Sendable, Hashable {
    public var type: RequestType
    /// The subject, when the requester is known by their Kluis id.
    public var subject: SubjectID?
    /// Identifiers the requester gave (e-mail, phone, customer number): looked up through the
    /// blind index, never stored with the request.
    public var identifiers: [SubjectIdentifier]
    public var channel: RequestChannel
    /// When the request arrived; now when absent. The legal month runs from here.
    public var receivedAt: Date?
    /// For objection and withdrawal: the purposes; all that allow it when empty.
    public var purposes: [String]
    /// For restriction: the categories; all when empty.
    public var categories: [String]
    /// For restriction: why.
    public var restrictionGround: Restriction.Ground?
    /// The application vouches that the requester is signed in as this subject.
    public var signedInSession: Bool

    public init(type: RequestType, subject: SubjectID? = nil, identifiers: [SubjectIdentifier] = [],
                channel: RequestChannel = .api, receivedAt: Date? = nil, purposes: [String] = [],
                categories: [String] = [], restrictionGround: Restriction.Ground? = nil, signedInSession: Bool = false) {
        self.type = type
        self.subject = subject
        self.identifiers = identifiers
        self.channel = channel
        self.receivedAt = receivedAt
        self.purposes = purposes
        self.categories = categories
        self.restrictionGround = restrictionGround
        self.signedInSession = signedInSession
    }
}

/// Which requests a queue shows.
public enum RequestFilter: String, Sendable, Hashable, CaseIterable {
    /// Every open request.
    case open
    /// Open requests whose deadline has passed.
    case overdue
    /// Open requests due within the next seven days, or overdue.
    case dueSoon = "due_soon"
    /// Open and closed.
    case all
}

/// A request with its deadlines as they stand now.
public struct RequestStatus: Sendable, Hashable {
    public var request: DataSubjectRequest
    public var deadlines: RequestDeadlines
    /// Open, and the due date has passed.
    public var isOverdue: Bool
    /// Open, and due within seven days.
    public var isDueSoon: Bool
}

/// A message for a person, handed to the outbox: SMTP or a file, depending on configuration.
public struct OutboxMessage: Sendable, Hashable, Codable {
    public var to: String
    public var subject: String
    public var body: String

    public init(to: String, subject: String, body: String) {
        self.to = to
        self.subject = subject
        self.body = body
    }
}

/// Where the vault sends messages to people, such as one-time codes.
public protocol Outbox: Sendable {
    func send(_ message: OutboxMessage) async throws
}
