/// What the controller promises about data-subject requests.
public struct RightsPolicy: Sendable, Hashable {
    /// The promised answer time; the law allows at most one month (art. 12(3)).
    public var answerWithin: ISODuration
    /// Where requests go, when not the DPO's or controller's address.
    public var contact: String?
    /// How a requester's identity is checked, preferred first.
    public var identityChecks: [IdentityCheck]
    /// What people can do themselves, for example in their account.
    public var selfService: LocalizedText?

    public init(answerWithin: ISODuration = ISODuration(months: 1), contact: String? = nil,
                identityChecks: [IdentityCheck] = [.registeredEmail], selfService: LocalizedText? = nil) {
        self.answerWithin = answerWithin
        self.contact = contact
        self.identityChecks = identityChecks
        self.selfService = selfService
    }
}
