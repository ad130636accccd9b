import Yams

/// Reading purposes and their retention rules.
extension PolicyParser {
    func readPurpose(_ cursor: NodeCursor) -> Purpose? {
        guard let fields = cursor.fields([
            "id", "name", "description", "legal_basis", "law", "interest", "special_condition",
            "special_law", "direct_marketing", "subjects", "categories", "retention",
            "applies_from", "applies_until", "pseudonymised", "dataset",
        ]) else { return nil }
        let id = fields.required("id")?.id()
        let name = fields.required("name")?.text()
        let description = fields.optional("description")?.text()
        let basis = readLegalBasis(fields)
        let condition = fields.optional("special_condition")?.choice(SpecialCondition.self)
        let specialLaw = fields.optional("special_law")?.string()
        let marketing = fields.optional("direct_marketing").map { $0.bool() } ?? false
        let subjects = fields.required("subjects")?.ids()
        let categories = fields.required("categories")?.ids()
        let appliesFrom: [String]? = if let events = fields.optional("applies_from") { events.ids() } else { [] }
        let appliesUntil: [String]? = if let events = fields.optional("applies_until") { events.ids() } else { [] }
        let pseudonymised = fields.optional("pseudonymised").map { $0.bool() } ?? false
        let dataset = fields.optional("dataset").map(readDataset)
        if let categories, categories.isEmpty {
            fields.required("categories")?.report("field.missing", "a purpose uses at least one category")
        }
        // A missing retention rule is a finding of its own, reported by the validator with its
        // own code, so the purpose is still built with a placeholder rule here.
        let retention: RetentionRule?
        if let retentionCursor = fields.optional("retention") {
            retention = readRetention(retentionCursor)
        } else if fields.misspelled.contains("retention") {
            retention = nil
        } else {
            cursor.report("purpose.no_retention",
                          "this purpose does not say how long its data is kept; add 'retention' (anchor, duration, then)")
            retention = nil
        }
        guard let id, let name, let basis, let marketing, let subjects, let categories,
              let retention, let appliesFrom, let appliesUntil, let pseudonymised, dataset != .some(nil) else { return nil }
        return Purpose(id: id, name: name, description: description, legalBasis: basis,
                       specialCondition: condition, specialLaw: specialLaw, directMarketing: marketing,
                       subjects: subjects, categories: categories, retention: retention,
                       appliesFrom: appliesFrom, appliesUntil: appliesUntil, pseudonymised: pseudonymised,
                       dataset: dataset ?? nil)
    }

    /// `dataset: {k: 5, quasi_identifiers: {job_descriptions.postcode_area: postcode_digits}, attributes: [reviews.rating]}`.
    /// Which categories and fields the columns name is checked by the validator, which knows
    /// the purpose's categories.
    private func readDataset(_ cursor: NodeCursor) -> DatasetSpec? {
        guard let fields = cursor.fields(["k", "quasi_identifiers", "attributes"]) else { return nil }
        let k = fields.required("k")?.int()
        if let k, k < 2 {
            fields.required("k")?.report("value.invalid", "k is at least 2: with 1, every person may be alone in their row")
        }
        var quasiIdentifiers: [DatasetSpec.Column]? = []
        if let mapping = fields.required("quasi_identifiers") {
            if case .mapping(let entries) = mapping.node, let named = mapping.fields(entries.keys.compactMap(\.string)), !entries.isEmpty {
                // In the order of the file: the columns of the dataset.
                for name in entries.keys.compactMap(\.string) {
                    guard let entry = named.entries[name] else { continue }
                    guard let generalisation = entry.choice(Generalisation.self) else { quasiIdentifiers = nil; continue }
                    guard let column = DatasetSpec.Column(name, generalisation: generalisation) else {
                        entry.report("dataset.column", "'\(name)' is not a column: write category.field")
                        quasiIdentifiers = nil
                        continue
                    }
                    quasiIdentifiers?.append(column)
                }
            } else {
                mapping.report("value.invalid", "'quasi_identifiers' maps at least one category.field to how it is generalised, e.g. {contact.postcode: postcode_digits}")
                quasiIdentifiers = nil
            }
        }
        let attributes = fields.optional("attributes")?.list { entry -> DatasetSpec.Column? in
            guard let text = entry.string() else { return nil }
            guard let column = DatasetSpec.Column(text) else {
                entry.report("dataset.column", "'\(text)' is not a column: write category.field")
                return nil
            }
            return column
        } ?? []
        guard let k, k >= 2, let quasiIdentifiers, !quasiIdentifiers.isEmpty else { return nil }
        return DatasetSpec(k: k, quasiIdentifiers: quasiIdentifiers, attributes: attributes)
    }

    private func readLegalBasis(_ fields: Fields) -> LegalBasis? {
        guard let kind = fields.required("legal_basis")?.choice(LegalBasis.Kind.self) else { return nil }
        let law = fields.optional("law")?.string()
        let interest = fields.optional("interest")?.text()
        switch kind {
        case .consent: return .consent
        case .contract: return .contract
        case .vitalInterest: return .vitalInterest
        case .publicTask: return .publicTask
        case .legalObligation:
            guard let law else {
                fields.owner.context.report(
                    "basis.no_law",
                    "a legal obligation must name the law that imposes it: add 'law', e.g. \"Algemene wet inzake rijksbelastingen, art. 52\"",
                    path: "\(fields.owner.path).legal_basis", line: fields.optional("legal_basis")?.line)
                return nil
            }
            return .legalObligation(law: law)
        case .legitimateInterest:
            guard let interest else {
                fields.owner.context.report(
                    "basis.no_interest",
                    "a legitimate interest must be described: add 'interest' saying what the interest is and why it outweighs the person's",
                    path: "\(fields.owner.path).legal_basis", line: fields.optional("legal_basis")?.line)
                return nil
            }
            return .legitimateInterest(interest: interest)
        }
    }

    func readRetention(_ cursor: NodeCursor) -> RetentionRule? {
        guard let fields = cursor.fields(["anchor", "duration", "then", "at_most", "holds", "categories"]) else {
            return nil
        }
        let terms = readTerms(fields)
        let holds = fields.optional("holds")?.list(readHold) ?? []
        var categoryTerms: [String: RetentionRule.Terms] = [:]
        var complete = true
        if let overrides = fields.optional("categories"),
           let entries = overrides.fields(overridableCategoryKeys(overrides)) {
            for (category, entry) in entries.entries {
                guard let entryFields = entry.fields(["anchor", "duration", "then", "at_most"]),
                      let entryTerms = readTerms(entryFields) else {
                    complete = false
                    continue
                }
                categoryTerms[category] = entryTerms
            }
        }
        guard let terms, complete else { return nil }
        return RetentionRule(terms: terms, holds: holds, categoryTerms: categoryTerms)
    }

    /// The keys of a per-category retention map are category ids; references are checked later.
    private func overridableCategoryKeys(_ cursor: NodeCursor) -> [String] {
        guard case .mapping(let mapping) = cursor.node else { return [] }
        return mapping.keys.compactMap(\.string)
    }

    private func readTerms(_ fields: Fields) -> RetentionRule.Terms? {
        let anchor = fields.required("anchor").flatMap(readAnchor)
        let duration = fields.required("duration")?.duration()
        let action = fields.optional("then").map { $0.choice(RetentionAction.self) } ?? .delete
        let atMostCursor = fields.optional("at_most")
        let atMost = atMostCursor?.duration()
        guard let anchor, let duration, let action, atMostCursor == nil || atMost != nil else { return nil }
        return RetentionRule.Terms(anchor: anchor, duration: duration, then: action, atMost: atMost)
    }

    private func readAnchor(_ cursor: NodeCursor) -> RetentionAnchor? {
        guard let text = cursor.string() else { return nil }
        if let anchor = RetentionAnchor(text) { return anchor }
        let named = RetentionAnchor.named.keys.sorted()
        cursor.report("value.invalid",
                      "'\(text)' is not a retention anchor\(NodeCursor.hint(for: text, among: named)); use one of \(named.joined(separator: ", ")), field:NAME or event:NAME")
        return nil
    }

    private func readHold(_ cursor: NodeCursor) -> LegalHold? {
        guard let fields = cursor.fields(["id", "description", "released_by"]) else { return nil }
        let id = fields.required("id")?.id()
        let description = fields.required("description")?.text()
        let releasedBy = fields.required("released_by")?.id()
        guard let id, let description, let releasedBy else { return nil }
        return LegalHold(id: id, description: description, releasedBy: releasedBy)
    }
}
