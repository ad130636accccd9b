import Yams

/// Reads the YAML text of a policy file into a ``Policy``, reporting every structural problem with
/// its line and path: unknown or missing fields, wrong types, invalid values, missing translations.
///
/// Parsing checks the shape of each value; ``PolicyValidator`` then checks the policy as a whole
/// (references, legal bases, retention). ``PolicyDocument`` runs both.
public struct PolicyParser: Sendable {
    public init() {}

    /// Parses `text`; `file` only labels the problems found.
    public func parse(_ text: String, file: String? = nil) -> PolicyParseResult {
        let context = ParseContext(file: file)
        let root: Node
        do {
            guard let node = try Yams.compose(yaml: text) else {
                context.report("format.version", "the file is empty; a policy starts with 'kluis: 1'", path: "", line: 1)
                return PolicyParseResult(policy: nil, issues: context.issues, sourceMap: context.sourceMap)
            }
            root = node
        } catch {
            let (line, problem) = Self.describe(error)
            context.report("yaml.syntax", "this is not valid YAML: \(problem)", path: "", line: line)
            return PolicyParseResult(policy: nil, issues: context.issues, sourceMap: context.sourceMap)
        }
        let policy = readPolicy(NodeCursor(node: root, path: "", context: context))
        let complete = policy != nil && !context.issues.contains { $0.severity == .error }
        return PolicyParseResult(policy: complete ? policy : nil, issues: context.issues,
                                 sourceMap: context.sourceMap)
    }

    /// The line and the problem of a YAML syntax error, without the snippet of text Yams adds,
    /// which could carry personal data into logs.
    static func describe(_ error: any Error) -> (line: Int?, problem: String) {
        guard let yamlError = error as? YamlError else { return (nil, "the text cannot be read") }
        switch yamlError {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            // The context says where the construct that failed began, which is often where
            // the mistake is (an unclosed bracket is noticed only on a later line).
            guard let context, context.mark.line != mark.line else { return (mark.line, problem) }
            return (mark.line, "\(problem) (\(context.text) that starts on line \(context.mark.line))")
        case .reader(let problem, _, _, _):
            return (nil, problem)
        default:
            return (nil, "the text cannot be read")
        }
    }

    static let topLevelKeys = [
        "kluis", "policy", "controller", "subjects", "categories", "purposes", "recipients",
        "cookies", "rights", "minors", "automated_decisions", "security", "breaches", "changes", "logs",
        "branding",
    ]

    private func readPolicy(_ root: NodeCursor) -> Policy? {
        guard case .mapping(let mapping) = root.node else {
            root.report("format.version", "a policy is a group of fields starting with 'kluis: 1'")
            return nil
        }
        guard let first = mapping.first, first.key.string == "kluis" else {
            root.report("format.version", "the first line of a policy must be 'kluis: 1'")
            return nil
        }
        guard first.value.string == "1" else {
            root.context.report("format.version",
                                 "this is format version '\(first.value.string ?? "?")'; this Kluis reads version 1",
                                 path: "kluis", line: first.key.mark?.line)
            return nil
        }
        guard let fields = root.fields(Self.topLevelKeys) else { return nil }
        // Languages first: every text after this is checked against them.
        let info = fields.required("policy").flatMap(readInfo)
        if let info { root.context.languages = info.languages }

        let controller = fields.required("controller").flatMap(readController)
        let subjects = fields.required("subjects")?.list(readSubject)
        let categories = fields.required("categories")?.list(readCategory)
        let purposes = fields.required("purposes")?.list(readPurpose)
        let recipients = fields.optional("recipients")?.list(readRecipient) ?? []
        let cookies = fields.optional("cookies")?.list(readCookieCategory) ?? []
        let rights = fields.optional("rights").flatMap(readRights) ?? RightsPolicy()
        let minors = fields.optional("minors").flatMap(readMinors)
        let decisions = fields.optional("automated_decisions")?.list(readAutomatedDecision) ?? []
        let security = fields.optional("security").flatMap(readSecurity) ?? SecurityPolicy()
        let breaches = fields.optional("breaches").flatMap(readBreaches) ?? BreachPolicy()
        let changes = fields.optional("changes").flatMap(readChanges)
        let logs = fields.optional("logs").flatMap(readLogs) ?? LogRetention()
        let branding = fields.optional("branding").flatMap(readBranding)

        guard let info, let controller, let subjects, let categories, let purposes else { return nil }
        return Policy(info: info, controller: controller, subjects: subjects, categories: categories,
                      purposes: purposes, recipients: recipients, cookies: cookies, rights: rights,
                      minors: minors, automatedDecisions: decisions, security: security,
                      breaches: breaches, changes: changes, logs: logs, branding: branding)
    }

    private func readInfo(_ cursor: NodeCursor) -> PolicyInfo? {
        guard let fields = cursor.fields(["version", "date", "languages", "url", "voice"]) else { return nil }
        let version = fields.required("version")?.string()
        let date = fields.required("date")?.date()
        let languages = fields.required("languages")?.list { $0.choice(Language.self) }
        if let languages, languages.isEmpty {
            fields.required("languages")?.report("value.invalid", "list at least one language: nl, en")
        }
        let url = fields.optional("url")?.string()
        let voice = fields.optional("voice").map { $0.choice(PolicyInfo.Voice.self) }
        guard let version, let date, let languages, !languages.isEmpty, voice != .some(nil) else { return nil }
        return PolicyInfo(version: version, date: date, languages: languages, url: url, voice: (voice ?? nil) ?? .formal)
    }

    private func readBranding(_ cursor: NodeCursor) -> Branding? {
        guard let fields = cursor.fields(["logo", "accent", "link_back"]) else { return nil }
        let logo = fields.optional("logo").flatMap(readSecureURL)
        var accent: String?
        if let cursor = fields.optional("accent"), let text = cursor.string() {
            if let contrast = Branding.contrastOnWhite(text) {
                if contrast >= 4.5 {
                    accent = text.lowercased()
                } else {
                    let shown = (contrast * 10).rounded(.down) / 10
                    cursor.report("branding.contrast",
                                  "'\(text)' has a contrast of \(shown) to 1 on white; links need 4.5 to 1 (WCAG 2.2 AA): choose a darker colour")
                }
            } else {
                cursor.report("value.invalid", "'\(text)' is not a colour: write #rrggbb, e.g. #0b5cad")
            }
        }
        var linkBack: Branding.LinkBack?
        if let cursor = fields.optional("link_back"), let link = cursor.fields(["url", "text"]) {
            if let url = link.required("url").flatMap(readSecureURL), let text = link.required("text")?.text() {
                linkBack = Branding.LinkBack(url: url, text: text)
            }
        }
        return Branding(logo: logo, accent: accent, linkBack: linkBack)
    }

    /// An `https://` address: pages served over TLS load nothing over plain HTTP.
    private func readSecureURL(_ cursor: NodeCursor) -> String? {
        guard let text = cursor.string() else { return nil }
        guard text.hasPrefix("https://"), text.count > 8, !text.contains(where: { $0.isWhitespace || $0 == "\"" }) else {
            cursor.report("value.invalid", "'\(text)' is not an https:// address")
            return nil
        }
        return text
    }

    private func readController(_ cursor: NodeCursor) -> Controller? {
        guard let fields = cursor.fields([
            "name", "kvk", "address", "email", "phone", "website", "dpo", "privacy_contact",
            "representative", "supervisory_authority", "fiscal_year_end",
        ]) else { return nil }
        let name = fields.required("name")?.string()
        let kvk = fields.optional("kvk").flatMap(readKvK)
        let address = fields.optional("address").flatMap(readAddress)
        let email = fields.required("email").flatMap(readEmail)
        let phone = fields.optional("phone")?.string()
        let website = fields.optional("website")?.string()
        let dpo = fields.optional("dpo").flatMap(readContact)
        let privacyContact = fields.optional("privacy_contact").flatMap(readContact)
        let representative = fields.optional("representative").flatMap(readContact)
        let authority = fields.optional("supervisory_authority").flatMap(readAuthority)
        var fiscalYearEnd = MonthDay(month: 12, day: 31)
        if let cursor = fields.optional("fiscal_year_end"), let text = cursor.string() {
            if let parsed = MonthDay(text) {
                fiscalYearEnd = parsed
            } else {
                cursor.report("value.invalid", "'\(text)' is not a day of the year: write MM-DD, e.g. 12-31")
            }
        }
        guard let name, let email else { return nil }
        return Controller(name: name, kvk: kvk, address: address, email: email, phone: phone,
                          website: website, dpo: dpo, privacyContact: privacyContact,
                          representative: representative,
                          supervisoryAuthority: authority ?? .autoriteitPersoonsgegevens,
                          fiscalYearEnd: fiscalYearEnd)
    }

    private func readKvK(_ cursor: NodeCursor) -> String? {
        guard let text = cursor.string() else { return nil }
        guard text.count == 8, text.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            cursor.report("contact.invalid", "a KvK number has 8 digits; write it in quotes, e.g. \"12345678\"")
            return nil
        }
        return text
    }

    func readEmail(_ cursor: NodeCursor) -> String? {
        guard let text = cursor.string() else { return nil }
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."),
              !parts[1].hasPrefix("."), !parts[1].hasSuffix("."),
              !text.contains(where: \.isWhitespace) else {
            cursor.report("contact.invalid", "'\(text)' is not an e-mail address")
            return nil
        }
        return text
    }

    func readCountry(_ cursor: NodeCursor) -> String? {
        guard let text = cursor.string() else { return nil }
        guard Country.isWellFormed(text) else {
            cursor.report("contact.invalid", "'\(text)' is not a country code: use ISO 3166 alpha-2 in capitals, e.g. NL, US, IE")
            return nil
        }
        return text
    }

    private func readAddress(_ cursor: NodeCursor) -> PostalAddress? {
        guard let fields = cursor.fields(["street", "postcode", "city", "country"]) else { return nil }
        let street = fields.required("street")?.string()
        let postcode = fields.required("postcode")?.string()
        let city = fields.required("city")?.string()
        let country = fields.optional("country").flatMap(readCountry) ?? "NL"
        guard let street, let postcode, let city else { return nil }
        return PostalAddress(street: street, postcode: postcode, city: city, country: country)
    }

    private func readContact(_ cursor: NodeCursor) -> Contact? {
        guard let fields = cursor.fields(["name", "email", "phone"]) else { return nil }
        let name = fields.required("name")?.string()
        let email = fields.optional("email").flatMap(readEmail)
        let phone = fields.optional("phone")?.string()
        guard let name else { return nil }
        return Contact(name: name, email: email, phone: phone)
    }

    private func readAuthority(_ cursor: NodeCursor) -> SupervisoryAuthority? {
        guard let fields = cursor.fields(["name", "url", "country"]) else { return nil }
        let name = fields.required("name")?.string()
        let url = fields.required("url")?.string()
        let country = fields.required("country").flatMap(readCountry)
        guard let name, let url, let country else { return nil }
        return SupervisoryAuthority(name: name, url: url, country: country)
    }

    private func readSubject(_ cursor: NodeCursor) -> SubjectCategory? {
        guard let fields = cursor.fields(["id", "name", "description"]) else { return nil }
        let id = fields.required("id")?.id()
        let name = fields.required("name")?.text()
        let description = fields.optional("description")?.text()
        guard let id, let name else { return nil }
        return SubjectCategory(id: id, name: name, description: description)
    }

    private func readCategory(_ cursor: NodeCursor) -> DataCategory? {
        guard let fields = cursor.fields([
            "id", "taxonomy", "name", "description", "fields", "origin", "source", "records",
            "special", "required", "anonymise", "deletion", "correction", "others",
        ]) else { return nil }
        let id = fields.required("id")?.id()
        let taxonomy = fields.required("taxonomy")?.string()
        let name = fields.required("name")?.text()
        let description = fields.optional("description")?.text()
        let recordFields = fields.required("fields")?.ids()
        let origin = fields.optional("origin").map { $0.choice(DataOrigin.self) } ?? .provided
        let source = fields.optional("source")?.text()
        let records = fields.optional("records").map { $0.choice(RecordCardinality.self) } ?? .one
        let special = fields.optional("special").map { $0.choice(SpecialCategory.self) } ?? SpecialCategory.none
        let required = fields.optional("required").map { $0.bool() } ?? true
        let deletion = fields.optional("deletion").map { $0.choice(Deletion.self) } ?? .request
        let correction = fields.optional("correction").map { $0.choice(Correction.self) } ?? .request
        if let recordFields, recordFields.isEmpty {
            fields.required("fields")?.report("field.missing", "list at least one field of the record")
        }
        let anonymise: [String: Generalisation]? = fields.optional("anonymise")
            .map { readGeneralisations($0, fields: recordFields ?? []) } ?? [:]
        let others = fields.optional("others").flatMap { readOthers($0, fields: recordFields ?? [], anonymise: anonymise ?? [:]) } ?? []
        guard let id, let taxonomy, let name, let recordFields, let origin, let records, let special,
              let required, let anonymise, let deletion, let correction else { return nil }
        return DataCategory(id: id, taxonomy: taxonomy, name: name, description: description,
                            fields: recordFields, origin: origin, source: source, records: records,
                            special: special, required: required, anonymise: anonymise, deletion: deletion,
                            correction: correction, others: others)
    }

    /// `anonymise: {postcode: postcode_digits, birth_date: year}`: fields of the category, each
    /// with how its value is generalised.
    private func readGeneralisations(_ cursor: NodeCursor, fields recordFields: [String]) -> [String: Generalisation]? {
        guard case .mapping(let mapping) = cursor.node,
              let entries = cursor.fields(mapping.keys.compactMap(\.string)) else {
            cursor.report("value.invalid", "'anonymise' maps fields to how they are generalised, e.g. {postcode: postcode_digits}")
            return nil
        }
        var result: [String: Generalisation] = [:]
        var complete = true
        for (field, entry) in entries.entries {
            guard recordFields.contains(field) else {
                entry.report("anonymise.unknown_field", "'\(field)' is not a field of this category\(NodeCursor.hint(for: field, among: recordFields))")
                complete = false
                continue
            }
            guard let generalisation = entry.choice(Generalisation.self) else {
                complete = false
                continue
            }
            result[field] = generalisation
        }
        return complete ? result : nil
    }

    /// `others: [{reference: reporter, fields: [reporter_name], role: {nl: melder, en: reporter}}]`:
    /// each a field holding another person's subject id, and the fields that are that person's.
    /// A field belongs to one person at most, and none of them survives anonymisation: it would
    /// keep the other person's data.
    private func readOthers(_ cursor: NodeCursor, fields recordFields: [String], anonymise: [String: Generalisation]) -> [OtherPerson]? {
        var claimed: Set<String> = []
        return cursor.list { entry -> OtherPerson? in
            guard let fields = entry.fields(["reference", "fields", "role"]) else { return nil }
            let reference = fields.required("reference")?.id()
            let theirs = fields.optional("fields")?.ids() ?? []
            let role = fields.required("role")?.text()
            guard let reference, let role else { return nil }
            var valid = true
            for (field, at) in [(reference, fields.required("reference"))] + theirs.map({ ($0, fields.optional("fields")) }) {
                if !recordFields.contains(field) {
                    at?.report("others.unknown_field", "'\(field)' is not a field of this category\(NodeCursor.hint(for: field, among: recordFields))")
                    valid = false
                } else if !claimed.insert(field).inserted {
                    at?.report("others.field_shared", "'\(field)' is already another person's: a field belongs to one person at most")
                    valid = false
                } else if anonymise[field] != nil {
                    at?.report("others.anonymised", "'\(field)' is another person's data, so 'anonymise' cannot keep it: leave it out there")
                    valid = false
                }
            }
            return valid ? OtherPerson(reference: reference, fields: theirs, role: role) : nil
        }
    }
}
