import Foundation

/// What fulfilling a request did.
public struct Fulfilment: Sendable {
    public var request: RequestStatus
    /// For an erasure: what went and what stayed, and the same signed as a compact JWS (ES256,
    /// the consent-receipt key) to give to the person.
    public var erasure: ErasureRecord?
    public var certificate: String?
    /// For a rectification, erasure or restriction: the recipients to tell (art. 19).
    public var recipientsToNotify: [RecipientNotice]
    /// For an objection or withdrawal: the consent events recorded.
    public var consentEvents: [ConsentEvent]

    public init(request: RequestStatus, erasure: ErasureRecord? = nil, certificate: String? = nil,
                recipientsToNotify: [RecipientNotice] = [], consentEvents: [ConsentEvent] = []) {
        self.request = request
        self.erasure = erasure
        self.certificate = certificate
        self.recipientsToNotify = recipientsToNotify
        self.consentEvents = consentEvents
    }
}

/// A recipient to tell of a rectification, erasure or restriction (art. 19), and why: data was
/// disclosed to it (the disclosure log), or the policy names it for a purpose that uses the data.
public struct RecipientNotice: Sendable, Hashable, Codable {
    public var recipient: String
    public var name: String
    public var categories: [String]
    /// Whether the disclosure log shows data of these categories went to it.
    public var disclosed: Bool
    /// Whether Kluis told it, through the outbox, to the address the policy gives (`notify`).
    public var notified: Bool = false
}
