import KluisCore
import KluisTesting
import Testing

/// The checks of `kluis policy check`, each on a small policy broken in exactly one place.
@Suite struct PolicyCheckTests {
    func check(_ fixture: PolicyFixture) -> PolicyDocument {
        PolicyDocument(text: fixture.yaml, file: "policy.yaml")
    }

    /// The 1-based line of the first line of `text` containing `needle`.
    func line(of needle: String, in text: String) -> Int? {
        text.split(separator: "\n", omittingEmptySubsequences: false)
            .firstIndex { $0.contains(needle) }
            .map { $0 + 1 }
    }

    /// The single error of `document`, which must have exactly one.
    func onlyError(_ document: PolicyDocument) throws -> PolicyIssue {
        let errors = document.errors
        #expect(errors.count == 1, "expected one error, got \(errors.map(\.description))")
        return try #require(errors.first)
    }

    @Test func theFixtureIsValid() {
        let document = check(PolicyFixture())
        #expect(document.isValid, "\(document.issues.map(\.description))")
        #expect(document.issues.isEmpty)
    }

    @Test func misspelledKeyIsReportedWithSuggestionAndLine() throws {
        var fixture = PolicyFixture()
        fixture.purposes = fixture.purposes.replacingOccurrences("    retention: {anchor: contract_end", "    retension: {anchor: contract_end")
        let errors = check(fixture).errors
        // One typo is one problem: the missing 'retention' it stands for is not reported too.
        #expect(errors.count == 1)
        let issue = try #require(errors.first { $0.code == "field.unknown" })
        #expect(issue.message.contains("did you mean 'retention'"))
        #expect(issue.path == "purposes[service].retension")
        #expect(issue.line == line(of: "retension", in: fixture.yaml))
        #expect(issue.file == "policy.yaml")
    }

    @Test func unknownTaxonomyKeySuggestsTheNearest() throws {
        var fixture = PolicyFixture()
        fixture.categories = fixture.categories.replacingOccurrences("user.contact.email", "user.contact.emial")
        let issue = try onlyError(check(fixture))
        #expect(issue.code == "taxonomy.unknown")
        #expect(issue.message.contains("'user.contact.email'"))
        #expect(issue.path == "categories[contact].taxonomy")
        #expect(issue.line == line(of: "user.contact.emial", in: fixture.yaml))
    }

    @Test func missingTranslationNamesTheLanguage() throws {
        var fixture = PolicyFixture()
        fixture.purposes = fixture.purposes.replacingOccurrences("{nl: Dienstverlening, en: Service}", "{nl: Dienstverlening}")
        let issue = try onlyError(check(fixture))
        #expect(issue.code == "text.missing_translation")
        #expect(issue.message.contains("English"))
        #expect(issue.path == "purposes[service].name")
        #expect(issue.line == line(of: "{nl: Dienstverlening}", in: fixture.yaml))
    }

    @Test func undefinedReferenceSuggestsTheNearestId() throws {
        var fixture = PolicyFixture()
        fixture.purposes = fixture.purposes.replacingOccurrences("categories: [contact]", "categories: [contacts]")
        let document = check(fixture)
        let issue = try #require(document.errors.first { $0.code == "reference.undefined" })
        #expect(issue.message.contains("did you mean 'contact'"))
        #expect(issue.path == "purposes[service].categories[0]")
        #expect(issue.line == line(of: "categories: [contacts]", in: fixture.yaml))
    }

    @Test func duplicateIdsAreReported() throws {
        var fixture = PolicyFixture()
        fixture.purposes = fixture.purposes.replacingOccurrences("id: bookkeeping", "id: service")
        let issue = try #require(check(fixture).errors.first { $0.code == "id.duplicate" })
        #expect(issue.path == "purposes[1]")
        let lines = fixture.yaml.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(issue.line == lines.lastIndex { $0.contains("id: service") }.map { $0 + 1 })
    }

    @Test func unusedCategoryIsAWarning() throws {
        var fixture = PolicyFixture()
        fixture.categories += """

          - id: photos
            taxonomy: user.content.self_image
            name: {nl: Foto's, en: Photos}
            fields: [photo]
        """
        let document = check(fixture)
        #expect(document.isValid)
        let issue = try #require(document.issues.first)
        #expect(issue.code == "category.unused")
        #expect(issue.severity == .warning)
        #expect(issue.line == line(of: "id: photos", in: fixture.yaml))
    }

    @Test func dataThatCouldBeKeptForEverIsAWarningUntilAtMostBoundsIt() throws {
        var fixture = PolicyFixture()
        fixture.purposes = fixture.purposes.replacingOccurrences(", at_most: P10Y}", "}")
        let document = check(fixture)
        #expect(document.isValid)
        let issue = try #require(document.issues.first)
        #expect(document.issues.count == 1)
        #expect(issue.code == "retention.may_never_end")
        #expect(issue.severity == .warning)
        #expect(issue.path == "purposes[service].retention")
        #expect(issue.message.contains("contact") && issue.message.contains("contract_end"))
        // An anchor every record has never warns: collection, the fiscal year, consent withdrawn.
        fixture.purposes = fixture.purposes.replacingOccurrences("anchor: contract_end, duration: P2Y", "anchor: collected, duration: P2Y")
        #expect(check(fixture).issues.isEmpty)
    }

    @Test func purposesSayWhichEventsStartAndEndThem() throws {
        var fixture = PolicyFixture()
        fixture.purposes = fixture.purposes.replacingOccurrences("    categories: [contact]\n", "    categories: [contact]\n    applies_from: [contract_start]\n    applies_until: [Contract End]\n")
        #expect(check(fixture).errors.map(\.path) == ["purposes[service].applies_until[0]"])
        fixture.purposes = fixture.purposes.replacingOccurrences("[Contract End]", "[contract_ended]")
        let policy = try check(fixture).validPolicy()
        #expect(policy.purpose("service")?.appliesFrom == ["contract_start"])
        #expect(policy.purpose("service")?.appliesUntil == ["contract_ended"])
        #expect(policy.purpose("service")?.retention.terms.atMost == ISODuration("P10Y"))
    }

    @Test func subjectGroupWithoutPurposeIsAWarning() throws {
        let yaml = PolicyFixture().yaml.replacingOccurrences("    name: {nl: Klanten, en: Customers}\n",
                                                     "    name: {nl: Klanten, en: Customers}\n  - id: staff\n    name: {nl: Medewerkers, en: Staff}\n")
        let document = PolicyDocument(text: yaml)
        #expect(document.isValid)
        let issue = try #require(document.issues.first)
        #expect(issue.code == "subject.unused")
        #expect(issue.severity == .warning)
        #expect(issue.path == "subjects[staff]")
        #expect(issue.line == line(of: "id: staff", in: yaml))
    }

    @Test func purposeWithoutRetentionIsAnError() throws {
        var fixture = PolicyFixture()
        fixture.purposes = fixture.purposes.replacingOccurrences("    retention: {anchor: contract_end, duration: P2Y, then: delete, at_most: P10Y}\n", "")
        let issue = try onlyError(check(fixture))
        #expect(issue.code == "purpose.no_retention")
        #expect(issue.path == "purposes[service]")
    }

    @Test func specialCategoryNeedsACondition() throws {
        var fixture = PolicyFixture()
        fixture.categories = fixture.categories.replacingOccurrences("    fields: [email, phone]", "    fields: [email, phone]\n    special: health")
        // Both purposes use the category, and each is reported.
        let errors = check(fixture).errors
        #expect(errors.map(\.code) == ["special.no_condition", "special.no_condition"])
        #expect(errors.map(\.path) == ["purposes[service]", "purposes[bookkeeping]"])
        #expect(errors.allSatisfy { $0.message.contains("art. 9") })
    }

    @Test func specialConditionMakesItValid() {
        var fixture = PolicyFixture()
        fixture.categories = fixture.categories.replacingOccurrences("    fields: [email, phone]", "    fields: [email, phone]\n    special: health")
        fixture.purposes = fixture.purposes.replacingOccurrences("    legal_basis: contract", "    legal_basis: contract\n    special_condition: explicit_consent")
            .replacingOccurrences("    legal_basis: legal_obligation", "    legal_basis: legal_obligation\n    special_condition: legal_claims")
        #expect(check(fixture).isValid, "\(check(fixture).issues.map(\.description))")
    }

    @Test func transferOutsideTheEEANeedsAMechanism() throws {
        var fixture = PolicyFixture()
        fixture.recipients = fixture.recipients.replacingOccurrences("country: NL", "country: US")
        let issue = try onlyError(check(fixture))
        #expect(issue.code == "transfer.no_mechanism")
        #expect(issue.path == "recipients[mollie].country")
        #expect(issue.line == line(of: "country: US", in: fixture.yaml))
    }

    @Test func marketingCannotRestOnAContract() throws {
        var fixture = PolicyFixture()
        fixture.purposes = fixture.purposes.replacingOccurrences("    legal_basis: contract", "    legal_basis: contract\n    direct_marketing: true")
        let issue = try onlyError(check(fixture))
        #expect(issue.code == "marketing.contract_basis")
        #expect(issue.path == "purposes[service].legal_basis")
    }

    @Test func legitimateInterestMustBeDescribed() throws {
        var fixture = PolicyFixture()
        fixture.purposes = fixture.purposes.replacingOccurrences("    legal_basis: contract", "    legal_basis: legitimate_interest")
        let issue = try onlyError(check(fixture))
        #expect(issue.code == "basis.no_interest")
        #expect(issue.line == line(of: "legal_basis: legitimate_interest", in: fixture.yaml))
    }

    @Test func promisedAnswerTimeMayNotExceedTheLegalMonth() throws {
        var fixture = PolicyFixture()
        fixture.extra = "rights:\n  answer_within: P6W"
        let issue = try onlyError(check(fixture))
        #expect(issue.code == "rights.too_late")
        #expect(issue.path == "rights.answer_within")
        #expect(issue.line == line(of: "answer_within", in: fixture.yaml))
    }

    @Test func nonEssentialCookiesNeedConsent() throws {
        var fixture = PolicyFixture()
        fixture.extra = """
        cookies:
          - id: marketing
            name: {nl: Marketingcookies, en: Marketing cookies}
            consent: false
            consent_mode: [ad_storage]
        """
        let issue = try onlyError(check(fixture))
        #expect(issue.code == "cookies.no_consent")
        #expect(issue.line == line(of: "consent: false", in: fixture.yaml))
    }

    @Test func fieldAnchorMustNameAFieldOfTheCategory() throws {
        var fixture = PolicyFixture()
        fixture.purposes = fixture.purposes.replacingOccurrences("field:invoice_date", "field:paid_on")
        let issue = try onlyError(check(fixture))
        #expect(issue.code == "retention.unknown_field")
        #expect(issue.path == "purposes[bookkeeping].retention.categories.invoices.anchor")
    }

    @Test func syntaxErrorsGiveTheirLine() throws {
        let text = "kluis: 1\npolicy:\n  version: \"1.0\n  date: [2026\n"
        let issue = try #require(PolicyDocument(text: text).errors.first)
        #expect(issue.code == "yaml.syntax")
        #expect(issue.line != nil)
    }

    @Test func theFormatVersionComesFirst() throws {
        let issue = try #require(PolicyDocument(text: "policy: {}\n").errors.first)
        #expect(issue.code == "format.version")
        let newer = try #require(PolicyDocument(text: "kluis: 2\n").errors.first)
        #expect(newer.code == "format.version")
        #expect(newer.message.contains("version 1"))
    }

    @Test func wrongValueKindsAreNamed() throws {
        var fixture = PolicyFixture()
        fixture.purposes = fixture.purposes.replacingOccurrences("categories: [contact]", "categories: contact")
        let issue = try onlyError(check(fixture))
        #expect(issue.code == "field.type")
        #expect(issue.message.contains("expected a list"))
    }

    @Test func misspelledEnumValueSuggestsTheNearest() throws {
        var fixture = PolicyFixture()
        fixture.purposes = fixture.purposes.replacingOccurrences("legal_basis: contract", "legal_basis: contrakt")
        let issue = try onlyError(check(fixture))
        #expect(issue.code == "value.invalid")
        #expect(issue.message.contains("did you mean 'contract'"))
    }

    @Test func messagesNeverEchoSnippetsOfTheFile() throws {
        // Yams puts the offending line in its error text; a policy is not personal data, but the
        // same parser reads imports later, so its messages carry the problem and line only.
        let text = "kluis: 1\npolicy: {version: \"secret-value\n"
        let issue = try #require(PolicyDocument(text: text).errors.first)
        #expect(!issue.message.contains("secret-value"))
    }
}

extension String {
    /// `self` with `target` replaced by `replacement`; the test fails to set up when absent.
    func replacingOccurrences(_ target: String, _ replacement: String) -> String {
        precondition(contains(target), "fixture does not contain \(target)")
        return split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
