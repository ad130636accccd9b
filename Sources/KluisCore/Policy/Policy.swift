/// The policy: the single source of truth for what an organisation processes, why, how long, with
/// whom, and what it promises. The statement, the register and the vault's enforcement all read it.
///
/// Build one with ``PolicyParser``; a `Policy` value is always structurally complete, and
/// ``PolicyValidator`` says whether it is also lawful and consistent.
public struct Policy: Sendable, Hashable {
    public var info: PolicyInfo
    public var controller: Controller
    public var subjects: [SubjectCategory]
    public var categories: [DataCategory]
    public var purposes: [Purpose]
    public var recipients: [Recipient]
    public var cookies: [CookieCategory]
    public var rights: RightsPolicy
    public var minors: MinorsPolicy?
    /// Decisions taken without human involvement (art. 22); empty means none.
    public var automatedDecisions: [AutomatedDecision]
    public var security: SecurityPolicy
    public var breaches: BreachPolicy
    public var changes: ChangePolicy?
    /// How long the vault's own records (audit log, request files) are kept.
    public var logs: LogRetention
    /// How the organisation's pages look; Kluis's own style when absent.
    public var branding: Branding?

    public init(info: PolicyInfo, controller: Controller, subjects: [SubjectCategory],
                categories: [DataCategory], purposes: [Purpose], recipients: [Recipient] = [],
                cookies: [CookieCategory] = [], rights: RightsPolicy = RightsPolicy(),
                minors: MinorsPolicy? = nil, automatedDecisions: [AutomatedDecision] = [],
                security: SecurityPolicy = SecurityPolicy(), breaches: BreachPolicy = BreachPolicy(),
                changes: ChangePolicy? = nil, logs: LogRetention = LogRetention(), branding: Branding? = nil) {
        self.info = info
        self.controller = controller
        self.subjects = subjects
        self.categories = categories
        self.purposes = purposes
        self.recipients = recipients
        self.cookies = cookies
        self.rights = rights
        self.minors = minors
        self.automatedDecisions = automatedDecisions
        self.security = security
        self.breaches = breaches
        self.changes = changes
        self.logs = logs
        self.branding = branding
    }

    /// The category with `id`, if the policy defines one.
    public func category(_ id: String) -> DataCategory? {
        categories.first { $0.id == id }
    }

    /// The purpose with `id`, if the policy defines one.
    public func purpose(_ id: String) -> Purpose? {
        purposes.first { $0.id == id }
    }

    /// The subject category with `id`, if the policy defines one.
    public func subject(_ id: String) -> SubjectCategory? {
        subjects.first { $0.id == id }
    }

    /// The recipient with `id`, if the policy defines one.
    public func recipient(_ id: String) -> Recipient? {
        recipients.first { $0.id == id }
    }

    /// The recipients that receive data for `purpose`.
    public func recipients(serving purpose: String) -> [Recipient] {
        recipients.filter { $0.purposes.contains(purpose) }
    }

    /// The purposes that use the category `id`.
    public func purposes(using category: String) -> [Purpose] {
        purposes.filter { $0.categories.contains(category) }
    }

    /// The address people send privacy requests to: the promised contact, else the DPO's, else
    /// the privacy contact's, else the controller's.
    public var requestContact: String {
        rights.contact ?? controller.dpo?.email ?? controller.privacyContact?.email ?? controller.email
    }
}
