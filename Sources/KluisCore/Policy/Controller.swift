/// The controller (art. 4(7)): who decides why and how personal data is processed, and how to
/// reach them.
public struct Controller: Sendable, Hashable {
    public var name: String
    /// Kamer van Koophandel number, 8 digits.
    public var kvk: String?
    public var address: PostalAddress?
    public var email: String
    public var phone: String?
    public var website: String?
    /// The data protection officer (Functionaris Gegevensbescherming), if appointed.
    public var dpo: Contact?
    /// Who answers privacy questions, when there is no DPO.
    public var privacyContact: Contact?
    /// The art. 27 representative in the EU, for controllers established outside it.
    public var representative: Contact?
    public var supervisoryAuthority: SupervisoryAuthority
    /// The last day of the fiscal year, anchoring `fiscal_year_end` retention (month, day).
    public var fiscalYearEnd: MonthDay

    public init(name: String, kvk: String? = nil, address: PostalAddress? = nil, email: String,
                phone: String? = nil, website: String? = nil, dpo: Contact? = nil,
                privacyContact: Contact? = nil, representative: Contact? = nil,
                supervisoryAuthority: SupervisoryAuthority = .autoriteitPersoonsgegevens,
                fiscalYearEnd: MonthDay = MonthDay(month: 12, day: 31)) {
        self.name = name
        self.kvk = kvk
        self.address = address
        self.email = email
        self.phone = phone
        self.website = website
        self.dpo = dpo
        self.privacyContact = privacyContact
        self.representative = representative
        self.supervisoryAuthority = supervisoryAuthority
        self.fiscalYearEnd = fiscalYearEnd
    }
}
