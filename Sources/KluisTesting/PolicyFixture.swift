/// A small valid policy as YAML text, with hooks to change one part, so each test breaks exactly
/// the rule it is about and everything else stays valid.
public struct PolicyFixture: Sendable {
    public var purposes: String
    public var categories: String
    public var recipients: String
    public var extra: String

    public init() {
        categories = """
          - id: contact
            taxonomy: user.contact.email
            name: {nl: Contactgegevens, en: Contact details}
            fields: [email, phone]
          - id: invoices
            taxonomy: user.financial
            name: {nl: Facturen, en: Invoices}
            fields: [number, amount, invoice_date]
            records: many
        """
        purposes = """
          - id: service
            name: {nl: Dienstverlening, en: Service}
            legal_basis: contract
            subjects: [customers]
            categories: [contact]
            retention: {anchor: contract_end, duration: P2Y, then: delete}
          - id: bookkeeping
            name: {nl: Boekhouding, en: Bookkeeping}
            legal_basis: legal_obligation
            law: "Algemene wet inzake rijksbelastingen, art. 52"
            subjects: [customers]
            categories: [invoices, contact]
            retention:
              anchor: fiscal_year_end
              duration: P7Y
              categories:
                invoices: {anchor: "field:invoice_date", duration: P7Y, then: delete}
        """
        recipients = """
          - id: mollie
            name: Mollie B.V.
            role: processor
            country: NL
            purposes: [bookkeeping]
            agreement: {reference: "DPA 2024", date: 2024-03-01}
        """
        extra = ""
    }

    /// The policy as the text of a file.
    public var yaml: String {
        """
        kluis: 1
        policy:
          version: "1.0"
          date: 2026-11-01
          languages: [nl, en]
        controller:
          name: Voorbeeld B.V.
          kvk: "12345678"
          email: privacy@voorbeeld.example
        subjects:
          - id: customers
            name: {nl: Klanten, en: Customers}
        categories:
        \(categories)
        purposes:
        \(purposes)
        recipients:
        \(recipients)
        \(extra)
        """
    }
}
