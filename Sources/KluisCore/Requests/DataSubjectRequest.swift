import Foundation

/// A data-subject request: what was asked, by whom, how it stands, and everything that happened
/// to it. Stored whole; its history is also in the audit log.
///
/// It holds no personal values: the subject is an opaque id, reasons are staff text that is
/// refused when it holds a BSN, and an identity check is recorded only as "verified on date, by
/// method, by whom".
public struct DataSubjectRequest: Sendable, Hashable, Codable {
    public var id: RequestID
    public var type: RequestType
    /// `nil` when the identifiers given match nobody: the answer is then that no data is held.
    public var subject: SubjectID?
    public var channel: RequestChannel
    public var receivedAt: Date
    public var state: RequestState
    /// The purposes an objection or withdrawal is about; the categories a restriction is
    /// limited to (empty: all).
    public var purposes: [String]
    public var categories: [String]
    /// For a restriction: why it is asked.
    public var restrictionGround: Restriction.Ground?
    /// When identity information was asked for, while the clock is paused.
    public var identificationAskedAt: Date?
    /// Whole days the clock was paused, in earlier pauses that have ended.
    public var pausedDays: Int
    public var identity: IdentityVerification?
    /// A one-time code sent to the registered e-mail address, while it is outstanding.
    public var pendingCode: PendingCode?
    public var extended: Extension?
    public var rejection: String?
    /// What fulfilment did, in words without values: "erased 4 categories, kept invoices".
    public var outcome: String?
    public var history: [Step]
    /// For a rectification asked in the privacy center: the values the person proposes, sealed.
    public var proposals: [Proposal]?

    /// A new value a person proposes for a field of one of their records, sealed under the key
    /// of its category: the request file holds no plain value, and erasing the category makes
    /// the proposal unreadable with the rest.
    public struct Proposal: Sendable, Hashable, Codable {
        public var category: String
        public var record: RecordID
        public var field: String
        public var sealed: Data
    }

    public init(id: RequestID = .generate(), type: RequestType, subject: SubjectID?, channel: RequestChannel,
                receivedAt: Date, purposes: [String] = [], categories: [String] = []) {
        self.id = id
        self.type = type
        self.subject = subject
        self.channel = channel
        self.receivedAt = receivedAt
        state = .received
        self.purposes = purposes
        self.categories = categories
        pausedDays = 0
        history = [Step(time: receivedAt, actor: "", state: .received, note: nil)]
    }

    /// When the request was fulfilled or rejected: its last step, once final.
    public var closedAt: Date? {
        state.isFinal ? history.last?.time : nil
    }

    /// One change of state.
    public struct Step: Sendable, Hashable, Codable {
        public var time: Date
        public var actor: String
        public var state: RequestState
        public var note: String?
    }

    /// How the requester's identity was established.
    public struct IdentityVerification: Sendable, Hashable, Codable {
        public var method: IdentityCheck
        public var verifiedAt: Date
        /// The API key or operator that verified.
        public var verifiedBy: String

        enum CodingKeys: String, CodingKey {
            case method
            case verifiedAt = "verified_at"
            case verifiedBy = "verified_by"
        }
    }

    /// A one-time code: only its keyed hash is kept, with its expiry and failed attempts.
    public struct PendingCode: Sendable, Hashable, Codable {
        public var hash: Data
        public var expiresAt: Date
        public var failedAttempts: Int
    }

    /// An extension of the deadline: decided within the first month, with a reason.
    public struct Extension: Sendable, Hashable, Codable {
        public var decidedAt: Date
        public var reason: String
    }

    /// Moves the request to `state`, recording who and why; refuses a move the state machine
    /// does not allow, changing nothing.
    public mutating func move(to next: RequestState, at time: Date, by actor: String, note: String? = nil) throws(VaultError) {
        guard state.successors.contains(next) else {
            throw VaultError(.requestStateInvalid, "request \(id) is \(state.rawValue.replacingOccurrences(of: "_", with: " ")) and cannot become \(next.rawValue.replacingOccurrences(of: "_", with: " "))")
        }
        if state == .awaitingIdentification, let asked = identificationAskedAt {
            pausedDays += RequestClock.wholeDays(from: asked, to: time)
            identificationAskedAt = nil
        }
        if next == .awaitingIdentification { identificationAskedAt = time }
        state = next
        history.append(Step(time: time, actor: actor, state: next, note: note))
    }
}
