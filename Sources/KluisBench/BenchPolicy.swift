/// The policy the benchmark runs under: three categories of a customer and their visits, read
/// for a service.
enum BenchPolicy {
    static let yaml = """
    kluis: 1
    policy:
      version: "bench"
      date: 2026-01-01
      languages: [nl, en]
    controller:
      name: Bench B.V.
      email: privacy@bench.example
    subjects:
      - id: customers
        name: {nl: Klanten, en: Customers}
    categories:
      - id: name
        taxonomy: user.name
        name: {nl: Naam, en: Name}
        fields: [first_name, last_name]
      - id: contact
        taxonomy: user.contact
        name: {nl: Contactgegevens, en: Contact details}
        fields: [email, phone]
      - id: address
        taxonomy: user.contact.address
        name: {nl: Adres, en: Address}
        fields: [street, postcode, city]
      - id: visits
        taxonomy: user.behavior.browsing_history
        name: {nl: Bezoeken, en: Visits}
        fields: [page, at]
        origin: observed
        records: many
    purposes:
      - id: service
        name: {nl: Dienstverlening, en: Service}
        legal_basis: contract
        subjects: [customers]
        categories: [name, contact, address, visits]
        retention: {anchor: contract_end, duration: P2Y}
    rights:
      identity_checks: [signed_in_session]
    """
}
