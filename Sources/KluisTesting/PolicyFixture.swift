import Foundation

/// A small valid policy as YAML text, with hooks to change one part, so each test breaks exactly
/// the rule it is about and everything else stays valid.
public struct PolicyFixture: Sendable {
    public var purposes: String
    public var categories: String
    public var recipients: String
    public var extra: String
    public var version = "1.0"
    /// The policy's Dutch voice, `formal` or `informal`; unset, the default.
    public var voice: String?
    /// The controller the policy is of: the vault belongs to the first one it is opened with.
    public var controllerName = "Voorbeeld B.V."
    /// Its KvK number; `nil` leaves it out of the policy.
    public var controllerKvK: String? = "12345678"

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
            retention: {anchor: contract_end, duration: P2Y, then: delete, at_most: P10Y}
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
                invoices: {anchor: "field:invoice_date", duration: P7Y, then: delete, at_most: P8Y}
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
          version: "\(version)"
          date: 2026-11-01
          languages: [nl, en]\(voice.map { "\n  voice: \($0)" } ?? "")
        controller:
          name: \(controllerName)\(controllerKvK.map { "\n  kvk: \"\($0)\"" } ?? "")
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

    /// The fixture with what consent needs: a consent-based newsletter (direct marketing), a
    /// legitimate-interest purpose, an age rule and cookie categories. `newsletterText` is the
    /// newsletter's English description, so a test can change the purpose as a new version would.
    public static func withConsent(version: String = "1.0", newsletterText: String = "Our monthly newsletter with offers.",
                                   belowMinimum: String = "parental_consent") -> PolicyFixture {
        var fixture = PolicyFixture()
        fixture.version = version
        fixture.purposes += """

          - id: newsletter
            name: {nl: Nieuwsbrief, en: Newsletter}
            description: {nl: Onze maandelijkse nieuwsbrief met aanbiedingen., en: "\(newsletterText)"}
            legal_basis: consent
            direct_marketing: true
            subjects: [customers]
            categories: [contact]
            retention: {anchor: consent_withdrawn, duration: P0D, then: delete}
          - id: fraud_checks
            name: {nl: Fraudecontrole, en: Fraud checks}
            legal_basis: legitimate_interest
            interest: {nl: Misbruik van onze dienst voorkomen., en: Preventing abuse of our service.}
            subjects: [customers]
            categories: [contact]
            applies_from: [contract_start]
            retention: {anchor: contract_end, duration: P1Y, then: delete, at_most: P10Y}
        """
        fixture.extra = """
        minors:
          minimum_age: 16
          below_minimum: \(belowMinimum)
        cookies:
          - id: essential
            name: {nl: Noodzakelijke cookies, en: Necessary cookies}
            consent: false
            consent_mode: [security_storage]
          - id: statistics
            name: {nl: Analytische cookies, en: Analytics cookies}
            consent: true
            consent_mode: [analytics_storage]
          - id: marketing
            name: {nl: Marketingcookies, en: Marketing cookies}
            consent: true
            consent_mode: [ad_storage, ad_user_data, ad_personalization]
        """
        return fixture
    }

    /// The consent fixture for data-subject requests: bookkeeping keeps only the invoices (so an
    /// erasure has something to erase and something to keep), answers are promised within four
    /// weeks, and identity is checked by a signed-in session, a code to the registered e-mail
    /// address or a shielded ID copy.
    public static func withRequests() -> PolicyFixture {
        var policy = PolicyFixture.withConsent()
        policy.purposes = policy.purposes.replacingOccurrences(of: "categories: [invoices, contact]", with: "categories: [invoices]")
        policy.extra += """

        rights:
          answer_within: P4W
          identity_checks: [signed_in_session, registered_email, id_copy_shielded]
        """
        return policy
    }
}
