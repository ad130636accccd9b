extension PolicyFixture {
    /// A policy whose purposes cover every kind of retention: contact data two years after the
    /// contract, invoices seven years after their date, applications anonymised when the account
    /// closes, reports two months unless followed up; the audit log and request files one year.
    public static func withRetention() -> PolicyFixture {
        var fixture = PolicyFixture()
        fixture.categories = """
          - id: contact
            taxonomy: user.contact.email
            name: {nl: Contactgegevens, en: Contact details}
            fields: [email, phone]
          - id: invoices
            taxonomy: user.financial
            name: {nl: Facturen, en: Invoices}
            fields: [number, amount, invoice_date]
            records: many
          - id: applications
            taxonomy: user.content.private
            name: {nl: Sollicitaties, en: Applications}
            fields: [vacancy, postcode, birth_date, motivation]
            records: many
            anonymise: {vacancy: keep, postcode: postcode_digits, birth_date: year}
          - id: reports
            taxonomy: user.content.private
            name: {nl: Meldingen, en: Reports}
            fields: [text]
            records: many
        """
        fixture.purposes = """
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
            categories: [invoices]
            retention: {anchor: "field:invoice_date", duration: P7Y, then: delete}
          - id: recruitment
            name: {nl: Werving, en: Recruitment}
            legal_basis: contract
            subjects: [customers]
            categories: [applications]
            retention: {anchor: account_closed, duration: P0D, then: anonymise}
          - id: moderation
            name: {nl: Moderatie, en: Moderation}
            legal_basis: legitimate_interest
            interest: {nl: Misbruik tegengaan., en: Countering abuse.}
            subjects: [customers]
            categories: [reports]
            retention:
              anchor: collected
              duration: P2M
              holds:
                - id: follow_up
                  description: {nl: Een melding die wordt opgevolgd., en: A report that is followed up.}
                  released_by: report_closed
        """
        fixture.extra = """
        rights:
          identity_checks: [signed_in_session, registered_email, id_copy_shielded]
        logs:
          audit: P1Y
          requests: P1Y
        """
        return fixture
    }
}
