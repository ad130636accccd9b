/// Someone personal data is disclosed to: a processor, a group company, an authority.
public struct Recipient: Sendable, Hashable, Identifiable {
    public var id: String
    /// A proper name, or a description of a group ("accountants") in every language.
    public var name: LocalizedText
    public var role: RecipientRole
    /// ISO 3166 alpha-2 country where the data goes.
    public var country: String
    public var description: LocalizedText?
    /// The purposes it serves.
    public var purposes: [String]
    /// The categories it receives; empty means every category of its purposes.
    public var categories: [String]
    public var agreement: Agreement?
    /// For a sub-processor: the processor it works for.
    public var processor: String?
    /// The safeguard for a transfer outside the EEA.
    public var transfer: Transfer?
    /// Where Kluis tells the recipient that data it received was rectified, erased or restricted
    /// (art. 19): an e-mail address.
    public var notify: String?

    public init(id: String, name: LocalizedText, role: RecipientRole, country: String,
                description: LocalizedText? = nil, purposes: [String], categories: [String] = [],
                agreement: Agreement? = nil, processor: String? = nil, transfer: Transfer? = nil, notify: String? = nil) {
        self.id = id
        self.name = name
        self.role = role
        self.country = country
        self.description = description
        self.purposes = purposes
        self.categories = categories
        self.agreement = agreement
        self.processor = processor
        self.transfer = transfer
        self.notify = notify
    }

    /// Whether the data leaves the European Economic Area.
    public var isOutsideEEA: Bool { !Country.isInEEA(country) }
}
